/**
 * When units that still owe a report are reminded (used by the reminder scheduler).
 * Days count calendar days relative to the due date, in Vietnam time.
 */
export interface ReminderPolicy {
  /** Reminders this many days before the due date, e.g. [7, 2]. */
  daysBefore: number[];
  onDueDate: boolean;
  /** Then every N days while overdue (0 = never). */
  overdueEveryDays: number;
  /** From this many days overdue, the unit's leadership is copied (0 = never). */
  escalateAfterDays: number;
  /** Most reminders one unit receives in a calendar month, across obligations. */
  monthlyCapPerUnit: number;
}

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  daysBefore: [7, 2],
  onDueDate: true,
  overdueEveryDays: 3,
  escalateAfterDays: 7,
  monthlyCapPerUnit: 10,
};

/** Problems with a policy, each naming the property; empty when valid. */
export function validateReminderPolicy(policy: unknown): Array<{ path: string; message: string }> {
  if (typeof policy !== 'object' || policy === null || Array.isArray(policy)) {
    return [{ path: '', message: 'phải là một đối tượng' }];
  }
  const value = policy as Record<string, unknown>;
  const problems: Array<{ path: string; message: string }> = [];
  const known = Object.keys(DEFAULT_REMINDER_POLICY);
  for (const key of Object.keys(value)) if (!known.includes(key)) problems.push({ path: key, message: 'thuộc tính không được hỗ trợ' });
  const days = value.daysBefore;
  if (!Array.isArray(days) || days.some((day) => !Number.isInteger(day) || day < 1 || day > 90) || new Set(days).size !== days.length) {
    problems.push({ path: 'daysBefore', message: 'phải là danh sách các số nguyên khác nhau từ 1 đến 90' });
  }
  if (typeof value.onDueDate !== 'boolean') problems.push({ path: 'onDueDate', message: 'phải là true hoặc false' });
  for (const [key, max] of [['overdueEveryDays', 90], ['escalateAfterDays', 365], ['monthlyCapPerUnit', 100]] as const) {
    const n = value[key];
    if (!Number.isInteger(n) || (n as number) < 0 || (n as number) > max) problems.push({ path: key, message: `phải là số nguyên từ 0 đến ${max}` });
  }
  return problems;
}
