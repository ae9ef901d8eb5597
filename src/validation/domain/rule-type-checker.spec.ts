import type { RuleError } from './rule-ast';
import { parseRuleExpression } from './rule-parser';
import { checkRuleExpression } from './rule-type-checker';
import type { FieldDefinition } from './schema-definition';

const fields: FieldDefinition[] = [
  { key: 'trong_nam', label: 'Số lượng trong năm', type: 'integer' },
  { key: 'luy_ke', label: 'Số lượng lũy kế', type: 'integer' },
  { key: 'doanh_thu', label: 'Doanh thu', type: 'decimal' },
  { key: 'ten_dn', label: 'Tên doanh nghiệp', type: 'text' },
  { key: 'hinh_thuc', label: 'Hình thức', type: 'enum', enumValues: ['Cấp mới', 'Thu hồi'] },
  { key: 'ngay_cap', label: 'Ngày cấp', type: 'date' },
  { key: 'ngay_het_han', label: 'Ngày hết hạn', type: 'date' },
  { key: 'lien_tinh', label: 'Liên tỉnh', type: 'boolean' },
];

function check(source: string, part: 'assert' | 'when' = 'assert'): RuleError[] {
  const parsed = parseRuleExpression(source);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return checkRuleExpression(parsed.expression, fields, part);
}

