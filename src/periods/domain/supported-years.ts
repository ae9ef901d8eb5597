/**
 * Years the domain accepts. The lunar calendar's astronomical formulas are published and checked
 * for this range; periods and holidays share it so every period has a holiday calendar.
 */
export const MIN_SUPPORTED_YEAR = 1900;
export const MAX_SUPPORTED_YEAR = 2199;

export function isSupportedYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_SUPPORTED_YEAR && year <= MAX_SUPPORTED_YEAR;
}

export function assertSupportedYear(year: number): void {
  if (!isSupportedYear(year)) {
    throw new RangeError(
      `Year ${year} is outside the supported range ${MIN_SUPPORTED_YEAR}-${MAX_SUPPORTED_YEAR}`,
    );
  }
}
