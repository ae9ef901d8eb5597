import { isTracked } from './tracking';

describe('tracked periods', () => {
  it('tracks a period due on or after the day the obligation is tracked from', () => {
    const obligation = { trackedFrom: '2026-12-07' };
    expect(isTracked(obligation, '2026-12-21')).toBe(true);
    expect(isTracked(obligation, '2026-12-07')).toBe(true);
    expect(isTracked(obligation, '2026-12-06')).toBe(false);
    expect(isTracked(obligation, '2023-03-21')).toBe(false);
  });
});
