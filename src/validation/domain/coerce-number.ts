import type { CoercionResult, CoercionWarning } from './coercion-result';
import { type NumberSettler, settle } from './number-convention';
import { COMMA_DECIMAL, COMMA_GROUPING, DOT_DECIMAL, DOT_GROUPING, type NumberText, readNumberText, type Separator } from './number-text';
import type { FieldDefinition } from './schema-definition';
import { formatVietnameseNumber } from './vietnamese-format';

/** What the reader and the validator know about a cell beyond its value. */
export interface NumberCellContext {
  /** The cell's text already read (the validator reads a row's evidence before its values). */
  text?: NumberText;
  settler?: NumberSettler;
  /** XLSX: the cell is shown with a percent format (12,5% is stored as 0.125). */
  percentFormatted?: boolean;
}

const NO_EVIDENCE: NumberSettler = {
  settle: (separator, integer) => settle(separator, integer, 0, 0),
  example: () => undefined,
  readEnglish: () => undefined,
};

/** A field whose values are percentages from 0 to 100 (its unit is `%`). */
export function isPercentageField(field: FieldDefinition): boolean {
  return field.unit?.trim() === '%';
}

/** A number as written, before percent scaling and the whole-number check. */
type Written = { ok: true; number: number; percentText: boolean; warning?: CoercionWarning } | Extract<CoercionResult, { ok: false }>;

/** Reads a number cell for an integer or decimal field. */
export function numberConverter(field: FieldDefinition): (value: string | number, context?: NumberCellContext) => CoercionResult {
  const integer = field.type === 'integer';
  const percentage = isPercentageField(field);
  return (value, context = {}) => {
    const written = typeof value === 'string' ? readText(value, integer, context) : readNumber(value);
    if (!written.ok) return written;
    let { number, warning } = written;
    if (written.percentText) {
      // `12,5%` is 12.5 in a percentage field; elsewhere it is the fraction a spreadsheet would store.
      if (!percentage) number = scaled(number, 0.01);
    } else if (context.percentFormatted) {
      // A percent-formatted cell holds the fraction; the officer typed the percentage.
      if (percentage) number = scaled(number, 100);
    } else if (percentage && number !== 0 && Math.abs(number) < 1) {
      warning ??= fractionWarning(number);
    }
    if (integer && !Number.isInteger(number)) {
      const shown = typeof value === 'string' ? value : formatVietnameseNumber(number);
      return { ok: false, code: 'invalid_integer', message: `"${shown}" không phải là số nguyên; cột này chỉ nhận số nguyên.` };
    }
    return warning ? { ok: true, value: number, warning } : { ok: true, value: number };
  };
}

function readText(value: string, integer: boolean, context: NumberCellContext): Written {
  const text = context.text ?? readNumberText(value);
  switch (text.kind) {
    case 'malformed':
      return malformed(value);
    case 'out_of_range':
      return outOfRange(value);
    case 'number':
      return { ok: true, number: text.value, percentText: text.percent };
    case 'ambiguous': {
      const settler = context.settler ?? NO_EVIDENCE;
      const settlement = settler.settle(text.separator, integer);
      if (settlement === 'unsettled') return ambiguous(value, text, settler);
      const number = settlement === 'decimal' ? text.decimal : text.grouped;
      const english = (text.separator === ',') === (settlement !== 'decimal');
      if (english && settlement !== 'grouped_warned') settler.readEnglish(value, number);
      const warning = settlement === 'grouped_warned' ? { code: 'ambiguous_number' as const, message: groupedWarning(value, text) } : undefined;
      return { ok: true, number, percentText: text.percent, warning };
    }
  }
}

function readNumber(value: number): Written {
  if (Number.isNaN(value)) return { ok: false, code: 'invalid_number', message: 'Ô chứa giá trị không phải là số (NaN).' };
  if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) return outOfRange(String(value));
  return { ok: true, number: value === 0 ? 0 : value, percentText: false };
}

