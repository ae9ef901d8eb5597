export const REMINDERS_QUEUE = 'reminders';
export const TICK_JOB = 'tick';
/** Id of the BullMQ job scheduler that runs the tick every REMINDER_TICK_EVERY_MS. */
export const TICK_SCHEDULER_ID = 'reminders-tick';

/** Mail key of a reminder: its unique key, so the mail job id is derived from it too. */
export function reminderMailKey(obligationCode: string, periodKey: string, unitId: string, stage: string): string {
  return `reminder:${obligationCode}:${periodKey}:${unitId}:${stage}`;
}

/** Mail key of the one summary sent when a period's campaign is complete. */
export function campaignSummaryKey(obligationCode: string, periodKey: string): string {
  return `reminder-summary:${obligationCode}:${periodKey}`;
}

export const REMINDER_MAIL_KIND = 'reminder';
export const CAMPAIGN_SUMMARY_MAIL_KIND = 'reminder.summary';
