import { isIsoDate, IsoDate } from './iso-date';

/**
 * One row of the admin-edited table of the government's yearly announcements:
 * 'working_day' makes a day (usually a Saturday) a make-up working day;
 * 'day_off' adds a day off (a swapped weekday, an extra Tết day).
 */
export interface CalendarOverride {
  date: IsoDate;
  kind: CalendarOverrideKind;
  reason: string;
}

export const CALENDAR_OVERRIDE_KINDS = ['day_off', 'working_day'] as const;
export type CalendarOverrideKind = (typeof CALENDAR_OVERRIDE_KINDS)[number];

export class CalendarOverrideError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid calendar overrides: ${problems.join('; ')}`);
    this.name = 'CalendarOverrideError';
  }
}

/** Problems with the table, each naming the row and property; empty when valid. */
export function validateCalendarOverrides(overrides: readonly CalendarOverride[]): string[] {
  const problems: string[] = [];
  const seen = new Set<IsoDate>();
  overrides.forEach((override, index) => {
    const at = `overrides[${index}]`;
    if (!isIsoDate(override.date)) {
      problems.push(`${at}.date: ngày không hợp lệ (must be a calendar date YYYY-MM-DD)`);
    } else if (seen.has(override.date)) {
      problems.push(`${at}.date: ngày ${override.date} bị trùng (duplicate date)`);
    }
    seen.add(override.date);
    if (!(CALENDAR_OVERRIDE_KINDS as readonly string[]).includes(override.kind)) {
      problems.push(`${at}.kind: phải là 'day_off' hoặc 'working_day' (must be 'day_off' or 'working_day')`);
    }
    if (typeof override.reason !== 'string' || override.reason.trim() === '') {
      problems.push(`${at}.reason: cần nêu lý do (a reason is required)`);
    }
  });
  return problems;
}
