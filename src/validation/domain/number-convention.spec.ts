import { NumberConventions, settle } from './number-convention';
import { COMMA_DECIMAL, COMMA_GROUPING, DOT_DECIMAL, DOT_GROUPING } from './number-text';

describe('settle', () => {
  it.each([
    ['Vietnamese grouping elsewhere', '.', DOT_GROUPING, 'grouped'],
    ['a decimal comma elsewhere', '.', COMMA_DECIMAL, 'grouped'],
    ['English grouping elsewhere', '.', COMMA_GROUPING, 'decimal'],
    ['only a decimal dot elsewhere (103.4): officers who type dot decimals also type 1.000 for a thousand', '.', DOT_DECIMAL, 'unsettled'],
    ['both conventions in one file', '.', DOT_GROUPING | COMMA_GROUPING, 'unsettled'],
    ['no evidence', '.', 0, 'unsettled'],
    ['a decimal dot elsewhere (812.50, English export)', ',', DOT_DECIMAL, 'grouped'],
    ['English grouping elsewhere', ',', COMMA_GROUPING, 'grouped'],
    ['Vietnamese grouping elsewhere', ',', DOT_GROUPING, 'decimal'],
    ['only a decimal comma elsewhere', ',', COMMA_DECIMAL, 'unsettled'],
  ] as const)('a decimal field with %s reads "%s" as %s', (_case, separator, evidence, expected) => {
    expect(settle(separator, false, 0, evidence)).toBe(expected);
  });

  it('reads 1.000 in a whole-number field as a thousand, unless the file writes dot decimals', () => {
    expect(settle('.', true, 0, 0)).toBe('grouped');
    expect(settle('.', true, 0, DOT_DECIMAL)).toBe('unsettled');
  });

  it('reads 456,000 in a whole-number field as grouping with a warning when nothing settles it', () => {
    expect(settle(',', true, 0, 0)).toBe('grouped_warned');
    expect(settle(',', true, 0, COMMA_DECIMAL)).toBe('grouped_warned');
    expect(settle(',', true, 0, DOT_GROUPING | DOT_DECIMAL)).toBe('unsettled');
  });

  it("lets a column's own evidence settle first, then the file's", () => {
    expect(settle('.', false, COMMA_DECIMAL, COMMA_DECIMAL | COMMA_GROUPING)).toBe('grouped');
    expect(settle('.', false, DOT_DECIMAL, DOT_DECIMAL | COMMA_GROUPING)).toBe('decimal');
  });
});

describe('NumberConventions', () => {
  it('says nothing changed when every ambiguous value was read with the evidence that settles it', () => {
    const conventions = new NumberConventions();
    conventions.observe(1, DOT_DECIMAL, '812.50');
    expect(conventions.settlerFor(0).settle(',', true)).toBe('grouped');
    expect(conventions.settledDifferently()).toBe(false);
  });

  it('notices a value read before the evidence that settles it arrived, and a second pass reads it right', () => {
    const first = new NumberConventions();
    expect(first.settlerFor(0).settle(',', true)).toBe('grouped_warned');
    first.observe(1, DOT_DECIMAL, '812.50');
    expect(first.settledDifferently()).toBe(true);
    const second = new NumberConventions(first.evidence());
    expect(second.settlerFor(0).settle(',', true)).toBe('grouped');
    expect(second.settledDifferently()).toBe(false);
  });

  it('quotes the evidence and an ambiguous value read the English way', () => {
    const conventions = new NumberConventions();
    conventions.observe(1, DOT_DECIMAL, '812.50');
    expect(conventions.describe()).toBeNull();
    conventions.settlerFor(0).readEnglish('456,000', 456000);
    expect(conventions.describe()).toBe(
      'Tệp ghi số theo kiểu tiếng Anh (dấu phẩy phân cách hàng nghìn, dấu chấm trước phần thập phân, ví dụ "812.50"), nên các số như "456,000" được đọc là 456000.',
    );
  });
});
