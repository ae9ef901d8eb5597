export const PERIOD_TYPES = ['monthly', 'quarterly', 'half_yearly', 'nine_monthly', 'yearly'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

export function isPeriodType(value: unknown): value is PeriodType {
  return (PERIOD_TYPES as readonly unknown[]).includes(value);
}

/** How many periods of the type a year has, and the months each covers. */
export const PERIOD_SHAPES: Readonly<Record<PeriodType, { perYear: number; months: number }>> = {
  monthly: { perYear: 12, months: 1 },
  quarterly: { perYear: 4, months: 3 },
  half_yearly: { perYear: 2, months: 6 },
  // Months 1-9 only: October to December belong to no nine-month period.
  nine_monthly: { perYear: 1, months: 9 },
  yearly: { perYear: 1, months: 12 },
};

/** Vietnamese name of the period type, as in "báo cáo quý". */
export const PERIOD_TYPE_NAMES: Readonly<Record<PeriodType, string>> = {
  monthly: 'tháng',
  quarterly: 'quý',
  half_yearly: '6 tháng',
  nine_monthly: '9 tháng',
  yearly: 'năm',
};
