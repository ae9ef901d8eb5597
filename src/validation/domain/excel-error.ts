/**
 * ExcelJS reports a formula whose cached result is an error as `{ error: '#DIV/0!' }`;
 * returns that error text, or null for any other value.
 */
export function excelErrorText(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || raw instanceof Date || !('error' in raw)) return null;
  return typeof raw.error === 'string' ? raw.error : null;
}
