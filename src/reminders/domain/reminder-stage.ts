import type { IsoDate } from '../../periods/domain';

/**
 * Stage names, part of each reminder's unique key (obligation, period, unit, stage):
 * `before-7d`, `due`, `overdue-1`, `overdue-2`..., `escalation` (only when overdue reminders are off)
 * and `manual-2025-02-10` for a "remind now" on that day (Vietnam date).
 */
export const DUE_STAGE = 'due';
export const ESCALATION_STAGE = 'escalation';

export const beforeStage = (days: number) => `before-${days}d`;
export const overdueStage = (occurrence: number) => `overdue-${occurrence}`;
export const manualStage = (date: IsoDate) => `manual-${date}`;

export const REMINDER_STAGE_PATTERN = /^(?:before-[1-9]\d{0,2}d|due|overdue-[1-9]\d{0,4}|escalation|manual-\d{4}-\d{2}-\d{2})$/;
