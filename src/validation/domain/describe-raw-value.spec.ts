import { MAX_ISSUE_VALUE_LENGTH, describeRawValue } from './describe-raw-value';

describe('describeRawValue', () => {
  it('returns null for an absent value', () => {
    expect(describeRawValue(null)).toBeNull();
    expect(describeRawValue(undefined)).toBeNull();
  });

  it('keeps strings exactly as written, spaces included', () => {
    expect(describeRawValue(' 1.23.4 ')).toBe(' 1.23.4 ');
  });

  it('stringifies numbers and booleans', () => {
    expect(describeRawValue(12.5)).toBe('12.5');
    expect(describeRawValue(false)).toBe('false');
  });

  it('shows a date as the officer wrote it, dd/mm/yyyy', () => {
    expect(describeRawValue(new Date(Date.UTC(2024, 2, 15)))).toBe('15/03/2024');
    expect(describeRawValue(new Date('invalid'))).toBe('Invalid Date');
  });

  it('shows an Excel error value by its error text and other objects as JSON', () => {
    expect(describeRawValue({ error: '#REF!' })).toBe('#REF!');
    expect(describeRawValue({ text: 'Số 5' })).toBe('{"text":"Số 5"}');
  });

  it(`cuts long values to ${MAX_ISSUE_VALUE_LENGTH} characters, ending with an ellipsis`, () => {
    expect(describeRawValue('a'.repeat(200))).toBe('a'.repeat(200));
    expect(describeRawValue('a'.repeat(201))).toBe(`${'a'.repeat(199)}…`);
  });

  it('cuts by characters, never inside a surrogate pair', () => {
    const described = describeRawValue('𠀀'.repeat(250)) ?? '';
    expect(Array.from(described)).toHaveLength(200);
    expect(described.endsWith('𠀀…')).toBe(true);
  });
});
