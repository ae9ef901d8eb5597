import type { FieldDefinition, ReportSchemaDefinition } from './schema-definition';
import {
  circular35DetailSchema,
  circular35SummarySchema,
  quarterlySectorSchema,
} from './testing/report-schema.fixtures';
import { validateSchemaDefinition } from './validate-schema-definition';

/** A minimal valid definition with the given changes; `fields` entries are merged into field 0. */
function definition(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    fields: [
      { key: 'so_luong', label: 'Số lượng', type: 'integer', required: true },
      { key: 'ghi_chu', label: 'Ghi chú', type: 'text' },
    ],
    ...changes,
  };
}

function withField(field: Record<string, unknown>): Record<string, unknown> {
  return definition({ fields: [{ key: 'so_luong', label: 'Số lượng', type: 'integer', ...field }] });
}

function errorsOf(input: unknown): Array<{ path: string; code: string; message: string }> {
  const result = validateSchemaDefinition(input);
  if (result.ok) throw new Error('expected the definition to be rejected');
  return result.errors;
}

function codesOf(input: unknown): Array<[string, string]> {
  return errorsOf(input).map((error) => [error.path, error.code]);
}

describe('validateSchemaDefinition', () => {
  it.each([
    ['Circular 35 summary', circular35SummarySchema()],
    ['Circular 35 detail sheet', circular35DetailSchema()],
    ['quarterly sector report', quarterlySectorSchema()],
  ])('accepts the %s fixture and returns it', (_name, schema: ReportSchemaDefinition) => {
    expect(validateSchemaDefinition(schema)).toEqual({ ok: true, value: schema });
  });

  it('accepts an empty keyFields list', () => {
    expect(validateSchemaDefinition(definition({ keyFields: [] })).ok).toBe(true);
  });

  describe('the definition itself', () => {
    it.each([null, 'fields', 42, [], undefined])('rejects %p, which is not an object', (input) => {
      expect(errorsOf(input)).toEqual([
        { path: '', code: 'invalid_type', message: 'Định nghĩa biểu mẫu phải là một đối tượng JSON.' },
      ]);
    });

    it('rejects unknown properties, which are usually misspelt', () => {
      expect(errorsOf(definition({ rowRule: [] }))).toEqual([
        {
          path: 'rowRule',
          code: 'unknown_property',
          message: 'Thuộc tính "rowRule" không được hỗ trợ; các thuộc tính hợp lệ: sheetName, fields, rowRules, fileRules, keyFields.',
        },
      ]);
    });

    it.each(['', '   ', 'Báo cáo quý I năm 2024 của Sở TTTT', 'BC/QUY', 'BC:1', 'BC[1]', 'A*', 'A?', 'A\\B', 12])(
      'rejects the sheet name %p',
      (sheetName) => {
        expect(codesOf(definition({ sheetName }))).toEqual([['sheetName', 'invalid_sheet_name']]);
      },
    );

    it('requires at least one field', () => {
      expect(errorsOf({})).toEqual([
        { path: 'fields', code: 'no_fields', message: 'Biểu mẫu phải có ít nhất một cột (fields).' },
      ]);
      expect(codesOf({ fields: [] })).toEqual([['fields', 'no_fields']]);
      expect(codesOf({ fields: {} })).toEqual([['fields', 'invalid_type']]);
    });

    it('reports every problem at once, each with its path', () => {
      const input = definition({
        fields: [
          { key: 'So luong', label: '', type: 'integer', min: 5, max: 1 },
          { key: 'ghi_chu', label: 'Ghi chú', type: 'memo' },
        ],
        keyFields: ['ma'],
      });
      expect(codesOf(input)).toEqual([
        ['fields[0].key', 'invalid_key'],
        ['fields[0].label', 'empty_label'],
        ['fields[0].min', 'min_greater_than_max'],
        ['fields[1].type', 'unknown_field_type'],
        ['keyFields[0]', 'unknown_field'],
      ]);
    });
  });

  describe('fields', () => {
    it('rejects a field that is not an object', () => {
      expect(errorsOf(definition({ fields: ['so_luong'] }))).toEqual([
        { path: 'fields[0]', code: 'invalid_type', message: 'Cột thứ 1 phải là một đối tượng.' },
      ]);
    });

    it('requires key, label and type', () => {
      expect(errorsOf(definition({ fields: [{}] }))).toEqual([
        { path: 'fields[0].key', code: 'missing_property', message: 'Thiếu thuộc tính bắt buộc "key".' },
        { path: 'fields[0].type', code: 'missing_property', message: 'Thiếu thuộc tính bắt buộc "type".' },
        { path: 'fields[0].label', code: 'missing_property', message: 'Thiếu thuộc tính bắt buộc "label".' },
      ]);
    });

    it('rejects properties of the wrong JSON type', () => {
      expect(codesOf(withField({ key: 5, label: ['Số lượng'], required: 'có', unit: 1, description: false }))).toEqual([
        ['fields[0].key', 'invalid_type'],
        ['fields[0].label', 'invalid_type'],
        ['fields[0].unit', 'invalid_type'],
        ['fields[0].description', 'invalid_type'],
        ['fields[0].required', 'invalid_type'],
      ]);
    });

    it('rejects an unknown property of a field', () => {
      expect(codesOf(withField({ requried: true }))).toEqual([['fields[0].requried', 'unknown_property']]);
    });

    it.each(['So_luong', '1so', '_so', 'so-luong', 'số_lượng', ''])('rejects the key %j', (key) => {
      expect(codesOf(withField({ key }))).toEqual([['fields[0].key', 'invalid_key']]);
    });

    it.each(['and', 'or', 'not', 'true', 'false'])('rejects the rule-language keyword %j as a key', (key) => {
      expect(errorsOf(withField({ key }))).toEqual([
        {
          path: 'fields[0].key',
          code: 'reserved_key',
          message: `Mã cột "${key}" trùng với từ khóa của ngôn ngữ quy tắc; hãy đặt tên khác.`,
        },
      ]);
    });

    it('rejects a repeated key', () => {
      const input = definition({
        fields: [
          { key: 'so_luong', label: 'Số lượng', type: 'integer' },
          { key: 'so_luong', label: 'Số lượng khác', type: 'integer' },
        ],
      });
      expect(errorsOf(input)).toEqual([
        { path: 'fields[1].key', code: 'duplicate_key', message: 'Mã cột "so_luong" đã dùng cho fields[0].' },
      ]);
    });

    it('rejects labels that are empty once punctuation is dropped', () => {
      expect(codesOf(withField({ label: ' (*) ' }))).toEqual([['fields[0].label', 'empty_label']]);
    });

    it('rejects labels equal after normalisation', () => {
      const input = definition({
        fields: [
          { key: 'so_luong', label: 'Số lượng', type: 'integer' },
          { key: 'so_luong_2', label: 'SO LUONG (*)', type: 'integer' },
        ],
      });
      expect(errorsOf(input)).toEqual([
        {
          path: 'fields[1].label',
          code: 'duplicate_label',
          message: '"SO LUONG (*)" trùng với tên hoặc mã của fields[0] (không phân biệt hoa thường, dấu, dấu câu).',
        },
      ]);
    });

    it('rejects a label equal to another field\'s key', () => {
      const input = definition({
        fields: [
          { key: 'ghi_chu', label: 'Ghi chú', type: 'text' },
          { key: 'ghi_chu_khac', label: 'ghi_chu', type: 'text' },
        ],
      });
      expect(codesOf(input)).toEqual([['fields[1].label', 'duplicate_label']]);
    });

    it('rejects aliases that collide with another field\'s label or alias, but not with the field\'s own label', () => {
      const input = definition({
        fields: [
          { key: 'trong_nam', label: 'Số lượng trong năm', aliases: ['(1)', 'Số lượng trong năm'], type: 'integer' },
          { key: 'luy_ke', label: 'Số lượng lũy kế', aliases: ['1', 'so luong trong nam'], type: 'integer' },
        ],
      });
      expect(errorsOf(input)).toEqual([
        {
          path: 'fields[1].aliases[0]',
          code: 'alias_conflict',
          message: '"1" trùng với tên hoặc mã của fields[0] (không phân biệt hoa thường, dấu, dấu câu).',
        },
        {
          path: 'fields[1].aliases[1]',
          code: 'alias_conflict',
          message: '"so luong trong nam" trùng với tên hoặc mã của fields[0] (không phân biệt hoa thường, dấu, dấu câu).',
        },
      ]);
    });

    it('rejects aliases that are not a list of non-empty strings', () => {
      expect(codesOf(withField({ aliases: 'SL' }))).toEqual([['fields[0].aliases', 'invalid_type']]);
      expect(codesOf(withField({ aliases: ['SL', 3, '()'] }))).toEqual([
        ['fields[0].aliases[1]', 'invalid_type'],
        ['fields[0].aliases[2]', 'empty_label'],
      ]);
    });

    it('rejects a type outside FIELD_TYPES', () => {
      expect(errorsOf(withField({ type: 'number' }))).toEqual([
        {
          path: 'fields[0].type',
          code: 'unknown_field_type',
          message: 'Kiểu "number" không hợp lệ; dùng một trong: integer, decimal, text, date, enum, boolean.',
        },
      ]);
    });

    describe('min and max', () => {
      it('accept numbers on numeric fields and ISO dates on date fields', () => {
        expect(validateSchemaDefinition(withField({ type: 'decimal', min: -1.5, max: 100 })).ok).toBe(true);
        expect(validateSchemaDefinition(withField({ type: 'date', min: '2017-02-15', max: '2024-12-31' })).ok).toBe(true);
      });

      it('reject min greater than max', () => {
        expect(errorsOf(withField({ min: 10, max: 1 }))).toEqual([
          { path: 'fields[0].min', code: 'min_greater_than_max', message: 'min (10) lớn hơn max (1).' },
        ]);
        expect(codesOf(withField({ type: 'date', min: '2024-12-31', max: '2024-01-01' }))).toEqual([
          ['fields[0].min', 'min_greater_than_max'],
        ]);
      });

      it.each(['text', 'enum', 'boolean'])('are not allowed on %s fields', (type) => {
        const extra = type === 'enum' ? { enumValues: ['A'] } : {};
        expect(codesOf(withField({ type, min: 0, max: 1, ...extra }))).toEqual([
          ['fields[0].min', 'bound_not_allowed'],
          ['fields[0].max', 'bound_not_allowed'],
        ]);
      });

      it('must be finite numbers on numeric fields', () => {
        expect(errorsOf(withField({ min: '0' }))).toEqual([
          { path: 'fields[0].min', code: 'invalid_bound', message: 'min của cột số phải là một số.' },
        ]);
        expect(codesOf(withField({ max: null }))).toEqual([['fields[0].max', 'invalid_bound']]);
      });

      it('must be valid ISO dates on date fields', () => {
        expect(errorsOf(withField({ type: 'date', min: '15/02/2017' }))).toEqual([
          {
            path: 'fields[0].min',
            code: 'invalid_bound',
            message: 'min của cột ngày phải là ngày dạng yyyy-mm-dd, ví dụ "2024-01-31".',
          },
        ]);
        expect(codesOf(withField({ type: 'date', max: '2023-02-29' }))).toEqual([['fields[0].max', 'invalid_bound']]);
        expect(codesOf(withField({ type: 'date', max: 45365 }))).toEqual([['fields[0].max', 'invalid_bound']]);
      });
    });

    describe('minLength and maxLength', () => {
      it('are allowed on text fields', () => {
        expect(validateSchemaDefinition(withField({ type: 'text', minLength: 0, maxLength: 10 })).ok).toBe(true);
      });

      it('are not allowed on other fields', () => {
        expect(codesOf(withField({ maxLength: 10 }))).toEqual([['fields[0].maxLength', 'length_not_allowed']]);
      });

      it('must be non-negative integers with minLength <= maxLength', () => {
        expect(codesOf(withField({ type: 'text', minLength: -1, maxLength: 2.5 }))).toEqual([
          ['fields[0].minLength', 'invalid_length'],
          ['fields[0].maxLength', 'invalid_length'],
        ]);
        expect(codesOf(withField({ type: 'text', minLength: 5, maxLength: 2 }))).toEqual([
          ['fields[0].minLength', 'min_greater_than_max'],
        ]);
      });
    });

    describe('pattern', () => {
      it('must compile', () => {
        const [error] = errorsOf(withField({ type: 'text', pattern: '(\\d{10}' }));
        expect(error).toEqual({ path: 'fields[0].pattern', code: 'invalid_pattern', message: expect.any(String) });
        expect(error.message).toMatch(/^Biểu thức chính quy không hợp lệ: /);
      });

      it('is compiled with the Unicode flag, as the validator will use it', () => {
        expect(codesOf(withField({ type: 'text', pattern: '\\d\\-' }))).toEqual([['fields[0].pattern', 'invalid_pattern']]);
        expect(validateSchemaDefinition(withField({ type: 'text', pattern: '[\\p{L} ]+' })).ok).toBe(true);
      });

      it('is only allowed on text fields and must be a string', () => {
        expect(codesOf(withField({ pattern: '\\d+' }))).toEqual([['fields[0].pattern', 'pattern_not_allowed']]);
        expect(codesOf(withField({ type: 'text', pattern: 5 }))).toEqual([['fields[0].pattern', 'invalid_type']]);
      });
    });

    describe('enumValues', () => {
      it('are required and non-empty for enum fields', () => {
        expect(errorsOf(withField({ type: 'enum' }))).toEqual([
          {
            path: 'fields[0].enumValues',
            code: 'enum_values_required',
            message: 'Cột kiểu enum cần danh sách giá trị enumValues không rỗng.',
          },
        ]);
        expect(codesOf(withField({ type: 'enum', enumValues: [] }))).toEqual([['fields[0].enumValues', 'enum_values_required']]);
      });

      it('are only allowed on enum fields', () => {
        expect(codesOf(withField({ type: 'text', enumValues: ['A'] }))).toEqual([
          ['fields[0].enumValues', 'enum_values_not_allowed'],
        ]);
      });

      it('must be non-empty strings that differ after normalisation', () => {
        expect(codesOf(withField({ type: 'enum', enumValues: ['Cấp mới', 3, ' ', 'CAP MOI'] }))).toEqual([
          ['fields[0].enumValues[1]', 'invalid_type'],
          ['fields[0].enumValues[2]', 'empty_enum_value'],
          ['fields[0].enumValues[3]', 'duplicate_enum_value'],
        ]);
      });
    });

    describe('aggregate', () => {
      it('accepts every aggregate on numeric fields and none on any field', () => {
        for (const aggregate of ['sum', 'avg', 'count', 'none']) {
          expect(validateSchemaDefinition(withField({ type: 'decimal', aggregate })).ok).toBe(true);
        }
        expect(validateSchemaDefinition(withField({ type: 'text', aggregate: 'none' })).ok).toBe(true);
      });

      it('rejects an aggregate on a non-numeric field', () => {
        expect(errorsOf(withField({ type: 'text', aggregate: 'sum' }))).toEqual([
          {
            path: 'fields[0].aggregate',
            code: 'aggregate_not_allowed',
            message: 'aggregate "sum" chỉ dùng cho cột số (integer, decimal).',
          },
        ]);
      });

      it('rejects an unknown aggregate', () => {
        expect(codesOf(withField({ aggregate: 'total' }))).toEqual([['fields[0].aggregate', 'unknown_aggregate']]);
      });

      it('weighs a weighted average by another numeric field of the schema', () => {
        const rate = (changes: Record<string, unknown>) =>
          definition({
            fields: [
              { key: 'tong_so_ho_so', label: 'Tổng số hồ sơ', type: 'integer' },
              { key: 'ty_le', label: 'Tỷ lệ', type: 'decimal', aggregate: 'weighted_avg', weightField: 'tong_so_ho_so', ...changes },
              { key: 'ghi_chu', label: 'Ghi chú', type: 'text' },
            ],
          });
        expect(validateSchemaDefinition(rate({})).ok).toBe(true);
        expect(codesOf(rate({ weightField: undefined }))).toEqual([['fields[1].weightField', 'weight_field_required']]);
        expect(codesOf(rate({ weightField: 'khong_co' }))).toEqual([['fields[1].weightField', 'unknown_weight_field']]);
        expect(codesOf(rate({ weightField: 'ghi_chu' }))).toEqual([['fields[1].weightField', 'invalid_weight_field']]);
        expect(codesOf(rate({ weightField: 'ty_le' }))).toEqual([['fields[1].weightField', 'invalid_weight_field']]);
        expect(codesOf(rate({ aggregate: 'avg' }))).toEqual([['fields[1].weightField', 'weight_field_not_allowed']]);
      });
    });
  });

  describe('row rules', () => {
    const rowRule = (changes: Record<string, unknown>): Record<string, unknown> => ({
      id: 'r1',
      message: 'Số lượng phải dương.',
      assert: 'so_luong > 0',
      ...changes,
    });

    it('accepts a complete rule', () => {
      const input = definition({ rowRules: [rowRule({ when: "ghi_chu != ''", severity: 'warning', missing: 'zero' })] });
      expect(validateSchemaDefinition(input).ok).toBe(true);
    });

    it('reports a parse error of assert with the rule path and the parser message', () => {
      const input = definition({ rowRules: [rowRule({ id: 'a' }), rowRule({ id: 'b', assert: 'so_luong >' })] });
      expect(errorsOf(input)).toEqual([
        {
          path: 'rowRules[1].assert',
          code: 'invalid_rule',
          message: 'Vị trí 11: cần một giá trị, tên cột hoặc "(" nhưng gặp hết biểu thức.',
        },
      ]);
    });

    it('reports type errors of when with its path', () => {
      expect(errorsOf(definition({ rowRules: [rowRule({ when: 'ghi_chu + 1 > 0' })] }))).toEqual([
        {
          path: 'rowRules[0].when',
          code: 'invalid_rule',
          message: 'Vị trí 1: vế trái của phép "+" phải là số, nhưng ở đây là văn bản.',
        },
      ]);
    });

    it('rejects a rule naming a field that is not in the schema', () => {
      expect(codesOf(definition({ rowRules: [rowRule({ assert: 'tong >= so_luong' })] }))).toEqual([
        ['rowRules[0].assert', 'invalid_rule'],
      ]);
    });

    it('requires id, message and assert', () => {
      expect(codesOf(definition({ rowRules: [{}] }))).toEqual([
        ['rowRules[0].id', 'missing_property'],
        ['rowRules[0].message', 'missing_property'],
        ['rowRules[0].assert', 'missing_property'],
      ]);
    });

    it('rejects an empty id or message', () => {
      expect(errorsOf(definition({ rowRules: [rowRule({ id: ' ', message: '' })] }))).toEqual([
        { path: 'rowRules[0].id', code: 'empty_id', message: 'Mã quy tắc (id) không được để trống.' },
        { path: 'rowRules[0].message', code: 'empty_message', message: 'Thông báo lỗi (message) không được để trống.' },
      ]);
    });

    it('rejects ids repeated across row and file rules', () => {
      const input = definition({
        rowRules: [rowRule({}), rowRule({})],
        fileRules: [{ id: 'r1', kind: 'row_count', max: 63 }],
      });
      expect(errorsOf(input)).toEqual([
        { path: 'rowRules[1].id', code: 'duplicate_rule_id', message: 'Mã quy tắc "r1" đã dùng ở rowRules[0].' },
        { path: 'fileRules[0].id', code: 'duplicate_rule_id', message: 'Mã quy tắc "r1" đã dùng ở rowRules[0].' },
      ]);
    });

    it('rejects an unknown severity or missing policy', () => {
      expect(errorsOf(definition({ rowRules: [rowRule({ severity: 'info', missing: 'ignore' })] }))).toEqual([
        { path: 'rowRules[0].severity', code: 'invalid_severity', message: 'severity phải là một trong: error, warning.' },
        { path: 'rowRules[0].missing', code: 'invalid_missing_policy', message: 'missing phải là một trong: skip, zero, fail.' },
      ]);
    });

    it('rejects unknown properties and a rowRules that is not a list of objects', () => {
      expect(codesOf(definition({ rowRules: [rowRule({ expression: 'x' })] }))).toEqual([
        ['rowRules[0].expression', 'unknown_property'],
      ]);
      expect(codesOf(definition({ rowRules: {} }))).toEqual([['rowRules', 'invalid_type']]);
      expect(codesOf(definition({ rowRules: ['so_luong > 0'] }))).toEqual([['rowRules[0]', 'invalid_type']]);
    });

    it('type-checks rules only against usable fields', () => {
      const input = definition({
        fields: [
          { key: 'so_luong', label: 'Số lượng', type: 'integer' },
          { key: 'tong', label: 'Tổng', type: 'money' },
        ],
        rowRules: [rowRule({ assert: 'tong >= so_luong' })],
      });
      expect(codesOf(input)).toEqual([
        ['fields[1].type', 'unknown_field_type'],
        ['rowRules[0].assert', 'invalid_rule'],
      ]);
    });
  });

  describe('file rules', () => {
    it('require unique fields to exist, once each', () => {
      const input = definition({ fileRules: [{ id: 'u', kind: 'unique', fields: ['so_luong', 'ma', 'so_luong'] }] });
      expect(errorsOf(input)).toEqual([
        { path: 'fileRules[0].fields[1]', code: 'unknown_field', message: 'Không có cột "ma" trong biểu mẫu.' },
        {
          path: 'fileRules[0].fields[2]',
          code: 'duplicate_field_reference',
          message: 'Cột "so_luong" được nêu hai lần.',
        },
      ]);
    });

    it('require a non-empty list of fields for unique', () => {
      expect(codesOf(definition({ fileRules: [{ id: 'u', kind: 'unique' }] }))).toEqual([
        ['fileRules[0].fields', 'missing_property'],
      ]);
      expect(codesOf(definition({ fileRules: [{ id: 'u', kind: 'unique', fields: [] }] }))).toEqual([
        ['fileRules[0].fields', 'invalid_type'],
      ]);
    });

    it('require row_count bounds to be non-negative integers with min <= max', () => {
      expect(errorsOf(definition({ fileRules: [{ id: 'n', kind: 'row_count', min: 5, max: 4 }] }))).toEqual([
        { path: 'fileRules[0].min', code: 'min_greater_than_max', message: 'min (5) lớn hơn max (4).' },
      ]);
      expect(codesOf(definition({ fileRules: [{ id: 'n', kind: 'row_count', min: -1, max: 1.5 }] }))).toEqual([
        ['fileRules[0].min', 'invalid_row_count'],
        ['fileRules[0].max', 'invalid_row_count'],
      ]);
      expect(errorsOf(definition({ fileRules: [{ id: 'n', kind: 'row_count' }] }))).toEqual([
        { path: 'fileRules[0]', code: 'invalid_row_count', message: 'Quy tắc row_count cần ít nhất min hoặc max.' },
      ]);
    });

    it('reject an unknown kind, and properties of the other kind', () => {
      expect(errorsOf(definition({ fileRules: [{ id: 'x', kind: 'sum' }] }))).toEqual([
        {
          path: 'fileRules[0].kind',
          code: 'unknown_rule_kind',
          message: 'Loại quy tắc "sum" không hợp lệ; dùng unique hoặc row_count.',
        },
      ]);
      expect(codesOf(definition({ fileRules: [{ id: 'n', kind: 'row_count', max: 63, fields: ['so_luong'] }] }))).toEqual([
        ['fileRules[0].fields', 'unknown_property'],
      ]);
      expect(codesOf(definition({ fileRules: [{ id: 'n' }] }))).toEqual([['fileRules[0].kind', 'missing_property']]);
    });

    it('check message and severity like row rules', () => {
      expect(codesOf(definition({ fileRules: [{ id: 'n', kind: 'row_count', max: 1, message: ' ', severity: 'fatal' }] }))).toEqual([
        ['fileRules[0].message', 'empty_message'],
        ['fileRules[0].severity', 'invalid_severity'],
      ]);
    });
  });

  describe('keyFields', () => {
    it('must name existing fields, once each', () => {
      expect(codesOf(definition({ keyFields: ['so_luong', 'so_luong', 'ma', 3] }))).toEqual([
        ['keyFields[1]', 'duplicate_field_reference'],
        ['keyFields[2]', 'unknown_field'],
        ['keyFields[3]', 'invalid_type'],
      ]);
    });

    it('must be a list', () => {
      expect(codesOf(definition({ keyFields: 'so_luong' }))).toEqual([['keyFields', 'invalid_type']]);
    });
  });

  it('returns a definition usable as ReportSchemaDefinition', () => {
    const result = validateSchemaDefinition(JSON.parse(JSON.stringify(circular35SummarySchema())));
    const fields: FieldDefinition[] = result.ok ? result.value.fields : [];
    expect(fields.map((field) => field.key)).toEqual(['stt', 'chi_tieu', 'so_luong_trong_nam', 'so_luong_luy_ke', 'ghi_chu']);
  });

  describe('the period check of date fields', () => {
    const date = (field: Record<string, unknown>) => ({ key: 'ngay', label: 'Ngày chốt số liệu', type: 'date', ...field });

    it('accepts a reference date and a period check on date fields', () => {
      const input = definition({ fields: [date({ referenceDate: true, periodCheck: { severity: 'error', toleranceDays: 10 } })] });
      expect(validateSchemaDefinition(input).ok).toBe(true);
    });

    it('refuses them on other field types, with a bad severity or tolerance, and on two fields', () => {
      expect(codesOf(withField({ referenceDate: true, periodCheck: { severity: 'warning' } }))).toEqual([
        ['fields[0].referenceDate', 'period_check_not_allowed'],
        ['fields[0].periodCheck', 'period_check_not_allowed'],
      ]);
      expect(codesOf(definition({ fields: [date({ periodCheck: { severity: 'loud', toleranceDays: -1, extra: 1 } })] }))).toEqual([
        ['fields[0].periodCheck.extra', 'unknown_property'],
        ['fields[0].periodCheck.severity', 'invalid_period_check'],
        ['fields[0].periodCheck.toleranceDays', 'invalid_period_check'],
      ]);
      expect(codesOf(definition({ fields: [date({ referenceDate: true }), date({ key: 'ngay_lap', label: 'Ngày lập', referenceDate: true })] }))).toEqual([
        ['fields[1].referenceDate', 'duplicate_reference_date'],
      ]);
    });
  });
});
