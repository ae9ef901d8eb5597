/**
 * The Vietnamese lunar calendar, after Hồ Ngọc Đức's published algorithm, computed for UTC+7.
 * Vietnam's calendar differs from China's (UTC+8) in some years, e.g. Tết 1985.
 */
import { IsoDate, parseIsoDate } from './iso-date';
import {
  dateOfJulianDay,
  julianDayOf,
  NEW_MOON_EPOCH,
  newMoonDay,
  sunLongitudeSector,
  SYNODIC_MONTH,
} from './lunar-astronomy';
import { assertSupportedYear } from './supported-years';
import { VIETNAM_UTC_OFFSET_HOURS } from './vietnam-time';

export interface LunarDate {
  day: number;
  month: number;
  year: number;
  /** True for the intercalary (leap) month that repeats `month`. */
  leap: boolean;
}

const TIME_ZONE = VIETNAM_UTC_OFFSET_HOURS;

export function solarToLunar(date: IsoDate): LunarDate {
  const gregorianYear = parseIsoDate(date).year;
  assertSupportedYear(gregorianYear);
  const dayNumber = julianDayOf(date);
  const k = Math.floor((dayNumber - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let monthStart = newMoonDay(k + 1, TIME_ZONE);
  if (monthStart > dayNumber) monthStart = newMoonDay(k, TIME_ZONE);

  // a11 and b11 (Đức's names): the starts of the month-11s on either side of the date.
  let a11 = month11Start(gregorianYear);
  let b11 = a11;
  let year: number;
  if (a11 >= monthStart) {
    year = gregorianYear;
    a11 = month11Start(gregorianYear - 1);
  } else {
    year = gregorianYear + 1;
    b11 = month11Start(gregorianYear + 1);
  }

  const monthsAfter11 = Math.floor((monthStart - a11) / 29);
  let month = monthsAfter11 + 11;
  let leap = false;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11);
    if (monthsAfter11 >= leapOffset) {
      month = monthsAfter11 + 10;
      leap = monthsAfter11 === leapOffset;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && monthsAfter11 < 4) year -= 1;
  return { day: dayNumber - monthStart + 1, month, year, leap };
}

/** Throws RangeError for a date that does not exist (wrong leap flag, day 30 of a 29-day month). */
export function lunarToSolar(lunar: LunarDate): IsoDate {
  const { day, month, year, leap } = lunar;
  assertSupportedYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`Lunar month ${month} must be an integer from 1 to 12`);
  }
  const monthStartK = monthStartIndex(month, year, leap);
  const length = newMoonDay(monthStartK + 1, TIME_ZONE) - newMoonDay(monthStartK, TIME_ZONE);
  if (!Number.isInteger(day) || day < 1 || day > length) {
    throw new RangeError(`Lunar day ${day} must be an integer from 1 to ${length} in ${describe(lunar)}`);
  }
  return dateOfJulianDay(newMoonDay(monthStartK, TIME_ZONE) + day - 1);
}

/** Mùng 1 Tết: the first day of the first lunar month. */
export function lunarNewYear(year: number): IsoDate {
  return lunarToSolar({ day: 1, month: 1, year, leap: false });
}

/** The number of days (29 or 30) in a lunar month. */
export function lunarMonthLength(month: number, year: number, leap = false): number {
  assertSupportedYear(year);
  const k = monthStartIndex(month, year, leap);
  return newMoonDay(k + 1, TIME_ZONE) - newMoonDay(k, TIME_ZONE);
}

/** The month repeated as a leap month in the lunar year, or undefined in a 12-month year. */
export function leapMonthOf(year: number): number | undefined {
  assertSupportedYear(year);
  // Months 1-10 of lunar year Y follow month 11 of Y-1; months 11-12 follow month 11 of Y.
  const early = leapMonthAfter(month11Start(year - 1));
  if (early !== undefined && early <= 10) return early;
  const late = leapMonthAfter(month11Start(year));
  return late !== undefined && late >= 11 ? late : undefined;
}

/** Index k of the new moon starting the given lunar month. */
function monthStartIndex(month: number, year: number, leap: boolean): number {
  const a11 = month < 11 ? month11Start(year - 1) : month11Start(year);
  const b11 = month < 11 ? month11Start(year) : month11Start(year + 1);
  const k = Math.floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let offset = month - 11;
  if (offset < 0) offset += 12;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11);
    const leapMonth = (leapOffset - 2 + 12) % 12 || 12;
    if (leap && month !== leapMonth) {
      throw new RangeError(`${describe({ day: 1, month, year, leap })} does not exist`);
    }
    if (leap || offset >= leapOffset) offset += 1;
  } else if (leap) {
    throw new RangeError(`Lunar year ${year} has no leap month ${month}`);
  }
  return k + offset;
}

/** Julian day starting the lunar month 11 that contains the winter solstice of `year`. */
function month11Start(year: number): number {
  const offset = julianDayOf(`${year}-12-31`) - 2415021;
  const k = Math.floor(offset / SYNODIC_MONTH);
  const newMoon = newMoonDay(k, TIME_ZONE);
  // Past 270° of sun longitude the solstice is already behind us: take the previous new moon.
  return sunLongitudeSector(newMoon, TIME_ZONE) >= 9 ? newMoonDay(k - 1, TIME_ZONE) : newMoon;
}

/** How many months after month 11 (starting at `a11`) the leap month falls, in a 13-month span. */
function leapMonthOffset(a11: number): number {
  const k = Math.floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let sector = sunLongitudeSector(newMoonDay(k + i, TIME_ZONE), TIME_ZONE);
  let previous: number;
  do {
    previous = sector;
    i += 1;
    sector = sunLongitudeSector(newMoonDay(k + i, TIME_ZONE), TIME_ZONE);
  } while (sector !== previous && i < 14);
  return i - 1;
}

/** The leap month number in the span from month 11 starting at `a11` to the next month 11. */
function leapMonthAfter(a11: number): number | undefined {
  const nextA11 = month11Start(Number(dateOfJulianDay(a11).slice(0, 4)) + 1);
  if (nextA11 - a11 <= 365) return undefined;
  return (leapMonthOffset(a11) - 2 + 12) % 12 || 12;
}

function describe({ month, year, leap }: LunarDate): string {
  return `lunar ${leap ? 'leap ' : ''}month ${month} of ${year}`;
}
