import { excelErrorText } from './excel-error';
import { formatVietnameseDate } from './vietnamese-format';

export const MAX_ISSUE_VALUE_LENGTH = 200;

/**
 * The raw cell value as an issue shows it: strings as written, dates as ISO, Excel error
 * objects as their error text; cut to MAX_ISSUE_VALUE_LENGTH characters.
 */
export function describeRawValue(raw: unknown): string | null {
  const text = stringifyRaw(raw);
  return text === null ? null : truncate(text, MAX_ISSUE_VALUE_LENGTH);
}

function stringifyRaw(raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean' || typeof raw === 'bigint') return String(raw);
  if (raw instanceof Date) return describeDate(raw);
  const formulaError = excelErrorText(raw);
  if (formulaError !== null) return formulaError;
  try {
    return JSON.stringify(raw) ?? String(raw);
  } catch {
    return String(raw);
  }
}

function describeDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return 'Invalid Date';
  return formatVietnameseDate(date.toISOString().slice(0, 10));
}

function truncate(text: string, maxLength: number): string {
  const characters = Array.from(text);
  if (characters.length <= maxLength) return text;
  return characters.slice(0, maxLength - 1).join('') + '…';
}
