// Fills the page from API answers.
import { barChart, STATUS_COLORS, trendChart } from './charts.js';
import { formatDate, formatDateTime, formatNumber, formatPercent, PERIOD_STATUS_LABELS, STATUS_LABELS } from './format.js';

const $ = (selector) => document.querySelector(selector);

function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function statusCell(status) {
  const td = document.createElement('td');
  const badge = document.createElement('span');
  badge.className = `status status-${status}`;
  badge.textContent = STATUS_LABELS[status] ?? status;
  td.append(badge);
  return td;
}

export function renderCompletion(completion) {
  $('#period-title').textContent = `${completion.period.label} — tỷ lệ hoàn thành`;
  $('#headline').textContent = completion.headline;
  $('#headline-caption').textContent = completion.obligation.compliesWhen === 'approved' ? 'đơn vị có báo cáo đã được duyệt' : 'đơn vị đã gửi báo cáo';
  $('#percent').textContent = formatPercent(completion.completionPercent);
  $('#due-date').textContent = formatDate(completion.period.dueDate);
  $('#period-status').textContent = PERIOD_STATUS_LABELS[completion.period.status] ?? '';
  $('#stat-on-time').textContent = formatNumber(completion.onTime);
  $('#stat-late').textContent = formatNumber(completion.late);
  $('#stat-overdue').textContent = formatNumber(completion.overdue);
  $('#stat-expected').textContent = formatNumber(completion.expected);

  const counts = completion.counts;
  barChart(
    $('#status-chart'),
    [
      { key: 'approved', label: STATUS_LABELS.approved, value: counts.approved, color: STATUS_COLORS.approved },
      { key: 'submitted', label: STATUS_LABELS.submitted, value: counts.submitted, color: STATUS_COLORS.submitted },
      { key: 'returned', label: STATUS_LABELS.returned, value: counts.returned, color: STATUS_COLORS.returned },
      { key: 'draft', label: STATUS_LABELS.draft, value: counts.draft, color: STATUS_COLORS.draft },
      { key: 'not_started', label: STATUS_LABELS.not_started, value: counts.notStarted, color: STATUS_COLORS.not_started },
    ],
    completion.expected,
  );

  $('#owing-count').textContent = String(completion.owingTotal);
  $('#owing-empty').hidden = completion.owingTotal > 0;
  $('#owing-more').hidden = completion.owing.length === completion.owingTotal;
  $('#owing-more').textContent = `Hiển thị ${completion.owing.length}/${completion.owingTotal} đơn vị đầu tiên theo mã; danh sách đầy đủ ở bảng bên dưới và trong tệp tải về.`;
  $('#owing tbody').replaceChildren(
    ...completion.owing.map((unit) => {
      const tr = document.createElement('tr');
      tr.dataset.unit = unit.unitCode;
      if (unit.daysOverdue) tr.className = 'overdue';
      tr.append(cell(unit.unitCode), cell(unit.unitName), statusCell(unit.status), cell(unit.daysOverdue === null ? '–' : String(unit.daysOverdue), 'num'));
      return tr;
    }),
  );
}

export function renderTrend(trend, selectedKey) {
  trendChart(
    $('#trend-chart'),
    trend.items.map((item) => ({ key: item.period.key, label: item.period.label, percent: item.completionPercent, headline: item.headline, selected: item.period.key === selectedKey })),
  );
}

export function renderUnits(table) {
  $('#units tbody').replaceChildren(
    ...table.items.map((unit) => {
      const tr = document.createElement('tr');
      tr.dataset.unit = unit.unitCode;
      if (unit.daysOverdue) tr.className = 'overdue';
      tr.append(
        cell(unit.unitCode),
        cell(unit.unitName),
        statusCell(unit.status),
        cell(formatDate(unit.dueDate)),
        cell(formatDateTime(unit.firstSubmittedAt)),
        cell(unit.onTime === null ? '–' : unit.onTime ? 'Có' : 'Không'),
        cell(unit.daysLate === null ? '–' : String(unit.daysLate), 'num'),
        cell(unit.daysOverdue === null ? '–' : String(unit.daysOverdue), 'num'),
      );
      return tr;
    }),
  );
}
