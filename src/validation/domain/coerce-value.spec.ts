import { coerceValue, createCoercer } from './coerce-value';
import type { FieldDefinition } from './schema-definition';
import { field } from './testing/report-schema.fixtures';

const integer = field({ type: 'integer' });
const decimal = field({ type: 'decimal' });
const date = field({ type: 'date' });
const boolean = field({ type: 'boolean' });
const text = field({ type: 'text' });
const action = field({ type: 'enum', enumValues: ['Cấp mới', 'Sửa đổi, bổ sung', 'Cấp lại', 'Thu hồi'] });

function valueOf(raw: unknown, definition: FieldDefinition): unknown {
  const result = coerceValue(raw, definition);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(raw)} to coerce, got ${result.code}: ${result.message}`);
  return result.value;
}

function codeOf(raw: unknown, definition: FieldDefinition): string {
  const result = coerceValue(raw, definition);
  if (result.ok) throw new Error(`expected ${JSON.stringify(raw)} to be rejected, got ${JSON.stringify(result.value)}`);
  return result.code;
}

describe('coerceValue', () => {
  describe('empty cells, whatever the field type', () => {
    it.each([integer, decimal, date, boolean, text, action])('reads null, undefined, "" and blanks as missing ($type)', (definition) => {
      for (const raw of [null, undefined, '', '   ', '\u00a0\t']) {
        expect(coerceValue(raw, definition)).toEqual({ ok: true, value: null });
      }
    });
  });

  describe('integer and decimal fields', () => {
    it.each([
      ['1.234.567', 1234567],
      ['1.234', 1234],
      ['-1.234', -1234],
      ['1 234 567', 1234567],
      ['1\u00a0234\u00a0567', 1234567],
      ['1\u202f234', 1234],
      ['1234', 1234],
      ['0', 0],
      ['-0', 0],
      ['007', 7],
      ['+15', 15],
      ['\u22125', -5],
      ['  42  ', 42],
    ])('reads the integer text %j as %p', (raw, expected) => {
      expect(valueOf(raw, integer)).toBe(expected);
    });

    it.each([
      ['12,5', 12.5],
      ['1.234,5', 1234.5],
      ['1.234.567,89', 1234567.89],
      ['1 234,5', 1234.5],
      ['0,1', 0.1],
      ['-0,25', -0.25],
      ['1234.5', 1234.5],
      ['0.125', 0.125],
      ['1.5', 1.5],
      ['1.2345', 1.2345],
      ['1234.567', 1234.567],
      ['28,57', 28.57],
    ])('reads the decimal text %j as %p', (raw, expected) => {
      expect(valueOf(raw, decimal)).toBe(expected);
    });

    it('reads a lone dot followed by exactly three digits as Vietnamese grouping in a whole-number field', () => {
      expect(valueOf('1.234', integer)).toBe(1234);
      expect(valueOf('999.999', integer)).toBe(999999);
    });

    it('refuses a lone separator followed by three digits in a decimal field when nothing settles it, giving both readings', () => {
      expect(coerceValue('5.250', decimal)).toEqual({
        ok: false,
        code: 'ambiguous_number',
        message:
          '"5.250" đọc được hai cách: 5250 (nếu dấu chấm phân cách hàng nghìn) hoặc 5,25 (nếu dấu chấm là dấu thập phân); ' +
          'trong tệp không có số nào khác cho biết cách ghi số. Hãy ghi rõ 5250 hoặc 5,25, không dùng dấu phân cách hàng nghìn.',
      });
      expect(codeOf('456,000', decimal)).toBe('ambiguous_number');
    });

    it('reads 456,000 in a whole-number field as grouping but warns with both readings', () => {
      expect(coerceValue('456,000', integer)).toEqual({
        ok: true,
        value: 456000,
        warning: {
          code: 'ambiguous_number',
          message: '"456,000" được đọc là 456000 (dấu phẩy phân cách hàng nghìn) vì cột này chỉ nhận số nguyên; nếu ý bạn là 456 (dấu phẩy là dấu thập phân), hãy sửa lại.',
        },
      });
    });

    it.each([
      ['1,234,567', 1234567],
      ['1,234.5', 1234.5],
      ['812.50', 812.5],
    ])('reads the English-format number %j, which has one reading only, as %p', (raw, expected) => {
      expect(valueOf(raw, decimal)).toBe(expected);
    });

    it('accepts an integral decimal such as 12,0 in an integer field', () => {
      expect(valueOf('12,0', integer)).toBe(12);
    });

    it.each(['1.23.4', '12,3,4', '1.234.5', '12.34.567', '1 23 456', '12 5', 'abc', '12a', '1e5', '.5', '5.', ',5', '5,', '--5', '- 5', '%', '12%%', '1.234,5,6', '0.123,5', '1,234.567,8', 'NaN', 'Infinity'])(
      'rejects the malformed number %j with invalid_number',
      (raw) => {
        expect(codeOf(raw, decimal)).toBe('invalid_number');
      },
    );

    it('explains the Vietnamese number format when rejecting text', () => {
      expect(coerceValue('1.23.4', integer)).toEqual({
        ok: false,
        code: 'invalid_number',
        message:
          '"1.23.4" không phải là số hợp lệ. Ghi số theo kiểu Việt Nam: dấu chấm phân cách hàng nghìn, ' +
          'dấu phẩy trước phần thập phân (ví dụ 1.234.567 hoặc 12,5).',
      });
    });

    it('rejects a fractional value in an integer field with invalid_integer', () => {
      expect(coerceValue('12,5', integer)).toEqual({
        ok: false,
        code: 'invalid_integer',
        message: '"12,5" không phải là số nguyên; cột này chỉ nhận số nguyên.',
      });
      expect(coerceValue(12.5, integer)).toEqual({
        ok: false,
        code: 'invalid_integer',
        message: '"12,5" không phải là số nguyên; cột này chỉ nhận số nguyên.',
      });
      expect(codeOf('1234.5', integer)).toBe('invalid_integer');
    });

    it('takes numbers from XLSX or JSON as they are', () => {
      expect(valueOf(16301824, integer)).toBe(16301824);
      expect(valueOf(0.30000000000000004, decimal)).toBe(0.30000000000000004);
      expect(valueOf(-0, decimal)).toBe(0);
      expect(Object.is(valueOf(-0, decimal), -0)).toBe(false);
    });

    it('rejects numbers beyond the safe integer range and non-finite numbers with number_out_of_range', () => {
      expect(valueOf(Number.MAX_SAFE_INTEGER, integer)).toBe(Number.MAX_SAFE_INTEGER);
      expect(coerceValue(Number.MAX_SAFE_INTEGER + 2, integer)).toEqual({
        ok: false,
        code: 'number_out_of_range',
        message: 'Số "9007199254740992" vượt quá giới hạn tính toán chính xác (±9.007.199.254.740.991).',
      });
      expect(codeOf(Infinity, decimal)).toBe('number_out_of_range');
      expect(codeOf(-Infinity, decimal)).toBe('number_out_of_range');
      expect(codeOf('9.007.199.254.740.993', integer)).toBe('number_out_of_range');
      expect(codeOf('9'.repeat(400), decimal)).toBe('number_out_of_range');
    });

    it('rejects NaN from a reader with invalid_number', () => {
      expect(codeOf(NaN, decimal)).toBe('invalid_number');
    });

    it('rejects booleans and dates in a number field', () => {
      expect(coerceValue(true, integer)).toEqual({
        ok: false,
        code: 'invalid_number',
        message: 'Cần một số nhưng ô chứa giá trị có/không "true".',
      });
      expect(coerceValue(new Date(Date.UTC(2024, 2, 14)), decimal)).toEqual({
        ok: false,
        code: 'invalid_number',
        message: 'Cần một số nhưng ô chứa ngày "14/03/2024".',
      });
    });
  });

  describe('date fields', () => {
    it.each([
      ['14/03/2024', '2024-03-14'],
      ['4/3/2024', '2024-03-04'],
      ['04/3/2024', '2024-03-04'],
      ['14-03-2024', '2024-03-14'],
      ['14.03.2024', '2024-03-14'],
      ['2024-03-14', '2024-03-14'],
      ['29/02/2024', '2024-02-29'],
      ['29/02/2000', '2000-02-29'],
      ['31/12/9999', '9999-12-31'],
      ['01/01/1900', '1900-01-01'],
    ])('reads %j as %j', (raw, expected) => {
      expect(valueOf(raw, date)).toBe(expected);
    });

    it.each(['31/02/2024', '29/02/2023', '29/02/1900', '31/04/2024', '00/01/2024', '01/13/2024', '32/01/2024', '14/03/24', '14/03-2024', '2024/03/14', '2024-3-14', '14 03 2024', '31/12/1899', 'hôm nay', '45366'])(
      'rejects %j with invalid_date',
      (raw) => {
        expect(codeOf(raw, date)).toBe('invalid_date');
      },
    );

    it('says how to write a date when rejecting one', () => {
      expect(coerceValue('31/02/2024', date)).toEqual({
        ok: false,
        code: 'invalid_date',
        message: '"31/02/2024" không phải là ngày hợp lệ; ghi ngày theo dạng ngày/tháng/năm, ví dụ 14/03/2024.',
      });
    });

    it('takes the UTC calendar date of a JS Date from XLSX', () => {
      expect(valueOf(new Date(Date.UTC(2024, 2, 14)), date)).toBe('2024-03-14');
      expect(valueOf(new Date('2024-03-14T23:30:00Z'), date)).toBe('2024-03-14');
      expect(codeOf(new Date('invalid'), date)).toBe('invalid_date');
    });

    it('reads Excel serial numbers in the 1900 date system', () => {
      expect(valueOf(1, date)).toBe('1900-01-01');
      expect(valueOf(59, date)).toBe('1900-02-28');
      expect(valueOf(61, date)).toBe('1900-03-01');
      expect(valueOf(45365, date)).toBe('2024-03-14');
      expect(valueOf(45365.75, date)).toBe('2024-03-14');
      expect(valueOf(2958465, date)).toBe('9999-12-31');
    });

    it('rejects serials with no calendar date: 0, negatives, the phantom 29/02/1900 and beyond 9999', () => {
      for (const serial of [0, -5, 60, 2958466, NaN]) expect(codeOf(serial, date)).toBe('invalid_date');
    });

    it('rejects a boolean in a date field', () => {
      expect(coerceValue(false, date)).toEqual({
        ok: false,
        code: 'invalid_date',
        message: 'Cần một ngày nhưng ô chứa giá trị có/không "false".',
      });
    });
  });

  describe('boolean fields', () => {
    it.each(['có', 'Có', 'CÓ', 'co', 'x', 'X', 'true', 'TRUE', '1', 'yes', 'Yes', 'đúng', 'Đúng', 'dung', 'có'.normalize('NFD')])(
      'reads %j as true',
      (raw) => {
        expect(valueOf(raw, boolean)).toBe(true);
      },
    );

    it.each(['không', 'Không', 'KHÔNG', 'khong', 'false', 'FALSE', '0', 'no', 'No', 'sai', 'Sai'])('reads %j as false', (raw) => {
      expect(valueOf(raw, boolean)).toBe(false);
    });

    it('reads an empty cell as missing, not as false', () => {
      expect(valueOf('', boolean)).toBeNull();
    });

    it('takes booleans as they are and 1 or 0 as numbers', () => {
      expect(valueOf(true, boolean)).toBe(true);
      expect(valueOf(false, boolean)).toBe(false);
      expect(valueOf(1, boolean)).toBe(true);
      expect(valueOf(0, boolean)).toBe(false);
    });

    it.each(['có thể', 'v', 'đ', '2', 'y', 'n'])('rejects %j with invalid_boolean', (raw) => {
      expect(codeOf(raw, boolean)).toBe('invalid_boolean');
    });

    it('rejects other numbers and dates with invalid_boolean and says what to write', () => {
      expect(coerceValue(2, boolean)).toEqual({
        ok: false,
        code: 'invalid_boolean',
        message: '"2" không phải là giá trị có/không; ghi "có" hoặc "không" (hoặc "x" để đánh dấu).',
      });
      expect(codeOf(new Date(Date.UTC(2024, 0, 1)), boolean)).toBe('invalid_boolean');
    });
  });

  describe('enum fields', () => {
    it('returns the canonical spelling for a tolerant match', () => {
      expect(valueOf('Cấp mới', action)).toBe('Cấp mới');
      expect(valueOf('cap moi', action)).toBe('Cấp mới');
      expect(valueOf('CẤP MỚI', action)).toBe('Cấp mới');
      expect(valueOf('  Sửa đổi bổ sung ', action)).toBe('Sửa đổi, bổ sung');
      expect(valueOf('Thu hồi'.normalize('NFD'), action)).toBe('Thu hồi');
    });

    it('matches numbers against numeric enum values', () => {
      expect(valueOf(2, field({ type: 'enum', enumValues: ['1', '2', '3'] }))).toBe('2');
    });

    it('rejects a value outside the list with not_in_enum, listing the allowed values', () => {
      expect(coerceValue('Gia hạn', action)).toEqual({
        ok: false,
        code: 'not_in_enum',
        message: '"Gia hạn" không thuộc danh sách giá trị cho phép: "Cấp mới", "Sửa đổi, bổ sung", "Cấp lại", "Thu hồi".',
      });
      expect(codeOf(true, action)).toBe('not_in_enum');
      expect(codeOf(new Date(Date.UTC(2024, 0, 1)), action)).toBe('not_in_enum');
    });

    it('lists at most ten allowed values in the message', () => {
      const many = field({ type: 'enum', enumValues: Array.from({ length: 12 }, (_, index) => `Mức ${index + 1}`) });
      const result = coerceValue('Mức 13', many);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).toBe(
        '"Mức 13" không thuộc danh sách giá trị cho phép: "Mức 1", "Mức 2", "Mức 3", "Mức 4", "Mức 5", ' +
          '"Mức 6", "Mức 7", "Mức 8", "Mức 9", "Mức 10" và 2 giá trị khác.',
      );
    });
  });

  describe('text fields', () => {
    it('trims and NFC-normalises text', () => {
      const value = valueOf('  Công ty Cổ phần Bưu chính Viettel '.normalize('NFD'), text);
      expect(value).toBe('Công ty Cổ phần Bưu chính Viettel');
      expect(value).toBe((value as string).normalize('NFC'));
    });

    it('keeps inner spacing and line breaks as written', () => {
      expect(valueOf('Số 1,  Trần Duy Hưng\nHà Nội', text)).toBe('Số 1,  Trần Duy Hưng\nHà Nội');
    });

    it('turns a number from XLSX into its string form, as for a tax code typed as a number', () => {
      expect(valueOf(101234567, text)).toBe('101234567');
      expect(valueOf(12.5, text)).toBe('12.5');
    });

    it('writes a date from XLSX the way officers do', () => {
      expect(valueOf(new Date(Date.UTC(2024, 2, 14)), text)).toBe('14/03/2024');
    });

    it('rejects booleans, non-finite numbers and invalid dates with invalid_text', () => {
      expect(coerceValue(true, text)).toEqual({
        ok: false,
        code: 'invalid_text',
        message: 'Cần văn bản nhưng ô chứa giá trị có/không "true".',
      });
      expect(codeOf(Infinity, text)).toBe('invalid_text');
      expect(codeOf(new Date('invalid'), text)).toBe('invalid_text');
    });
  });

  describe('values no reader should produce', () => {
    it('reports an Excel formula error with formula_error', () => {
      expect(coerceValue({ error: '#DIV/0!' }, decimal)).toEqual({
        ok: false,
        code: 'formula_error',
        message: 'Ô chứa lỗi công thức #DIV/0!; hãy sửa công thức hoặc nhập giá trị.',
      });
      expect(codeOf({ error: '#N/A' }, text)).toBe('formula_error');
    });

    it.each([[{ richText: [] }], [[1, 2]], [{}], [BigInt(5)], [Symbol('x')]])('rejects %p with invalid_value', (raw) => {
      expect(coerceValue(raw, text)).toEqual({
        ok: false,
        code: 'invalid_value',
        message: 'Không đọc được giá trị của ô (không phải số, văn bản, ngày hay giá trị có/không).',
      });
    });
  });

  describe('createCoercer', () => {
    it('gives the same results as coerceValue and can be reused for every cell of a column', () => {
      const coerce = createCoercer(action);
      expect(coerce('cap lai')).toEqual({ ok: true, value: 'Cấp lại' });
      expect(coerce('thu hoi')).toEqual({ ok: true, value: 'Thu hồi' });
      expect(coerce('x')).toEqual(coerceValue('x', action));
    });
  });
});
