/** Years a report date may carry: Excel cannot hold earlier dates, so an earlier year is a typo. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 9999;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The ISO `yyyy-mm-dd` string for a calendar date, or null when no such date exists. */
export function toIsoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  return match !== null && toIsoDate(Number(match[1]), Number(match[2]), Number(match[3])) !== null;
}

/** The UTC calendar date of a JS Date (ExcelJS gives date cells as UTC midnight). */
export function utcIsoDate(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  return toIsoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * Excel's 1900 date system: serial 1 is 1900-01-01 and serial 60 is the non-existent
 * 1900-02-29 that Excel keeps for Lotus 1-2-3 compatibility. A fractional part is a time of day.
 */
export function excelSerialToIsoDate(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial);
  if (day < 1 || day === 60) return null;
  const daysSince18991231 = day < 60 ? day : day - 1;
  return utcIsoDate(new Date(Date.UTC(1899, 11, 31) + daysSince18991231 * MS_PER_DAY));
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/** An ISO date moved by whole days (negative: earlier). */
export function addDays(isoDate: string, days: number): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day) + days * MS_PER_DAY).toISOString().slice(0, 10);
}