function fractionWarning(number: number): CoercionWarning {
  const shown = formatVietnameseNumber(number);
  const asPercent = formatVietnameseNumber(scaled(number, 100));
  return {
    code: 'percent_as_fraction',
    message:
      `Giá trị ${shown} nhỏ hơn 1 trong cột tính theo %: cột này nhận số phần trăm từ 0 đến 100. ` +
      `Nếu tỷ lệ là ${asPercent}%, hãy ghi ${asPercent}; nếu đúng là ${shown}%, có thể giữ nguyên.`,
  };
}

/** Percent arithmetic without binary noise: 0.07 * 100 is 7, not 7.000000000000001. */
function scaled(value: number, factor: number): number {
  return Number((value * factor).toPrecision(15));
}

function malformed(value: string): Extract<CoercionResult, { ok: false }> {
  return {
    ok: false,
    code: 'invalid_number',
    message:
      `"${value}" không phải là số hợp lệ. Ghi số theo kiểu Việt Nam: dấu chấm phân cách hàng nghìn, ` +
      'dấu phẩy trước phần thập phân (ví dụ 1.234.567 hoặc 12,5).',
  };
}

function outOfRange(shown: string): Extract<CoercionResult, { ok: false }> {
  return {
    ok: false,
    code: 'number_out_of_range',
    message: `Số "${shown}" vượt quá giới hạn tính toán chính xác (±${formatVietnameseNumber(Number.MAX_SAFE_INTEGER)}).`,
  };
}

const SEPARATOR_NAME: Record<Separator, string> = { '.': 'dấu chấm', ',': 'dấu phẩy' };

/** A number as plain digits with a decimal comma: no grouping, so that it cannot be misread in turn. */
function plain(value: number): string {
  return String(value).replace('.', ',');
}

function ambiguous(value: string, text: Extract<NumberText, { kind: 'ambiguous' }>, settler: NumberSettler): Extract<CoercionResult, { ok: false }> {
  const name = SEPARATOR_NAME[text.separator];
  return {
    ok: false,
    code: 'ambiguous_number',
    message:
      `"${value}" đọc được hai cách: ${plain(text.grouped)} (nếu ${name} phân cách hàng nghìn) hoặc ` +
      `${plain(text.decimal)} (nếu ${name} là dấu thập phân)${ambiguityReason(text.separator, settler)}. ` +
      `Hãy ghi rõ ${plain(text.grouped)} hoặc ${plain(text.decimal)}, không dùng dấu phân cách hàng nghìn.`,
  };
}

function ambiguityReason(separator: Separator, settler: NumberSettler): string {
  const grouped = settler.example(separator === '.' ? DOT_GROUPING | COMMA_DECIMAL : COMMA_GROUPING | DOT_DECIMAL);
  const decimal = settler.example(separator === '.' ? COMMA_GROUPING : DOT_GROUPING);
  if (grouped !== undefined && decimal !== undefined) {
    return `; tệp ghi số theo cả hai cách (ví dụ "${grouped}" và "${decimal}") nên không dựa vào đó được`;
  }
  const sameMark = settler.example(separator === '.' ? DOT_DECIMAL : COMMA_DECIMAL);
  if (sameMark !== undefined) {
    return `; tệp có số dùng ${SEPARATOR_NAME[separator]} làm dấu thập phân (ví dụ "${sameMark}"), nhưng ${SEPARATOR_NAME[separator]} cũng thường dùng để phân cách hàng nghìn`;
  }
  return '; trong tệp không có số nào khác cho biết cách ghi số';
}

function groupedWarning(value: string, text: Extract<NumberText, { kind: 'ambiguous' }>): string {
  const name = SEPARATOR_NAME[text.separator];
  return (
    `"${value}" được đọc là ${plain(text.grouped)} (${name} phân cách hàng nghìn) vì cột này chỉ nhận số nguyên; ` +
    `nếu ý bạn là ${plain(text.decimal)} (${name} là dấu thập phân), hãy sửa lại.`
  );
}
