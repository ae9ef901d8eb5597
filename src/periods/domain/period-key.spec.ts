import { periodOf } from './period';
import { parsePeriodKey, parsePeriodKeyFor, PeriodKeyError } from './period-key';
import { PERIOD_SHAPES, PERIOD_TYPES } from './period-type';

describe('period keys', () => {
  it('round-trips every period of 2024 through its key', () => {
    for (const type of PERIOD_TYPES) {
      for (let index = 1; index <= PERIOD_SHAPES[type].perYear; index += 1) {
        const period = periodOf(type, 2024, index);
        expect(parsePeriodKey(period.key)).toEqual(period);
      }
    }
  });

  it.each([
    ['2024-M03', 'monthly', 3],
    ['2024-Q1', 'quarterly', 1],
    ['2024-H2', 'half_yearly', 2],
    ['2024-9M', 'nine_monthly', 1],
    ['2024-Y', 'yearly', 1],
  ])('parses %s as %s #%i', (key, type, index) => {
    expect(parsePeriodKey(key)).toMatchObject({ key, type, year: 2024, index });
  });

  describe('rejects malformed keys with a clear message', () => {
    it.each([
      ['2024-M13', /tháng phải từ 1 đến 12 \(month must be 1-12\)/],
      ['2024-M00', /month must be 1-12/],
      ['2024-Q5', /quý phải từ 1 đến 4 \(quarter must be 1-4\)/],
      ['2024-Q0', /quarter must be 1-4/],
      ['2024-H3', /nửa năm phải từ 1 đến 2 \(half-year must be 1-2\)/],
      ['24-Q1', /invalid period key '24-Q1', expected YYYY-M01\.\.M12/],
      ['2024-M3', /invalid period key/],
      ['2024-q1', /invalid period key/],
      ['2024Q1', /invalid period key/],
      [' 2024-Q1', /invalid period key/],
      ['2024-Q1 ', /invalid period key/],
      ['2024-6M', /invalid period key/],
      ['2024-W01', /invalid period key/],
      ['', /invalid period key/],
      ['1899-Y', /year out of the supported range/],
    ])('%p', (key, message) => {
      expect(() => parsePeriodKey(key)).toThrow(PeriodKeyError);
      expect(() => parsePeriodKey(key)).toThrow(message);
    });

    it('rejects a value that is not a string', () => {
      expect(() => parsePeriodKey(2024)).toThrow('period key must be a string');
    });

    it('keeps the offending key on the error', () => {
      const error = captureError(() => parsePeriodKey('2024-Q5'));
      expect(error).toBeInstanceOf(PeriodKeyError);
      expect(error).toMatchObject({ key: '2024-Q5', name: 'PeriodKeyError' });
    });
  });

  describe('parsePeriodKeyFor', () => {
    it('accepts a key of the obligation’s period type', () => {
      expect(parsePeriodKeyFor('quarterly', '2024-Q1').label).toBe('Quý I/2024');
    });

    it('rejects a key of another type, naming both types and an example', () => {
      expect(() => parsePeriodKeyFor('monthly', '2024-Q1')).toThrow(
        "Kỳ '2024-Q1' là kỳ quý, nhưng báo cáo này theo kỳ tháng, ví dụ 2024-M03 " +
          '(expected a monthly period key such as 2024-M03, got a quarterly one)',
      );
      expect(() => parsePeriodKeyFor('yearly', '2024-H1')).toThrow(PeriodKeyError);
      expect(() => parsePeriodKeyFor('half_yearly', '2024-9M')).toThrow(/expected a half_yearly period key such as 2024-H1/);
    });

    it('still rejects malformed keys', () => {
      expect(() => parsePeriodKeyFor('quarterly', '2024-Q5')).toThrow(PeriodKeyError);
    });
  });
});

function captureError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
