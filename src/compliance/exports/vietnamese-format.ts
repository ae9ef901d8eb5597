const NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** 1.234,5 */
export function formatNumber(value: number): string {
  return NUMBER.format(value);
}
