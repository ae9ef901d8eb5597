/** A value against an earlier one: absolute and percent change. */
export interface Change {
  change: number | null;
  /** Percent of the earlier value (two decimals); null when there is none or it is 0. */
  changePercent: number | null;
}

/** current - previous, and the same in percent of |previous|; nulls when either side is missing. */
export function changeBetween(current: number | null, previous: number | null): Change {
  if (current === null || previous === null) return { change: null, changePercent: null };
  return {
    change: roundTo(current - previous, 6),
    changePercent: previous === 0 ? null : roundTo(((current - previous) / Math.abs(previous)) * 100, 2),
  };
}

/** Rounds half away from zero to `digits` decimals, without binary noise (0.1 + 0.2 -> 0.3). */
export function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  // toPrecision(15) drops the binary error of the multiplication (1.005 * 100 = 100.49999999999999).
  return (Math.sign(value) * Math.round(Number((Math.abs(value) * factor).toPrecision(15)))) / factor;
}
