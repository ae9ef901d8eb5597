import { excelSerialToIsoDate, utcIsoDate } from './calendar-date';
import type { CellValue } from './cell-value';
import { excelErrorText } from './excel-error';
import { normalizeHeader } from './normalize-header';
import { parseVietnameseDate } from './parse-vietnamese-date';
import { type NumberCellContext, numberConverter } from './coerce-number';
import type { CoercionResult } from './coercion-result';
import type { FieldDefinition } from './schema-definition';
import type { IssueCode } from './validation-issue';
import { formatVietnameseDate } from './vietnamese-format';

export type { CoercionResult, CoercionWarning } from './coercion-result';

/** What is known about a cell besides its value (number fields use it; see coerce-number.ts). */
export type CellContext = NumberCellContext;

/** Turns one raw cell (CSV string, XLSX cached value, JSON value) into the field's type. */
export type Coercer = (raw: unknown, context?: CellContext) => CoercionResult;

/** What a cell holds once blanks, Excel errors and unreadable objects are set aside. */
type Scalar = string | number | boolean | Date;

const MAX_LISTED_ENUM_VALUES = 10;

const BOOLEAN_WORDS = new Map<string, boolean>([
  ['co', true],
  ['x', true],
  ['dung', true],
  ['true', true],
  ['yes', true],
  ['1', true],
  ['khong', false],
  ['sai', false],
  ['false', false],
  ['no', false],
  ['0', false],
]);

/** Builds the coercer once per field, so per-cell work is only the conversion itself. */
export function createCoercer(field: FieldDefinition): Coercer {
  const convert = scalarConverter(field);
  return (raw, context) => {
    if (raw === null || raw === undefined) return ok(null);
    if (typeof raw === 'string') {
      const text = raw.normalize('NFC').trim();
      return text === '' ? ok(null) : convert(text, context);
    }
    if (typeof raw === 'number' || typeof raw === 'boolean' || raw instanceof Date) return convert(raw, context);
    const formulaError = excelErrorText(raw);
    if (formulaError !== null) {
      return fail('formula_error', `Ô chứa lỗi công thức ${formulaError}; hãy sửa công thức hoặc nhập giá trị.`);
    }
    return fail('invalid_value', 'Không đọc được giá trị của ô (không phải số, văn bản, ngày hay giá trị có/không).');
  };
}

/** One value on its own: nothing is known about the rest of the file. */
export function coerceValue(raw: unknown, field: FieldDefinition, context?: CellContext): CoercionResult {
  return createCoercer(field)(raw, context);
}

function scalarConverter(field: FieldDefinition): (value: Scalar, context?: CellContext) => CoercionResult {
  switch (field.type) {
    case 'integer':
    case 'decimal': {
      const convert = numberConverter(field);
      return (value, context) => {
        if (typeof value === 'boolean') return fail('invalid_number', `Cần một số nhưng ô chứa giá trị có/không ${quote(value)}.`);
        if (value instanceof Date) return fail('invalid_number', `Cần một số nhưng ô chứa ngày ${quote(value)}.`);
        return convert(value, context);
      };
    }
    case 'date':
      return toDate;
    case 'boolean':
      return toBoolean;
    case 'enum':
      return enumConverter(field.enumValues ?? []);
    case 'text':
      return toText;
  }
}

/** A number in a date field is an Excel serial: a date cell that lost its date format. */
function toDate(value: Scalar): CoercionResult {
  if (typeof value === 'boolean') return fail('invalid_date', `Cần một ngày nhưng ô chứa giá trị có/không ${quote(value)}.`);
  const isoDate =
    typeof value === 'string'
      ? parseVietnameseDate(value)
      : typeof value === 'number'
        ? excelSerialToIsoDate(value)
        : utcIsoDate(value);
  if (isoDate !== null) return ok(isoDate);
  return fail(
    'invalid_date',
    `${quote(value)} không phải là ngày hợp lệ; ghi ngày theo dạng ngày/tháng/năm, ví dụ 14/03/2024.`,
  );
}

function toBoolean(value: Scalar): CoercionResult {
  if (typeof value === 'boolean') return ok(value);
  const word = typeof value === 'string' ? BOOLEAN_WORDS.get(normalizeHeader(value)) : numericBoolean(value);
  if (word !== undefined) return ok(word);
  return fail(
    'invalid_boolean',
    `${quote(value)} không phải là giá trị có/không; ghi "có" hoặc "không" (hoặc "x" để đánh dấu).`,
  );
}

function numericBoolean(value: number | Date): boolean | undefined {
  if (value === 1) return true;
  if (value === 0) return false;
  return undefined;
}

function enumConverter(enumValues: readonly string[]): (value: Scalar) => CoercionResult {
  const canonicalByKey = new Map<string, string>();
  for (const canonical of enumValues) {
    const key = normalizeHeader(canonical);
    if (!canonicalByKey.has(key)) canonicalByKey.set(key, canonical);
  }
  const exact = new Set(enumValues);
  const allowed = describeAllowedValues(enumValues);
  return (value) => {
    // Most cells are spelt exactly as the canonical value: skip normalising them.
    if (typeof value === 'string' && exact.has(value)) return ok(value);
    const matchable = typeof value === 'string' || typeof value === 'number';
    const canonical = matchable ? canonicalByKey.get(normalizeHeader(String(value))) : undefined;
    if (canonical !== undefined) return ok(canonical);
    return fail('not_in_enum', `${quote(value)} không thuộc danh sách giá trị cho phép: ${allowed}.`);
  };
}

function describeAllowedValues(enumValues: readonly string[]): string {
  const listed = enumValues.slice(0, MAX_LISTED_ENUM_VALUES).map((value) => `"${value}"`);
  const rest = enumValues.length - listed.length;
  return rest > 0 ? `${listed.join(', ')} và ${rest} giá trị khác` : listed.join(', ');
}

function toText(value: Scalar): CoercionResult {
  if (typeof value === 'string') return ok(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return fail('invalid_text', `Cần văn bản nhưng ô chứa giá trị ${quote(value)}.`);
    return ok(String(value));
  }
  if (value instanceof Date) {
    const isoDate = utcIsoDate(value);
    if (isoDate === null) return fail('invalid_text', `Cần văn bản nhưng ô chứa ngày không hợp lệ ${quote(value)}.`);
    return ok(formatVietnameseDate(isoDate));
  }
  return fail('invalid_text', `Cần văn bản nhưng ô chứa giá trị có/không ${quote(value)}.`);
}

function quote(value: Scalar): string {
  if (!(value instanceof Date)) return `"${String(value)}"`;
  return Number.isNaN(value.getTime()) ? '"Invalid Date"' : `"${formatVietnameseDate(value.toISOString().slice(0, 10))}"`;
}

function ok(value: CellValue): CoercionResult {
  return { ok: true, value };
}

function fail(code: IssueCode, message: string): CoercionResult {
  return { ok: false, code, message };
}
