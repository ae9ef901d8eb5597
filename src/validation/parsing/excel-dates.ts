/** Same rule as exceljs: a number format shows a date or time when it has date/time tokens outside quotes and brackets. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const stripped = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(stripped);
}

/** A number format shows a percentage when it has `%` outside quotes, brackets and escapes (`0.0%`, `#,##0.00 %`). */
export function isPercentFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /%/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, ''));
}

/** Excel serial day number → Date at UTC midnight (+ time fraction), as exceljs does. */
export function excelSerialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}
