import { compileFullMatchPattern, createFieldCheck } from './field-checks';
import { field } from './testing/report-schema.fixtures';

describe('createFieldCheck', () => {
  describe('required', () => {
    const check = createFieldCheck(field({ type: 'integer', required: true }));

    it('fails a missing value with required', () => {
      expect(check(null)).toEqual({ code: 'required', message: 'Thiếu giá trị bắt buộc.' });
    });

    it('accepts zero, false and any other present value', () => {
      expect(check(0)).toBeNull();
      expect(createFieldCheck(field({ type: 'boolean', required: true }))(false)).toBeNull();
    });

    it('lets an optional field be missing, even with other constraints', () => {
      expect(createFieldCheck(field({ type: 'integer', min: 1, max: 4 }))(null)).toBeNull();
      expect(createFieldCheck(field({ type: 'text', minLength: 2, pattern: '\\d+' }))(null)).toBeNull();
    });
  });

  describe('min and max on numbers', () => {
    const check = createFieldCheck(field({ type: 'decimal', min: 0, max: 100 }));

    it('accepts the inclusive bounds and values between them', () => {
      for (const value of [0, 0.5, 100]) expect(check(value)).toBeNull();
    });

    it('fails a value below min with below_min, formatting numbers the Vietnamese way', () => {
      expect(check(-0.5)).toEqual({ code: 'below_min', message: 'Giá trị -0,5 nhỏ hơn mức tối thiểu 0.' });
    });

    it('fails a value above max with above_max', () => {
      expect(createFieldCheck(field({ type: 'integer', max: 100000 }))(1234567)).toEqual({
        code: 'above_max',
        message: 'Giá trị 1.234.567 lớn hơn mức tối đa 100.000.',
      });
    });

    it('checks a bound given alone', () => {
      expect(createFieldCheck(field({ type: 'integer', min: 1 }))(0)?.code).toBe('below_min');
      expect(createFieldCheck(field({ type: 'integer', max: 4 }))(5)?.code).toBe('above_max');
    });
  });

  describe('min and max on dates', () => {
    const check = createFieldCheck(field({ type: 'date', min: '2023-12-15', max: '2024-03-14' }));

    it('compares ISO dates and accepts the inclusive bounds', () => {
      expect(check('2023-12-15')).toBeNull();
      expect(check('2024-01-31')).toBeNull();
      expect(check('2024-03-14')).toBeNull();
    });

    it('fails an earlier date with below_min and a later one with above_max, in dd/mm/yyyy', () => {
      expect(check('2023-12-14')).toEqual({
        code: 'below_min',
        message: 'Ngày 14/12/2023 sớm hơn ngày sớm nhất được phép 15/12/2023.',
      });
      expect(check('2024-03-15')).toEqual({
        code: 'above_max',
        message: 'Ngày 15/03/2024 muộn hơn ngày muộn nhất được phép 14/03/2024.',
      });
    });
  });

  describe('minLength and maxLength', () => {
    const check = createFieldCheck(field({ type: 'text', minLength: 3, maxLength: 5 }));

    it('accepts lengths within the bounds', () => {
      expect(check('abc')).toBeNull();
      expect(check('abcde')).toBeNull();
    });

    it('fails a short text with too_short', () => {
      expect(check('ab')).toEqual({ code: 'too_short', message: 'Giá trị có 2 ký tự, ít hơn mức tối thiểu 3 ký tự.' });
    });

    it('fails a long text with too_long', () => {
      expect(check('abcdef')).toEqual({ code: 'too_long', message: 'Giá trị có 6 ký tự, nhiều hơn mức tối đa 5 ký tự.' });
    });

    it('counts Vietnamese letters as one character each', () => {
      expect(check('Hưng')).toBeNull();
      expect(check('Nguyễn')).toEqual(expect.objectContaining({ code: 'too_long' }));
      expect(check('𠀀𠀀𠀀')).toBeNull();
    });
  });

  describe('pattern', () => {
    const taxCode = createFieldCheck(field({ type: 'text', pattern: '\\d{10}(-\\d{3})?' }));

    it('accepts a value matching the whole pattern', () => {
      expect(taxCode('0101234567')).toBeNull();
      expect(taxCode('0101234567-001')).toBeNull();
    });

    it('fails a partial match with pattern_mismatch', () => {
      expect(taxCode('0101234567-1')).toEqual({
        code: 'pattern_mismatch',
        message: 'Giá trị "0101234567-1" không đúng định dạng quy định của cột.',
      });
      expect(taxCode('MST 0101234567')?.code).toBe('pattern_mismatch');
    });

    it('anchors an alternation as a whole', () => {
      const check = createFieldCheck(field({ type: 'text', pattern: 'GP|XN' }));
      expect(check('GP')).toBeNull();
      expect(check('GPX')?.code).toBe('pattern_mismatch');
      expect(check('XGP')?.code).toBe('pattern_mismatch');
    });

    it('supports Unicode classes for Vietnamese text', () => {
      const check = createFieldCheck(field({ type: 'text', pattern: '[\\p{L} ]+' }));
      expect(check('Hà Nội')).toBeNull();
      expect(check('Hà Nội 2')?.code).toBe('pattern_mismatch');
    });

    it('compiles the pattern once, when the check is built', () => {
      const build = jest.spyOn(globalThis, 'RegExp');
      const check = createFieldCheck(field({ type: 'text', pattern: '\\d+' }));
      const builtWithCheck = build.mock.calls.length;
      for (let index = 0; index < 100; index++) check(String(index));
      expect(build.mock.calls.length).toBe(builtWithCheck);
      build.mockRestore();
    });
  });

  it('reports only the first failure of a value', () => {
    const check = createFieldCheck(field({ type: 'text', maxLength: 3, pattern: '\\d+' }));
    expect(check('abcdef')?.code).toBe('too_long');
  });
});

describe('compileFullMatchPattern', () => {
  it('keeps an author\'s own anchors working', () => {
    expect(compileFullMatchPattern('^\\d{2}$').test('01')).toBe(true);
  });

  it('throws on a pattern that is not a valid regular expression', () => {
    expect(() => compileFullMatchPattern('(\\d')).toThrow(SyntaxError);
  });
});
