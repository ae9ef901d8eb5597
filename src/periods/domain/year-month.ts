export interface YearMonth {
  year: number;
  month: number;
}

/** The month `offset` months after (or before, when negative) the given one. */
export function shiftMonth({ year, month }: YearMonth, offset: number): YearMonth {
  const index = year * 12 + (month - 1) + offset;
  return { year: Math.floor(index / 12), month: (index % 12 + 12) % 12 + 1 };
}
