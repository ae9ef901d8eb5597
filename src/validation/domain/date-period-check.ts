import { addDays, toIsoDate } from './calendar-date';
import { DEFAULT_PERIOD_TOLERANCE_DAYS, type FieldDefinition } from './schema-definition';
import { formatVietnameseDate } from './vietnamese-format';

/** The dates a report is about: the period, widened to its data cut-off window where that starts earlier. */
export interface ReportingWindow {
  /** Vietnamese, e.g. "Quý IV/2026". */
  label: string;
  /** ISO dates, inclusive. */
  start: string;
  end: string;
}

export interface PeriodCheckFailure {
  severity: 'error' | 'warning';
  message: string;
}

/** Checks a date field's values against the reporting window; null when the field is not checked. */
export type DatePeriodCheck = (isoDate: string) => PeriodCheckFailure | null;

/**
 * A date further than the tolerance outside the window is reported: the schema's `periodCheck`, else a
 * warning for the report's reference date. A day-first date that was typed month-first (12/05/2026 for
 * 5 December) is the common cause, so the message offers the swapped date when that one fits.
 */
export function createDatePeriodCheck(field: FieldDefinition, window: ReportingWindow | undefined): DatePeriodCheck | null {
  if (field.type !== 'date' || window === undefined) return null;
  const severity = field.periodCheck?.severity ?? (field.referenceDate ? 'warning' : 'off');
  if (severity === 'off') return null;
  const tolerance = field.periodCheck?.toleranceDays ?? DEFAULT_PERIOD_TOLERANCE_DAYS;
  const earliest = addDays(window.start, -tolerance);
  const latest = addDays(window.end, tolerance);
  const inside = (isoDate: string) => isoDate >= earliest && isoDate <= latest;
  const range = `từ ${formatVietnameseDate(window.start)} đến ${formatVietnameseDate(window.end)}`;
  return (isoDate) => {
    if (inside(isoDate)) return null;
    const swapped = swapDayAndMonth(isoDate);
    const hint =
      swapped !== null && inside(swapped)
        ? ` Nếu ý bạn là ngày ${formatVietnameseDate(swapped)} (ngày trước, tháng sau), hãy ghi ${formatVietnameseDate(swapped)}.`
        : '';
    return {
      severity,
      message: `Ngày ${formatVietnameseDate(isoDate)} nằm ngoài kỳ báo cáo ${window.label} (${range}).${hint}`,
    };
  };
}

function swapDayAndMonth(isoDate: string): string | null {
  const [year, month, day] = isoDate.split('-').map(Number);
  return day === month ? null : toIsoDate(year, day, month);
}
