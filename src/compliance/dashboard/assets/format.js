// Vietnamese formats: 1.234,5; dd/mm/yyyy; times in Asia/Ho_Chi_Minh.
const number = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const dateTime = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit',
});

export const STATUS_LABELS = {
  not_started: 'Chưa nộp',
  draft: 'Đang soạn',
  submitted: 'Chờ duyệt',
  returned: 'Bị trả lại',
  approved: 'Đã duyệt',
};

export const PERIOD_STATUS_LABELS = {
  upcoming: 'chưa đến kỳ',
  open: 'đang trong kỳ chốt số liệu',
  due: 'đang chờ đến hạn nộp',
  overdue: 'đã quá hạn nộp',
};

export const formatNumber = (value) => (value === null || value === undefined ? '–' : number.format(value));
export const formatPercent = (value) => (value === null || value === undefined ? '–' : `${number.format(value)}%`);
export const formatDate = (iso) => (iso ? iso.slice(0, 10).split('-').reverse().join('/') : '–');
export const formatDateTime = (instant) => (instant ? dateTime.format(new Date(instant)) : '–');
