import { Period, periodOf } from './period';
import { PERIOD_TYPE_NAMES, PeriodType } from './period-type';
import { isSupportedYear, MAX_SUPPORTED_YEAR, MIN_SUPPORTED_YEAR } from './supported-years';

export class PeriodKeyError extends Error {
  constructor(
    readonly key: unknown,
    message: string,
  ) {
    super(message);
    this.name = 'PeriodKeyError';
  }
}

export const EXAMPLE_PERIOD_KEYS: Readonly<Record<PeriodType, string>> = {
  monthly: '2024-M03',
  quarterly: '2024-Q1',
  half_yearly: '2024-H1',
  nine_monthly: '2024-9M',
  yearly: '2024-Y',
};

const KEY_SHAPE = /^(\d{4})-(M\d{2}|Q\d|H\d|9M|Y)$/;
const EXPECTED_SHAPES = 'YYYY-M01..M12, YYYY-Q1..Q4, YYYY-H1, YYYY-H2, YYYY-9M, YYYY-Y';

/** Parses a period key strictly (no lower case, no spaces, two-digit months, four-digit years). */
export function parsePeriodKey(key: unknown): Period {
  if (typeof key !== 'string') {
    throw new PeriodKeyError(key, 'Mã kỳ báo cáo phải là chuỗi (period key must be a string)');
  }
  const match = KEY_SHAPE.exec(key);
  if (!match) {
    throw new PeriodKeyError(
      key,
      `Mã kỳ báo cáo '${key}' không hợp lệ, cần dạng ${EXPECTED_SHAPES} ` +
        `(invalid period key '${key}', expected ${EXPECTED_SHAPES})`,
    );
  }
  const year = Number(match[1]);
  if (!isSupportedYear(year)) {
    throw new PeriodKeyError(
      key,
      `Năm ${year} của kỳ '${key}' nằm ngoài ${MIN_SUPPORTED_YEAR}-${MAX_SUPPORTED_YEAR} ` +
        '(year out of the supported range)',
    );
  }
  const [type, index] = typeAndIndex(key, match[2]);
  return periodOf(type, year, index);
}

/** Parses a key and checks it is of the period type the obligation reports by. */
export function parsePeriodKeyFor(type: PeriodType, key: unknown): Period {
  const period = parsePeriodKey(key);
  if (period.type !== type) {
    const example = EXAMPLE_PERIOD_KEYS[type];
    throw new PeriodKeyError(
      key,
      `Kỳ '${period.key}' là kỳ ${PERIOD_TYPE_NAMES[period.type]}, ` +
        `nhưng báo cáo này theo kỳ ${PERIOD_TYPE_NAMES[type]}, ví dụ ${example} ` +
        `(expected a ${type} period key such as ${example}, got a ${period.type} one)`,
    );
  }
  return period;
}

function typeAndIndex(key: string, suffix: string): [PeriodType, number] {
  if (suffix === '9M') return ['nine_monthly', 1];
  if (suffix === 'Y') return ['yearly', 1];
  const index = Number(suffix.slice(1));
  const [type, max, what] = SUFFIXES[suffix[0] as 'M' | 'Q' | 'H'];
  if (index < 1 || index > max) {
    throw new PeriodKeyError(
      key,
      `Kỳ '${key}' không hợp lệ: ${what.vi} phải từ 1 đến ${max} (${what.en} must be 1-${max})`,
    );
  }
  return [type, index];
}

const SUFFIXES: Record<'M' | 'Q' | 'H', [PeriodType, number, { vi: string; en: string }]> = {
  M: ['monthly', 12, { vi: 'tháng', en: 'month' }],
  Q: ['quarterly', 4, { vi: 'quý', en: 'quarter' }],
  H: ['half_yearly', 2, { vi: 'nửa năm', en: 'half-year' }],
};
