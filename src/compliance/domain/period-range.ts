import { type IsoDate, nextPeriod, type Period, periodContaining, type PeriodType, previousPeriod } from '../../periods/domain';

export const DEFAULT_RANGE_LENGTH = 8;
export const MAX_RANGE_LENGTH = 60;

export class PeriodRangeError extends Error {
  constructor(
    readonly field: 'from' | 'to',
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The latest period of the type that has started by `today` (nine-month periods: this year's from October on, else last year's). */
export function latestStartedPeriod(type: PeriodType, today: IsoDate): Period {
  const containing = periodContaining(type, today);
  if (containing) return containing;
  // Only the nine-month period leaves dates uncovered (October to December): its latest one ended in September.
  return periodContaining(type, `${today.slice(0, 4)}-01-01`) as Period;
}

/**
 * The periods from `from` to `to`, both included. Without `to`: the latest period started by
 * today; without `from`: DEFAULT_RANGE_LENGTH periods ending at `to`. At most MAX_RANGE_LENGTH.
 */
export function periodRange(type: PeriodType, today: IsoDate, from: Period | undefined, to: Period | undefined): Period[] {
  const last = to ?? latestStartedPeriod(type, today);
  let first = from;
  if (!first) {
    first = last;
    for (let i = 1; i < DEFAULT_RANGE_LENGTH; i += 1) first = previousPeriod(first);
  }
  if (first.start > last.start) throw new PeriodRangeError('from', 'after_to', `Kỳ đầu (${first.label}) không được sau kỳ cuối (${last.label})`);
  const periods = [first];
  while (periods[periods.length - 1].key !== last.key) {
    if (periods.length >= MAX_RANGE_LENGTH) {
      throw new PeriodRangeError('to', 'too_many_periods', `Tối đa ${MAX_RANGE_LENGTH} kỳ mỗi lần (từ ${first.label} đến ${last.label} nhiều hơn)`);
    }
    periods.push(nextPeriod(periods[periods.length - 1]));
  }
  return periods;
}
