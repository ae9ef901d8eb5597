import { COMMA_DECIMAL, COMMA_GROUPING, DOT_DECIMAL, DOT_GROUPING, readNumberText } from './number-text';

describe('readNumberText', () => {
  it.each([
    ['1.234.567', 1234567, DOT_GROUPING],
    ['1.234,5', 1234.5, DOT_GROUPING | COMMA_DECIMAL],
    ['12,5', 12.5, COMMA_DECIMAL],
    ['0,125', 0.125, COMMA_DECIMAL],
    ['1234,567', 1234.567, COMMA_DECIMAL],
    ['1,234,567', 1234567, COMMA_GROUPING],
    ['1,234.5', 1234.5, COMMA_GROUPING | DOT_DECIMAL],
    ['103.4', 103.4, DOT_DECIMAL],
    ['812.50', 812.5, DOT_DECIMAL],
    ['0.125', 0.125, DOT_DECIMAL],
    ['1234.567', 1234.567, DOT_DECIMAL],
    ['1 234 567', 1234567, 0],
    ['1 234,5', 1234.5, COMMA_DECIMAL],
    ['1234', 1234, 0],
    ['-12,5', -12.5, COMMA_DECIMAL],
  ])('reads %j as %p and says what it shows about the convention', (text, value, evidence) => {
    expect(readNumberText(text)).toEqual({ kind: 'number', value, evidence, percent: false });
  });

  it.each([
    ['1.000', '.', 1000, 1],
    ['5.250', '.', 5250, 5.25],
    ['456,000', ',', 456000, 456],
    ['-2,895', ',', -2895, -2.895],
  ])('leaves %j to the file: one separator then three digits', (text, separator, grouped, decimal) => {
    expect(readNumberText(text)).toEqual({ kind: 'ambiguous', separator, grouped, decimal, percent: false });
  });

  it('reads a trailing percent sign as a flag on the number written before it', () => {
    expect(readNumberText('12,5%')).toEqual({ kind: 'number', value: 12.5, evidence: COMMA_DECIMAL, percent: true });
    expect(readNumberText('12.50 %')).toEqual({ kind: 'number', value: 12.5, evidence: DOT_DECIMAL, percent: true });
  });

  it('refuses malformed text and numbers beyond exact arithmetic', () => {
    expect(readNumberText('1.23.4')).toEqual({ kind: 'malformed' });
    expect(readNumberText('1,234.567,8')).toEqual({ kind: 'malformed' });
    expect(readNumberText('9.007.199.254.740.993')).toEqual({ kind: 'out_of_range' });
  });
});
