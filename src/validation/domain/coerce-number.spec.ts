import { coerceValue } from './coerce-value';
import { field } from './testing/report-schema.fixtures';

const rate = field({ type: 'decimal', unit: '%', min: 0, max: 100 });
const ratio = field({ type: 'decimal' });
const count = field({ type: 'integer', unit: '%' });

describe('numbers in a percentage field (unit %)', () => {
  it('reads a percent-formatted cell as the percentage the officer typed', () => {
    expect(coerceValue(0.125, rate, { percentFormatted: true })).toEqual({ ok: true, value: 12.5 });
    expect(coerceValue(0.07, rate, { percentFormatted: true })).toEqual({ ok: true, value: 7 });
    expect(coerceValue(1, count, { percentFormatted: true })).toEqual({ ok: true, value: 100 });
  });

  it('reads percentage text as the number before the sign', () => {
    expect(coerceValue('12,5%', rate)).toEqual({ ok: true, value: 12.5 });
    expect(coerceValue('12.50%', rate)).toEqual({ ok: true, value: 12.5 });
  });

  it('warns about a plain fraction, which is most likely the rate written as a fraction', () => {
    expect(coerceValue(0.125, rate)).toEqual({
      ok: true,
      value: 0.125,
      warning: {
        code: 'percent_as_fraction',
        message:
          'Giá trị 0,125 nhỏ hơn 1 trong cột tính theo %: cột này nhận số phần trăm từ 0 đến 100. ' +
          'Nếu tỷ lệ là 12,5%, hãy ghi 12,5; nếu đúng là 0,125%, có thể giữ nguyên.',
      },
    });
    expect(coerceValue('0,5', rate)).toEqual(expect.objectContaining({ ok: true, value: 0.5, warning: expect.objectContaining({ code: 'percent_as_fraction' }) }));
    expect(coerceValue(0, rate)).toEqual({ ok: true, value: 0 });
    expect(coerceValue(12.5, rate)).toEqual({ ok: true, value: 12.5 });
  });
});

describe('percentages elsewhere', () => {
  it('keeps a percent-formatted cell as the fraction it holds, and reads percentage text as that fraction', () => {
    expect(coerceValue(0.125, ratio, { percentFormatted: true })).toEqual({ ok: true, value: 0.125 });
    expect(coerceValue('12,5%', ratio)).toEqual({ ok: true, value: 0.125 });
    expect(coerceValue(0.125, ratio)).toEqual({ ok: true, value: 0.125 });
  });
});
