import { Holiday, HOLIDAY_NAMES } from './holiday';
import { addDays, isWeekend, IsoDate } from './iso-date';

/**
 * Adds a compensatory day ("nghỉ bù") for each holiday on a Saturday or Sunday: the first
 * weekday after it that is neither a holiday nor already given as a compensatory day.
 * Returns all days sorted by date.
 */
export function withCompensatoryDays(holidays: readonly Holiday[]): Holiday[] {
  const sorted = [...holidays].sort((a, b) => a.date.localeCompare(b.date));
  const taken = new Set(sorted.map((holiday) => holiday.date));
  const compensatory: Holiday[] = [];
  for (const holiday of sorted) {
    if (!isWeekend(holiday.date)) continue;
    let date: IsoDate = addDays(holiday.date, 1);
    while (isWeekend(date) || taken.has(date)) date = addDays(date, 1);
    taken.add(date);
    compensatory.push({
      date,
      kind: 'compensatory',
      name: HOLIDAY_NAMES.compensatory,
      compensatesFor: holiday.date,
    });
  }
  return [...sorted, ...compensatory].sort((a, b) => a.date.localeCompare(b.date));
}
