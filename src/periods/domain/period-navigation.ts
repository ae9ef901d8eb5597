import { IsoDate, parseIsoDate } from './iso-date';
import { Period, periodOf } from './period';
import { parsePeriodKey, PeriodKeyError } from './period-key';
import { PERIOD_SHAPES, PeriodType } from './period-type';

export function nextPeriod(period: Period): Period {
  return period.index < PERIOD_SHAPES[period.type].perYear
    ? periodOf(period.type, period.year, period.index + 1)
    : periodOf(period.type, period.year + 1, 1);
}

export function previousPeriod(period: Period): Period {
  return period.index > 1
    ? periodOf(period.type, period.year, period.index - 1)
    : periodOf(period.type, period.year - 1, PERIOD_SHAPES[period.type].perYear);
}

/** The comparison period for year-on-year change: same type and index, one year earlier. */
export function samePeriodLastYear(period: Period): Period {
  return periodOf(period.type, period.year - 1, period.index);
}

/** The period of the type whose calendar dates contain the date; none for Oct-Dec and nine_monthly. */
export function periodContaining(type: PeriodType, date: IsoDate): Period | undefined {
  const { year, month } = parseIsoDate(date);
  const { perYear, months } = PERIOD_SHAPES[type];
  const index = Math.floor((month - 1) / months) + 1;
  return index <= perYear ? periodOf(type, year, index) : undefined;
}

/** Periods of the type overlapping the dates from..to (inclusive), in order; [] when from > to. */
export function periodsBetween(type: PeriodType, from: IsoDate, to: IsoDate): Period[] {
  const firstYear = parseIsoDate(from).year;
  const lastYear = parseIsoDate(to).year;
  const periods: Period[] = [];
  for (let year = firstYear; year <= lastYear; year += 1) {
    for (let index = 1; index <= PERIOD_SHAPES[type].perYear; index += 1) {
      const period = periodOf(type, year, index);
      if (period.end >= from && period.start <= to) periods.push(period);
    }
  }
  return periods;
}

/** Periods from one key to another, both included; the keys must be of one type. */
export function periodsBetweenKeys(fromKey: string, toKey: string): Period[] {
  const from = parsePeriodKey(fromKey);
  const to = parsePeriodKey(toKey);
  if (from.type !== to.type) {
    throw new PeriodKeyError(
      toKey,
      `Kỳ '${fromKey}' và '${toKey}' khác loại (period keys must be of the same type: ${from.type} vs ${to.type})`,
    );
  }
  return periodsBetween(from.type, from.start, to.end);
}
