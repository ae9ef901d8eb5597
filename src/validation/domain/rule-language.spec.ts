import { compileRule, type CompiledRule, type RuleRow } from './rule-language';
import type { FieldDefinition, RowRuleDefinition } from './schema-definition';
import { CIRCULAR_35_INDICATORS, circular35SummarySchema, quarterlySectorSchema } from './testing/report-schema.fixtures';

const fields: FieldDefinition[] = [
  { key: 'a', label: 'A', type: 'decimal' },
  { key: 'b', label: 'B', type: 'decimal' },
  { key: 'c', label: 'C', type: 'integer' },
  { key: 'ten', label: 'Tên', type: 'text' },
  { key: 'hinh_thuc', label: 'Hình thức', type: 'enum', enumValues: ['Cấp mới', 'Thu hồi'] },
  { key: 'ngay_cap', label: 'Ngày cấp', type: 'date' },
  { key: 'ngay_het_han', label: 'Ngày hết hạn', type: 'date' },
  { key: 'lien_tinh', label: 'Liên tỉnh', type: 'boolean' },
];

function rule(assert: string, extra: Partial<RowRuleDefinition> = {}): CompiledRule {
  const result = compileRule({ id: 'r', message: 'Sai.', assert, ...extra }, { fields });
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join(' '));
  return result.rule;
}

function evaluate(assert: string, row: RuleRow, extra: Partial<RowRuleDefinition> = {}): boolean | 'skipped' {
  return rule(assert, extra).evaluate(row);
}

