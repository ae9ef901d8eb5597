const NUMBER_FORMAT = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 20, useGrouping: true });

/** `1234567.5` → `1.234.567,5`, the way officers write numbers. */
export function formatVietnameseNumber(value: number): string {
  return NUMBER_FORMAT.format(value);
}

/** `2024-03-14` → `14/03/2024`. */
export function formatVietnameseDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}
