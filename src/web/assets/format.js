// Numbers, dates and words as Vietnamese officers write them: 1.234.567,5; dd/mm/yyyy; Vietnam time.
const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 6 });
const percentFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const dateTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

export const formatNumber = (value) => (value === null || value === undefined || value === '' ? '–' : numberFormat.format(Number(value)));
export const formatPercent = (value) => (value === null || value === undefined ? '–' : `${percentFormat.format(value)}%`);
export const formatSignedPercent = (value) => (value === null || value === undefined ? '–' : `${value > 0 ? '+' : ''}${percentFormat.format(value)}%`);
export const formatSigned = (value) => (value === null || value === undefined ? '–' : `${value > 0 ? '+' : ''}${numberFormat.format(value)}`);

/** 2024-12-20 (or an instant) → 20/12/2024. */
export function formatDate(value) {
  if (!value) return '–';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value.split('-').reverse().join('/');
  const [date] = formatDateTime(value).split(' ').slice(-1);
  return date;
}

/** An instant → "14:05 20/12/2024" in Vietnam time. */
export function formatDateTime(instant) {
  if (!instant) return '–';
  const parts = Object.fromEntries(dateTimeParts.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  return `${parts.hour}:${parts.minute} ${parts.day}/${parts.month}/${parts.year}`;
}

/** Today in Vietnam as yyyy-mm-dd. */
export function todayInVietnam() {
  const parts = Object.fromEntries(dateTimeParts.formatToParts(new Date()).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** dd/mm/yyyy → yyyy-mm-dd, or null when it is not a real date. */
export function parseVietnameseDate(text) {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text ?? '');
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'];

/** A period key as people name it (the server's labels): 2024-Q1 → Quý I/2024, 2025-Y → Năm 2025, 2026-M03 → Tháng 3/2026. */
export function periodLabel(key) {
  const match = /^(\d{4})-(Q([1-4])|M(\d{2})|H([12])|9M|Y)$/.exec(key ?? '');
  if (!match) return key ?? '–';
  const [, year, , quarter, month, half] = match;
  if (quarter) return `Quý ${ROMAN_QUARTERS[Number(quarter) - 1]}/${year}`;
  if (month) return `Tháng ${Number(month)}/${year}`;
  if (half) return `6 tháng ${half === '1' ? 'đầu' : 'cuối'} năm ${year}`;
  if (match[2] === '9M') return `9 tháng năm ${year}`;
  return `Năm ${year}`;
}

/** A stored value of a report field as people read it: 1.234,5; dd/mm/yyyy; Có/Không; "(trống)" when empty. */
export function formatFieldValue(field, value) {
  if (value === null || value === undefined || value === '') return '(trống)';
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (typeof value === 'number' || field?.type === 'integer' || field?.type === 'decimal') return formatNumber(value);
  if (field?.type === 'date' || /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  return String(value);
}

/** Which row a difference between two versions is about: its key values, or "dòng 5" (its row in the file) when the schema has no key (#1, #2…). */
export function diffRowName(difference) {
  return /^#\d+$/.test(difference.key) || !difference.key ? `dòng ${difference.toRow ?? difference.fromRow}` : difference.key;
}

export function formatBytes(bytes) {
  if (bytes < 1024) return `${formatNumber(bytes)} byte`;
  if (bytes < 1024 * 1024) return `${percentFormat.format(bytes / 1024)} KB`;
  return `${percentFormat.format(bytes / 1024 / 1024)} MB`;
}

export const STATUS_LABELS = {
  not_started: 'Chưa nộp',
  draft: 'Đang soạn',
  submitted: 'Chờ duyệt',
  returned: 'Bị trả lại',
  approved: 'Đã duyệt',
};

export const ROLE_LABELS = {
  province_officer: 'Cán bộ tỉnh',
  ministry_reviewer: 'Chuyên viên thẩm định',
  compliance_officer: 'Cán bộ theo dõi',
  admin: 'Quản trị viên',
};

export const PERIOD_STATUS_LABELS = {
  upcoming: 'chưa đến kỳ',
  open: 'đang trong kỳ chốt số liệu',
  due: 'đang chờ đến hạn nộp',
  overdue: 'đã quá hạn nộp',
};

export const DECISION_LABELS = { approve: 'Phê duyệt', return: 'Trả lại', reopen: 'Mở lại' };

/** "còn 5 ngày", "hạn hôm nay", "quá hạn 3 ngày". */
export function daysLeftText(daysUntilDue) {
  if (daysUntilDue > 0) return `còn ${daysUntilDue} ngày`;
  if (daysUntilDue === 0) return 'hạn nộp là hôm nay';
  return `quá hạn ${-daysUntilDue} ngày`;
}
