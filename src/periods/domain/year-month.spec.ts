import { shiftMonth } from './year-month';

describe('shiftMonth', () => {
  it.each([
    [{ year: 2024, month: 3 }, 1, { year: 2024, month: 4 }],
    [{ year: 2024, month: 12 }, 1, { year: 2025, month: 1 }],
    [{ year: 2024, month: 1 }, -1, { year: 2023, month: 12 }],
    [{ year: 2024, month: 12 }, -11, { year: 2024, month: 1 }],
    [{ year: 2024, month: 12 }, 3, { year: 2025, month: 3 }],
    [{ year: 2024, month: 6 }, 24, { year: 2026, month: 6 }],
    [{ year: 2024, month: 6 }, 0, { year: 2024, month: 6 }],
  ])('moves %o by %i months to %o', (from, offset, expected) => {
    expect(shiftMonth(from, offset)).toEqual(expected);
  });
});
