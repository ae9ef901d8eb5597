import { withCompensatoryDays } from './compensatory-days';
import { Holiday } from './holiday';
import { statutoryHolidaysOf } from './statutory-holidays';

/**
 * The days off a year gives by law alone: Art. 112 public holidays plus compensatory days.
 * No such holiday falls in late December, so every compensatory day stays in its own year and
 * years can be computed (and cached) independently.
 */
export function publicHolidaysOf(year: number): Holiday[] {
  return withCompensatoryDays(statutoryHolidaysOf(year));
}
