import { parseIsoDate, startOfVietnamDay, vietnamDateOf } from '../../periods/domain';

/** The calendar month (Vietnam time) containing `now`, as instants [start, end). */
export function vietnamMonthOf(now: Date): { start: Date; end: Date } {
  const { year, month } = parseIsoDate(vietnamDateOf(now));
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  const first = (y: number, m: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
  return { start: startOfVietnamDay(first(year, month)), end: startOfVietnamDay(first(next.year, next.month)) };
}

/** Whether one more reminder fits under the cap; a cap of 0 means no cap (as 0 turns the other policy settings off). */
export function underMonthlyCap(sentThisMonth: number, cap: number): boolean {
  return cap === 0 || sentThisMonth < cap;
}
