import { formatIsoDate, IsoDate, parseIsoDate } from './iso-date';
import { Period } from './period';
import { shiftMonth } from './year-month';

/**
 * decree09: the data cut-off of Decree 09/2019/NĐ-CP, from the 15th of the month before the
 * period's first month to the 14th of its last month (Q1/2024: 2023-12-15..2024-03-14);
 * calendar: the period's own calendar dates, as Circular 35/2016/TT-BTTTT uses.
 */
export const CUTOFF_WINDOW_KINDS = ['decree09', 'calendar'] as const;
export type CutoffWindowKind = (typeof CUTOFF_WINDOW_KINDS)[number];

/** Inclusive dates whose data the report covers. */
export interface CutoffWindow {
  kind: CutoffWindowKind;
  start: IsoDate;
  end: IsoDate;
}

const DECREE09_START_DAY = 15;
const DECREE09_END_DAY = 14;

/**
 * The decree names monthly, quarterly, half-yearly (the first half), nine-month and annual
 * windows; the same rule applied to the second half gives 15 June to 14 December.
 */
export function cutoffWindow(period: Period, kind: CutoffWindowKind): CutoffWindow {
  if (kind === 'calendar') return { kind, start: period.start, end: period.end };
  const first = parseIsoDate(period.start);
  const last = parseIsoDate(period.end);
  const before = shiftMonth(first, -1);
  return {
    kind,
    start: formatIsoDate(before.year, before.month, DECREE09_START_DAY),
    end: formatIsoDate(last.year, last.month, DECREE09_END_DAY),
  };
}
