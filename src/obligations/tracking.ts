import { type AppError, conflict } from '../common/app-error';
import { formatVietnameseDate } from '../common/vietnamese-dates';
import type { Obligation } from './obligation.entity';

/**
 * Whether baocao follows a period of the obligation: its due date is on or after the day the
 * obligation is tracked from. Earlier periods are history: no completion percentage, no lateness,
 * no reminders; their reports are loaded by backfill.
 */
export function isTracked(obligation: Pick<Obligation, 'trackedFrom'>, dueDate: string): boolean {
  return dueDate >= obligation.trackedFrom;
}

/** What an officer reads when a period is history: who loads it instead. */
export const BACKFILL_INSTEAD = 'số liệu kỳ này do cán bộ theo dõi tuân thủ hoặc quản trị viên nạp bù, không nộp theo quy trình thường.';

/** The refusal of an action on a period that is not tracked; `consequence` says what follows for that action. */
export function periodNotTracked(obligation: Pick<Obligation, 'code' | 'trackedFrom'>, period: { key: string; label: string }, dueDate: string, consequence: string): AppError {
  return conflict(
    'period_not_tracked',
    `${period.label} của báo cáo ${obligation.code} có hạn nộp ${formatVietnameseDate(dueDate)}, trước ngày bắt đầu theo dõi (${formatVietnameseDate(obligation.trackedFrom)}): ${consequence}`,
    { periodKey: period.key, dueDate, trackedFrom: obligation.trackedFrom },
  );
}
