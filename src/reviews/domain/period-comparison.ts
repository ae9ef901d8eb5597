/** Totals of numeric fields over a version's rows. */
export type FieldTotals = Record<string, number>;

export interface FieldChange {
  field: string;
  label: string;
  current: number;
  previous: number | null;
  /** current - previous. */
  change: number | null;
  /** Percent change against previous; null when there is no previous value or it is 0. */
  percent: number | null;
  /** |percent| above the threshold. */
  flagged: boolean;
}

/**
 * Compares this version's totals with another period's, field by field, flagging changes larger
 * than `thresholdPercent` (e.g. a +47% jump in postal items against the same quarter last year).
 */
export function compareTotals(
  fields: ReadonlyArray<{ key: string; label: string }>,
  current: FieldTotals,
  previous: FieldTotals | null,
  thresholdPercent: number,
): FieldChange[] {
  return fields
    .filter((field) => current[field.key] !== undefined)
    .map((field) => {
      const now = current[field.key];
      const before = previous?.[field.key];
      if (before === undefined) return { field: field.key, label: field.label, current: now, previous: null, change: null, percent: null, flagged: false };
      const change = round(now - before);
      const percent = before === 0 ? null : round(((now - before) / Math.abs(before)) * 100);
      return {
        field: field.key,
        label: field.label,
        current: now,
        previous: before,
        change,
        percent,
        flagged: percent !== null && Math.abs(percent) > thresholdPercent,
      };
    });
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
