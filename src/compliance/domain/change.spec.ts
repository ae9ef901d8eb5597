import { changeBetween, roundTo } from './change';

describe('change between periods', () => {
  it('gives the absolute and percent change', () => {
    expect(changeBetween(505, 343.5)).toEqual({ change: 161.5, changePercent: 47.02 });
    expect(changeBetween(11250, 8750)).toEqual({ change: 2500, changePercent: 28.57 });
  });

  it('is negative for a fall', () => {
    expect(changeBetween(80, 100)).toEqual({ change: -20, changePercent: -20 });
  });

  it('measures the percent against the magnitude of a negative earlier value', () => {
    expect(changeBetween(-50, -100)).toEqual({ change: 50, changePercent: 50 });
  });

  it('has no percent against zero and nothing at all when a side is missing', () => {
    expect(changeBetween(5, 0)).toEqual({ change: 5, changePercent: null });
    expect(changeBetween(5, null)).toEqual({ change: null, changePercent: null });
    expect(changeBetween(null, 5)).toEqual({ change: null, changePercent: null });
  });

  it('removes floating-point noise', () => {
    expect(changeBetween(0.3, 0.1).change).toBe(0.2);
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-1.005, 2)).toBe(-1.01);
  });
});
