import { Holiday, HOLIDAY_NAMES } from './holiday';
import { addDays, dayOfWeek, formatIsoDate, IsoDate } from './iso-date';
import { lunarNewYear, lunarToSolar } from './lunar-calendar';
import { assertSupportedYear } from './supported-years';

const MONDAY = 1;
const TET_DAYS = 5;

/**
 * The public holidays of Labour Code 2019 Art. 112 falling in a Gregorian year, before any
 * compensatory day. Where the law lets the government choose, the defaults are:
 * - Tết: the last day of the old lunar year and days 1-4 of the new one;
 * - National Day's second day: 1 September, or 3 September when 2 September is a Monday
 *   (so the extra day always joins the holiday to a weekend or to the rest of the week).
 * The government's actual choice each year goes into the override table.
 */
export function statutoryHolidaysOf(year: number): Holiday[] {
  assertSupportedYear(year);
  const holiday = (date: IsoDate, name: string): Holiday => ({ date, kind: 'public_holiday', name });
  const nationalDay = formatIsoDate(year, 9, 2);
  const secondNationalDay = addDays(nationalDay, dayOfWeek(nationalDay) === MONDAY ? 1 : -1);
  return [
    holiday(formatIsoDate(year, 1, 1), HOLIDAY_NAMES.newYear),
    ...tetDays(year).map((date) => holiday(date, HOLIDAY_NAMES.lunarNewYear)),
    holiday(lunarToSolar({ day: 10, month: 3, year, leap: false }), HOLIDAY_NAMES.hungKings),
    holiday(formatIsoDate(year, 4, 30), HOLIDAY_NAMES.reunification),
    holiday(formatIsoDate(year, 5, 1), HOLIDAY_NAMES.labourDay),
    holiday(nationalDay, HOLIDAY_NAMES.nationalDay),
    holiday(secondNationalDay, HOLIDAY_NAMES.nationalDay),
  ].sort((a, b) => a.date.localeCompare(b.date));
}

function tetDays(year: number): IsoDate[] {
  const firstDay = lunarNewYear(year);
  return Array.from({ length: TET_DAYS }, (_, i) => addDays(firstDay, i - 1));
}