describe('checkRuleExpression', () => {
  it.each([
    'luy_ke >= trong_nam',
    'sum(trong_nam, luy_ke, doanh_thu) = 12.5',
    'abs(doanh_thu - trong_nam / 2) <= 0.1',
    'min(trong_nam, luy_ke) > 0 or max(trong_nam, luy_ke) < 10',
    '-trong_nam < 0',
    'present(trong_nam) and missing(luy_ke)',
    'both_or_neither(ngay_cap, ngay_het_han)',
    'not_both(ten_dn, lien_tinh)',
    "hinh_thuc = 'Thu hồi'",
    "'Cấp mới' != hinh_thuc",
    "ten_dn != ''",
    'ngay_het_han > ngay_cap',
    "ngay_cap >= '2017-02-15'",
    "'2024-12-31' >= ngay_cap",
    'lien_tinh',
    'lien_tinh = true',
    'not lien_tinh',
    'if(lien_tinh, trong_nam, 0) <= luy_ke',
    "if(present(ten_dn), ten_dn, 'không tên') != ''",
    'true',
  ])('accepts %s', (source) => {
    expect(check(source)).toEqual([]);
  });

  describe('names', () => {
    it('rejects a field the schema does not have', () => {
      expect(check('luy_ke >= so_luong')).toEqual([
        { position: 11, message: 'Vị trí 11: không có cột "so_luong" trong biểu mẫu.' },
      ]);
    });

    it('rejects an unknown function, listing those available', () => {
      expect(check('median(trong_nam) > 0')).toEqual([
        {
          position: 1,
          message:
            'Vị trí 1: không có hàm "median"; các hàm dùng được: present, missing, both_or_neither, not_both, sum, abs, min, max, if.',
        },
      ]);
    });

    it('still reports unknown fields inside an unknown function', () => {
      expect(check('median(x) > 0').map((error) => error.position)).toEqual([1, 8]);
    });
  });

  describe('arity', () => {
    it.each([
      ['abs(trong_nam, luy_ke) > 0', 'Vị trí 1: hàm abs cần đúng 1 đối số, nhưng nhận 2.'],
      ['sum() > 0', 'Vị trí 1: hàm sum cần ít nhất 1 đối số, nhưng nhận 0.'],
      ['min() > 0', 'Vị trí 1: hàm min cần ít nhất 1 đối số, nhưng nhận 0.'],
      ['present()', 'Vị trí 1: hàm present cần đúng 1 đối số, nhưng nhận 0.'],
      ['both_or_neither(trong_nam)', 'Vị trí 1: hàm both_or_neither cần đúng 2 đối số, nhưng nhận 1.'],
      ['not_both(trong_nam, luy_ke, doanh_thu)', 'Vị trí 1: hàm not_both cần đúng 2 đối số, nhưng nhận 3.'],
      ['if(lien_tinh, 1) > 0', 'Vị trí 1: hàm if cần đúng 3 đối số, nhưng nhận 2.'],
    ])('rejects %s', (source, message) => {
      expect(check(source)).toEqual([{ position: 1, message }]);
    });
  });

  describe('presence functions', () => {
    it('require a bare field name', () => {
      expect(check('present(trong_nam + 1)')).toEqual([
        { position: 19, message: 'Vị trí 19: đối số của present phải là tên một cột.' },
      ]);
      expect(check("missing('trong_nam')")).toEqual([
        { position: 9, message: 'Vị trí 9: đối số của missing phải là tên một cột.' },
      ]);
    });

    it('reject unknown fields', () => {
      expect(check('present(x)')).toEqual([{ position: 9, message: 'Vị trí 9: không có cột "x" trong biểu mẫu.' }]);
    });
  });

  describe('arithmetic', () => {
    it('rejects arithmetic on text', () => {
      expect(check('ten_dn + 1 > 0')).toEqual([
        { position: 1, message: 'Vị trí 1: vế trái của phép "+" phải là số, nhưng ở đây là văn bản.' },
      ]);
    });

    it('rejects arithmetic on an enum, a boolean or a date', () => {
      expect(check('1 - hinh_thuc > 0')).toEqual([
        { position: 5, message: 'Vị trí 5: vế phải của phép "-" phải là số, nhưng ở đây là văn bản.' },
      ]);
      expect(check('lien_tinh * 2 > 0')).toEqual([
        { position: 1, message: 'Vị trí 1: vế trái của phép "*" phải là số, nhưng ở đây là đúng/sai.' },
      ]);
      expect(check('ngay_het_han - ngay_cap > 30').map((error) => error.message)).toEqual([
        'Vị trí 1: vế trái của phép "-" phải là số, nhưng ở đây là ngày.',
        'Vị trí 16: vế phải của phép "-" phải là số, nhưng ở đây là ngày.',
      ]);
    });

    it('rejects unary minus on anything but a number', () => {
      expect(check('-ten_dn = 0')).toEqual([
        { position: 2, message: 'Vị trí 2: dấu "-" đứng trước phải là số, nhưng ở đây là văn bản.' },
      ]);
    });

    it('rejects non-numeric arguments of sum, abs, min and max', () => {
      expect(check('sum(trong_nam, ten_dn) > 0')).toEqual([
        { position: 16, message: 'Vị trí 16: đối số thứ 2 của sum phải là số, nhưng ở đây là văn bản.' },
      ]);
      expect(check('abs(ngay_cap) > 0')[0].message).toBe('Vị trí 5: đối số thứ 1 của abs phải là số, nhưng ở đây là ngày.');
    });
  });

  describe('comparisons', () => {
    it('rejects comparing a number with text', () => {
      expect(check("trong_nam = 'mười'")).toEqual([
        { position: 11, message: 'Vị trí 11: không thể so sánh số với văn bản.' },
      ]);
    });

    it('rejects comparing other incompatible types', () => {
      expect(check('lien_tinh = 1')[0].message).toBe('Vị trí 11: không thể so sánh đúng/sai với số.');
      expect(check('ngay_cap = ten_dn')[0].message).toBe('Vị trí 10: không thể so sánh ngày với văn bản.');
      expect(check('ngay_cap > 20240101')[0].message).toBe('Vị trí 10: không thể so sánh ngày với số.');
    });

    it('allows only = and != on text and booleans', () => {
      expect(check("ten_dn < 'B'")).toEqual([
        { position: 8, message: 'Vị trí 8: phép "<" không dùng cho văn bản; chỉ so sánh bằng (=) hoặc khác (!=).' },
      ]);
      expect(check('lien_tinh >= true')[0].message).toBe(
        'Vị trí 11: phép ">=" không dùng cho đúng/sai; chỉ so sánh bằng (=) hoặc khác (!=).',
      );
    });

    it('requires a string compared with a date to be an ISO date', () => {
      expect(check("ngay_cap >= '15/02/2017'")).toEqual([
        { position: 13, message: "Vị trí 13: '15/02/2017' không phải là ngày dạng yyyy-mm-dd." },
      ]);
      expect(check("ngay_cap = '2023-02-29'")[0].message).toBe("Vị trí 12: '2023-02-29' không phải là ngày dạng yyyy-mm-dd.");
    });

    it('requires a string compared with an enum field to be one of its values', () => {
      expect(check("hinh_thuc = 'Thu hoi'")).toEqual([
        { position: 13, message: 'Vị trí 13: \'Thu hoi\' không thuộc danh sách giá trị của cột "hinh_thuc".' },
      ]);
    });
  });

  describe('logic', () => {
    it('requires boolean operands of and, or, not', () => {
      expect(check('trong_nam and lien_tinh')).toEqual([
        { position: 1, message: 'Vị trí 1: vế trái của "and" phải là đúng/sai, nhưng ở đây là số.' },
      ]);
      expect(check('lien_tinh or ten_dn')[0].message).toBe('Vị trí 14: vế phải của "or" phải là đúng/sai, nhưng ở đây là văn bản.');
      expect(check('not trong_nam')[0].message).toBe('Vị trí 5: "not" đứng trước phải là đúng/sai, nhưng ở đây là số.');
    });

    it('requires a boolean condition and branches of one type in if', () => {
      expect(check('if(trong_nam, 1, 2) > 0')[0].message).toBe(
        'Vị trí 4: điều kiện của if phải là đúng/sai, nhưng ở đây là số.',
      );
      expect(check("if(lien_tinh, 1, 'hai') > 0")).toEqual([
        {
          position: 18,
          message: 'Vị trí 18: hai nhánh của if phải cùng kiểu, nhưng nhánh đúng là số còn nhánh sai là văn bản.',
        },
      ]);
    });
  });

  describe('the whole expression', () => {
    it('must be a condition for assert', () => {
      expect(check('luy_ke - trong_nam')).toEqual([
        { position: 1, message: 'Vị trí 1: assert phải là một điều kiện đúng/sai, nhưng biểu thức cho ra số.' },
      ]);
    });

    it('must be a condition for when', () => {
      expect(check('hinh_thuc', 'when')).toEqual([
        { position: 1, message: 'Vị trí 1: when phải là một điều kiện đúng/sai, nhưng biểu thức cho ra văn bản.' },
      ]);
    });

    it('reports every independent error once, without cascades', () => {
      expect(check('x > 0 and y > 0').map((error) => error.message)).toEqual([
        'Vị trí 1: không có cột "x" trong biểu mẫu.',
        'Vị trí 11: không có cột "y" trong biểu mẫu.',
      ]);
    });
  });
});
