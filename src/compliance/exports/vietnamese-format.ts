const NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** 1.234,5 */
export function formatNumber(value: number): string {
  return NUMBER.format(value);
}

/** 2025-02-04 -> 04/02/2025 */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}
