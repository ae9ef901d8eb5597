import { foldDiacritics } from '../../common/fold-diacritics';
import { isCellError } from './upload-types';

/**
 * Header cell as text: NFC, whitespace (including line breaks in wrapped headers) collapsed, trimmed,
 * and a trailing required-column marker (`*` or `(*)`, as in the template) removed.
 */
export function normalizeHeaderText(value: unknown): string {
  if (value === null || value === undefined || isCellError(value)) return '';
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  return text
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*(\(\*\)|\*)$/, '')
    .trim();
}

/** Tolerant comparison form for recognising labels: no diacritics, lower case. */
export function labelMatchKey(text: string): string {
  return foldDiacritics(normalizeHeaderText(text));
}

/** Field keys are snake_case ASCII; compare them case-insensitively. */
export function keyMatchKey(text: string): string {
  return normalizeHeaderText(text).toLowerCase();
}
