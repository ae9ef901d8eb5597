import { formatIsoDate, IsoDate, clampedDate } from './iso-date';
import { PERIOD_SHAPES, PeriodType } from './period-type';
import { assertSupportedYear } from './supported-years';

/**
 * A reporting period. `index` counts from 1 within the year: month 1-12, quarter 1-4, half 1-2,
 * and 1 for the nine-month and annual periods. `start` and `end` are the calendar dates,
 * inclusive; the data cut-off window is a separate thing (cutoff-window.ts).
 */
export interface Period {
  readonly key: string;
  readonly type: PeriodType;
  readonly year: number;
  readonly index: number;
  readonly start: IsoDate;
  readonly end: IsoDate;
  /** Vietnamese label, e.g. "Quý I/2024". */
  readonly label: string;
}

const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'];

export function periodOf(type: PeriodType, year: number, index: number): Period {
  assertSupportedYear(year);
  const { perYear, months } = PERIOD_SHAPES[type];
  if (!Number.isInteger(index) || index < 1 || index > perYear) {
    throw new RangeError(`A ${type} period index must be an integer from 1 to ${perYear}, got ${index}`);
  }
  const firstMonth = (index - 1) * months + 1;
  const lastMonth = firstMonth + months - 1;
  return Object.freeze({
    key: formatPeriodKey({ type, year, index }),
    type,
    year,
    index,
    start: formatIsoDate(year, firstMonth, 1),
    end: clampedDate(year, lastMonth, 31),
    label: labelOf(type, year, index),
  });
}

/** `2024-M03`, `2024-Q1`, `2024-H2`, `2024-9M`, `2024-Y`. */
export function formatPeriodKey({ type, year, index }: Pick<Period, 'type' | 'year' | 'index'>): string {
  switch (type) {
    case 'monthly':
      return `${year}-M${String(index).padStart(2, '0')}`;
    case 'quarterly':
      return `${year}-Q${index}`;
    case 'half_yearly':
      return `${year}-H${index}`;
    case 'nine_monthly':
      return `${year}-9M`;
    case 'yearly':
      return `${year}-Y`;
  }
}

function labelOf(type: PeriodType, year: number, index: number): string {
  switch (type) {
    case 'monthly':
      return `Tháng ${index}/${year}`;
    case 'quarterly':
      return `Quý ${ROMAN_QUARTERS[index - 1]}/${year}`;
    case 'half_yearly':
      return `6 tháng ${index === 1 ? 'đầu' : 'cuối'} năm ${year}`;
    case 'nine_monthly':
      return `9 tháng năm ${year}`;
    case 'yearly':
      return `Năm ${year}`;
  }
}
