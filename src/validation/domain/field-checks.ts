import type { CellValue } from './cell-value';
import type { FieldDefinition } from './schema-definition';
import type { IssueCode } from './validation-issue';
import { formatVietnameseDate, formatVietnameseNumber } from './vietnamese-format';

export interface FieldCheckFailure {
  code: IssueCode;
  message: string;
}

/** Checks one coerced value against its field's constraints; returns the first failure or null. */
export type FieldCheck = (value: CellValue) => FieldCheckFailure | null;

/**
 * The field's pattern as a full-match regular expression. Schema validation compiles patterns
 * with this same function, so a pattern that passed validation always compiles here.
 */
export function compileFullMatchPattern(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`, 'u');
}

/** Builds the check once per field (the pattern is compiled here, not per cell). */
export function createFieldCheck(field: FieldDefinition): FieldCheck {
  const checks = [requiredCheck(field), boundsCheck(field), lengthCheck(field), patternCheck(field)].filter(
    (check): check is FieldCheck => check !== null,
  );
  return (value) => {
    for (const check of checks) {
      const failure = check(value);
      if (failure !== null) return failure;
    }
    return null;
  };
}

function requiredCheck(field: FieldDefinition): FieldCheck | null {
  if (field.required !== true) return null;
  return (value) => (value === null ? { code: 'required', message: 'Thiếu giá trị bắt buộc.' } : null);
}

function boundsCheck(field: FieldDefinition): FieldCheck | null {
  const { min, max } = field;
  if (min === undefined && max === undefined) return null;
  const isDate = field.type === 'date';
  const show = (value: number | string): string =>
    typeof value === 'number' ? formatVietnameseNumber(value) : formatVietnameseDate(value);
  return (value) => {
    if (typeof value !== 'number' && typeof value !== 'string') return null;
    if (min !== undefined && isLess(value, min)) {
      const message = isDate
        ? `Ngày ${show(value)} sớm hơn ngày sớm nhất được phép ${show(min)}.`
        : `Giá trị ${show(value)} nhỏ hơn mức tối thiểu ${show(min)}.`;
      return { code: 'below_min', message };
    }
    if (max !== undefined && isLess(max, value)) {
      const message = isDate
        ? `Ngày ${show(value)} muộn hơn ngày muộn nhất được phép ${show(max)}.`
        : `Giá trị ${show(value)} lớn hơn mức tối đa ${show(max)}.`;
      return { code: 'above_max', message };
    }
    return null;
  };
}

/** Numbers compare as numbers, ISO dates as strings; a value of the other kind never fails. */
function isLess(left: number | string, right: number | string): boolean {
  if (typeof left === 'number' && typeof right === 'number') return left < right;
  if (typeof left === 'string' && typeof right === 'string') return left < right;
  return false;
}

function lengthCheck(field: FieldDefinition): FieldCheck | null {
  const { minLength, maxLength } = field;
  if (minLength === undefined && maxLength === undefined) return null;
  return (value) => {
    if (typeof value !== 'string') return null;
    // Code points lie between half the UTF-16 length and the length: count only when that range crosses a bound.
    const certainlyLongEnough = minLength === undefined || value.length >= minLength * 2;
    const certainlyShortEnough = maxLength === undefined || value.length <= maxLength;
    if (certainlyLongEnough && certainlyShortEnough) return null;
    const length = codePointCount(value);
    if (minLength !== undefined && length < minLength) {
      return { code: 'too_short', message: `Giá trị có ${length} ký tự, ít hơn mức tối thiểu ${minLength} ký tự.` };
    }
    if (maxLength !== undefined && length > maxLength) {
      return { code: 'too_long', message: `Giá trị có ${length} ký tự, nhiều hơn mức tối đa ${maxLength} ký tự.` };
    }
    return null;
  };
}

function patternCheck(field: FieldDefinition): FieldCheck | null {
  if (field.pattern === undefined) return null;
  const pattern = compileFullMatchPattern(field.pattern);
  return (value) => {
    if (typeof value !== 'string' || pattern.test(value)) return null;
    return { code: 'pattern_mismatch', message: `Giá trị "${value}" không đúng định dạng quy định của cột.` };
  };
}

/** Characters as a reader counts them: code points of the NFC text, not UTF-16 units. */
function codePointCount(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}
