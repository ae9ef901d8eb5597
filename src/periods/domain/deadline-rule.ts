/**
 * When a report is due, as JSON-serialisable data stored on the obligation.
 * - days_after_cutoff: N calendar or working days after the cut-off window ends (Decree 09/2019
 *   asks for at least one working day after the cut-off);
 * - day_of_month: day D of the month `monthOffset` months after the period's last month
 *   (0 = that month, 1 = the next, negative = before it, as in Circular 02/2023's annual report
 *   due 25 November); a day past the month's end is clamped to its last day.
 * `adjust` (default next_working_day) moves a due date on a weekend or holiday to the next
 * working day (Civil Code 2015 Art. 148); 'none' keeps it.
 */
export type DeadlineRule = DaysAfterCutoffRule | DayOfMonthRule;

export type DueDateAdjustment = 'next_working_day' | 'none';
export type DayType = 'calendar' | 'working';

export interface DaysAfterCutoffRule {
  kind: 'days_after_cutoff';
  days: number;
  dayType: DayType;
  adjust?: DueDateAdjustment;
}

export interface DayOfMonthRule {
  kind: 'day_of_month';
  monthOffset: number;
  day: number;
  adjust?: DueDateAdjustment;
}

export const DEADLINE_RULE_LIMITS = {
  days: { min: 1, max: 365 },
  monthOffset: { min: -11, max: 24 },
  day: { min: 1, max: 31 },
} as const;

const PROPERTIES: Record<DeadlineRule['kind'], readonly string[]> = {
  days_after_cutoff: ['kind', 'days', 'dayType', 'adjust'],
  day_of_month: ['kind', 'monthOffset', 'day', 'adjust'],
};

/** Problems with a rule, each naming the property in Vietnamese and English; empty when valid. */
export function validateDeadlineRule(rule: unknown): string[] {
  if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) {
    return ['Quy tắc hạn nộp phải là một đối tượng (deadline rule must be an object)'];
  }
  const record = rule as Record<string, unknown>;
  if (record.kind !== 'days_after_cutoff' && record.kind !== 'day_of_month') {
    return [`kind: phải là 'days_after_cutoff' hoặc 'day_of_month' (must be 'days_after_cutoff' or 'day_of_month')`];
  }
  const problems = Object.keys(record)
    .filter((property) => !PROPERTIES[record.kind as DeadlineRule['kind']].includes(property))
    .map((property) => `${property}: thuộc tính không được hỗ trợ (unknown property)`);
  if (record.kind === 'days_after_cutoff') {
    problems.push(...integerProblems(record, 'days'));
    if (record.dayType !== 'calendar' && record.dayType !== 'working') {
      problems.push(`dayType: phải là 'calendar' hoặc 'working' (must be 'calendar' or 'working')`);
    }
  } else {
    problems.push(...integerProblems(record, 'monthOffset'), ...integerProblems(record, 'day'));
  }
  if (record.adjust !== undefined && record.adjust !== 'next_working_day' && record.adjust !== 'none') {
    problems.push(`adjust: phải là 'next_working_day' hoặc 'none' (must be 'next_working_day' or 'none')`);
  }
  return problems;
}

function integerProblems(record: Record<string, unknown>, property: keyof typeof DEADLINE_RULE_LIMITS): string[] {
  const { min, max } = DEADLINE_RULE_LIMITS[property];
  const value = record[property];
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return [];
  return [`${property}: phải là số nguyên từ ${min} đến ${max} (must be an integer from ${min} to ${max})`];
}