describe('compileRule', () => {
  describe('compilation', () => {
    it('returns the rule with its defaults: severity error, missing skip', () => {
      const compiled = rule('a >= b');
      expect(compiled).toEqual(
        expect.objectContaining({ id: 'r', message: 'Sai.', severity: 'error', missing: 'skip', fields: ['a', 'b'] }),
      );
    });

    it('keeps the severity and missing policy given', () => {
      expect(rule('a >= b', { severity: 'warning', missing: 'zero' })).toEqual(
        expect.objectContaining({ severity: 'warning', missing: 'zero' }),
      );
    });

    it('lists the fields named, assert first, then when, each once, presence tests included', () => {
      const compiled = rule('present(c) and b >= a + b', { when: 'a > 0 and lien_tinh' });
      expect(compiled.fields).toEqual(['c', 'b', 'a', 'lien_tinh']);
      expect(compiled.assertFields).toEqual(['c', 'b', 'a']);
    });

    it('reports a parse error of assert with its part and position', () => {
      expect(compileRule({ id: 'r', message: 'Sai.', assert: 'a >=' }, { fields })).toEqual({
        ok: false,
        errors: [{ part: 'assert', position: 5, message: 'Vị trí 5: cần một giá trị, tên cột hoặc "(" nhưng gặp hết biểu thức.' }],
      });
    });

    it('reports type errors of both assert and when', () => {
      expect(compileRule({ id: 'r', message: 'Sai.', assert: 'a >= x', when: "ten > 'A'" }, { fields })).toEqual({
        ok: false,
        errors: [
          { part: 'assert', position: 6, message: 'Vị trí 6: không có cột "x" trong biểu mẫu.' },
          {
            part: 'when',
            position: 5,
            message: 'Vị trí 5: phép ">" không dùng cho văn bản; chỉ so sánh bằng (=) hoặc khác (!=).',
          },
        ],
      });
    });
  });

  describe('arithmetic and comparisons', () => {
    it('applies precedence and parentheses', () => {
      expect(evaluate('a + b * c = 14', { a: 2, b: 3, c: 4 })).toBe(true);
      expect(evaluate('(a + b) * c = 20', { a: 2, b: 3, c: 4 })).toBe(true);
      expect(evaluate('a - b - c = -5', { a: 2, b: 3, c: 4 })).toBe(true);
      expect(evaluate('a / b / c = 0.5', { a: 12, b: 6, c: 4 })).toBe(true);
      expect(evaluate('-a + b = 1', { a: 2, b: 3 })).toBe(true);
    });

    it.each([
      ['a = b', 1, 1, true],
      ['a = b', 1, 2, false],
      ['a != b', 1, 2, true],
      ['a != b', 2, 2, false],
      ['a < b', 1, 2, true],
      ['a < b', 2, 2, false],
      ['a <= b', 2, 2, true],
      ['a <= b', 3, 2, false],
      ['a > b', 3, 2, true],
      ['a > b', 2, 2, false],
      ['a >= b', 2, 2, true],
      ['a >= b', 1, 2, false],
    ])('evaluates %s with a = %p, b = %p as %p', (assert, a, b, expected) => {
      expect(evaluate(assert, { a, b })).toBe(expected);
    });

    it('treats numbers within a relative 1e-9 as equal, so decimal sums hold', () => {
      expect(evaluate('a + b = 0.3', { a: 0.1, b: 0.2 })).toBe(true);
      expect(evaluate('sum(a, b) <= 0.3', { a: 0.1, b: 0.2 })).toBe(true);
      expect(evaluate('a + b > 0.3', { a: 0.1, b: 0.2 })).toBe(false);
      expect(evaluate('a = b', { a: 1_250_000_000, b: 1_250_000_000.5 })).toBe(true);
      expect(evaluate('a < b', { a: 1_250_000_000, b: 1_250_000_000.5 })).toBe(false);
      expect(evaluate('a = b', { a: 1, b: 1.000001 })).toBe(false);
      expect(evaluate('a < b', { a: 1, b: 1.000001 })).toBe(true);
      expect(evaluate('a = 0', { a: 0 })).toBe(true);
    });

    it('compares text and enum values exactly, after the coercion made them canonical', () => {
      expect(evaluate("ten = 'Hà Nội'", { ten: 'Hà Nội' })).toBe(true);
      expect(evaluate("ten = 'Hà Nội'", { ten: 'Ha Noi' })).toBe(false);
      expect(evaluate("hinh_thuc != 'Thu hồi'", { hinh_thuc: 'Cấp mới' })).toBe(true);
    });

    it('compares dates with each other and with ISO literals', () => {
      expect(evaluate('ngay_het_han > ngay_cap', { ngay_cap: '2024-03-14', ngay_het_han: '2029-03-14' })).toBe(true);
      expect(evaluate("ngay_cap >= '2017-02-15'", { ngay_cap: '2017-02-14' })).toBe(false);
      expect(evaluate("ngay_cap >= '2017-02-15'", { ngay_cap: '2017-02-15' })).toBe(true);
    });

    it('compares booleans and uses them as conditions', () => {
      expect(evaluate('lien_tinh', { lien_tinh: true })).toBe(true);
      expect(evaluate('not lien_tinh', { lien_tinh: true })).toBe(false);
      expect(evaluate('lien_tinh = false', { lien_tinh: false })).toBe(true);
    });

    it('evaluates and, or, not', () => {
      const row = { a: 1, b: 2 };
      expect(evaluate('a = 1 and b = 2', row)).toBe(true);
      expect(evaluate('a = 1 and b = 3', row)).toBe(false);
      expect(evaluate('a = 2 or b = 2', row)).toBe(true);
      expect(evaluate('a = 2 or b = 3', row)).toBe(false);
      expect(evaluate('not (a = 2 or b = 3)', row)).toBe(true);
    });
  });

  describe('functions', () => {
    it('sum, abs, min and max compute over numbers', () => {
      const row = { a: 1.5, b: -4, c: 3 };
      expect(evaluate('sum(a, b, c) = 0.5', row)).toBe(true);
      expect(evaluate('sum(c) = 3', row)).toBe(true);
      expect(evaluate('abs(b) = 4', row)).toBe(true);
      expect(evaluate('min(a, b, c) = -4', row)).toBe(true);
      expect(evaluate('max(a, b, c) = 3', row)).toBe(true);
      expect(evaluate('max(a) = 1.5', row)).toBe(true);
    });

    it('if chooses a branch by its condition', () => {
      expect(evaluate('if(lien_tinh, a, b) = 1', { lien_tinh: true, a: 1, b: 2 })).toBe(true);
      expect(evaluate('if(lien_tinh, a, b) = 2', { lien_tinh: false, a: 1, b: 2 })).toBe(true);
    });

    it('present and missing test whether a value was given', () => {
      expect(evaluate('present(ten)', { ten: 'x' })).toBe(true);
      expect(evaluate('present(ten)', { ten: null })).toBe(false);
      expect(evaluate('present(ten)', {})).toBe(false);
      expect(evaluate('missing(ten)', { ten: null })).toBe(true);
      expect(evaluate('missing(c)', { c: 0 })).toBe(false);
      expect(evaluate('present(lien_tinh)', { lien_tinh: false })).toBe(true);
    });

    it.each([
      [{ ngay_cap: '2024-03-14', ngay_het_han: '2029-03-14' }, true],
      [{ ngay_cap: null, ngay_het_han: null }, true],
      [{ ngay_cap: '2024-03-14', ngay_het_han: null }, false],
      [{ ngay_cap: null, ngay_het_han: '2029-03-14' }, false],
    ])('both_or_neither(ngay_cap, ngay_het_han) on %p is %p', (row, expected) => {
      expect(evaluate('both_or_neither(ngay_cap, ngay_het_han)', row)).toBe(expected);
    });

    it.each([
      [{ a: 1, b: 2 }, false],
      [{ a: 1, b: null }, true],
      [{ a: null, b: 2 }, true],
      [{ a: null, b: null }, true],
    ])('not_both(a, b) on %p is %p', (row, expected) => {
      expect(evaluate('not_both(a, b)', row)).toBe(expected);
    });
  });

  describe('empty values', () => {
    it('skips the rule by default when a field whose value it uses is empty', () => {
      expect(evaluate('a >= b', { a: 1, b: null })).toBe('skipped');
      expect(evaluate('a >= b', { a: 1 })).toBe('skipped');
      expect(evaluate('a >= b', { a: 1, b: null }, { missing: 'skip' })).toBe('skipped');
    });

    it('does not count fields only tested by presence functions', () => {
      expect(evaluate('present(b) or a > 0', { a: 1, b: null })).toBe(true);
      expect(evaluate('both_or_neither(a, b)', { a: 1, b: null })).toBe(false);
      expect(evaluate('not_both(a, b) and c = 1', { a: null, b: null, c: 1 })).toBe(true);
    });

    it('decides from every field the expression uses, not the branch taken, so results do not depend on order', () => {
      expect(evaluate('a > 0 or b > 0', { a: 1, b: null })).toBe('skipped');
      expect(evaluate('b > 0 or a > 0', { a: 1, b: null })).toBe('skipped');
      expect(evaluate('if(present(b), b, 0) >= 0', { b: null })).toBe('skipped');
    });

    it('counts empty numbers as 0 under missing: zero', () => {
      expect(evaluate('a >= b', { a: null, b: 0 }, { missing: 'zero' })).toBe(true);
      expect(evaluate('a >= b', { a: null, b: 2 }, { missing: 'zero' })).toBe(false);
      expect(evaluate('sum(a, b, c) = 3', { a: 1, b: null, c: 2 }, { missing: 'zero' })).toBe(true);
    });

    it('still skips under missing: zero when an empty field is not a number', () => {
      expect(evaluate("ten = 'x' or a > 0", { ten: null, a: 1 }, { missing: 'zero' })).toBe('skipped');
    });

    it('fails the rule under missing: fail', () => {
      expect(evaluate('a >= b', { a: 1, b: null }, { missing: 'fail' })).toBe(false);
      expect(evaluate('a >= b', { a: 2, b: 1 }, { missing: 'fail' })).toBe(true);
    });

    it('only skips under missing: fail when the when condition cannot be decided', () => {
      expect(evaluate('a >= b', { a: 1, b: 2, ten: null }, { missing: 'fail', when: "ten = 'x'" })).toBe('skipped');
    });

    it('counts empty numbers in when as 0 under missing: zero', () => {
      expect(evaluate('a > 0', { a: 1, c: null }, { missing: 'zero', when: 'c = 0' })).toBe(true);
    });
  });

  describe('when', () => {
    it('applies the rule only to rows where when holds', () => {
      expect(evaluate('a >= b', { a: 1, b: 2, lien_tinh: false }, { when: 'lien_tinh' })).toBe('skipped');
      expect(evaluate('a >= b', { a: 1, b: 2, lien_tinh: true }, { when: 'lien_tinh' })).toBe(false);
      expect(evaluate('a >= b', { a: 3, b: 2, lien_tinh: true }, { when: 'lien_tinh' })).toBe(true);
    });

    it('skips the rule when when uses an empty field', () => {
      expect(evaluate('a >= b', { a: 1, b: 2, lien_tinh: null }, { when: 'lien_tinh' })).toBe('skipped');
    });
  });

  it('skips a rule whose value cannot be known because of a division by zero', () => {
    expect(evaluate('a / b <= 1', { a: 5, b: 0 })).toBe('skipped');
    expect(evaluate('a / b <= 1', { a: 5, b: 0 }, { missing: 'fail' })).toBe('skipped');
    expect(evaluate('a / b <= 1', { a: 5, b: 10 })).toBe(true);
  });

  describe('with the fixture schemas', () => {
    const summary = circular35SummarySchema();
    const cumulativeRule = (() => {
      const [definition] = summary.rowRules ?? [];
      const result = compileRule(definition, summary);
      if (!result.ok) throw new Error('fixture rule does not compile');
      return result.rule;
    })();

    it('requires cumulative >= in-year for indicator rows 1 to 3 of form 01/BC-STTTT', () => {
      const row = (indicator: string, inYear: number, cumulative: number): RuleRow => ({
        chi_tieu: indicator,
        so_luong_trong_nam: inYear,
        so_luong_luy_ke: cumulative,
      });
      expect(cumulativeRule.evaluate(row(CIRCULAR_35_INDICATORS[0], 3, 41))).toBe(true);
      expect(cumulativeRule.evaluate(row(CIRCULAR_35_INDICATORS[1], 12, 12))).toBe(true);
      expect(cumulativeRule.evaluate(row(CIRCULAR_35_INDICATORS[2], 5, 4))).toBe(false);
      expect(cumulativeRule.evaluate(row(CIRCULAR_35_INDICATORS[3], 5, 4))).toBe('skipped');
    });

    it('compiles every rule of the quarterly sector report', () => {
      const quarterly = quarterlySectorSchema();
      for (const definition of quarterly.rowRules ?? []) expect(compileRule(definition, quarterly).ok).toBe(true);
    });
  });
});
