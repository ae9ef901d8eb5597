// The validation report as a table (row, column, field, message, value), filterable and downloadable.
// Errors come first, then warnings, then what the reader noted about the file (information).
import { download as downloadFile, messageOf, saveBlob } from './api.js';
import { formatNumber } from './format.js';
import { html, useState } from './html.js';
import { Select, TableScroll, TextInput } from './ui.js';

const SEVERITY = { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' };
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };

/** The column as the officer sees it in the spreadsheet: "D — Số lượng lũy kế" (the label alone for JSON). */
function columnText(issue) {
  if (!issue.column) return issue.columnLetter ?? '';
  return issue.columnLetter ? `${issue.columnLetter} — ${issue.column}` : issue.column;
}

/** CSV text cells that a spreadsheet would run as a formula get an apostrophe first. */
function csvCell(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function reportCsv(issues, labelOf) {
  const lines = [['Dòng', 'Cột', 'Trường', 'Mức độ', 'Nội dung', 'Giá trị']];
  for (const issue of issues) {
    lines.push([issue.row ?? 'Cả tệp', columnText(issue), issue.field ? labelOf(issue.field) : '', SEVERITY[issue.severity], issue.message, issue.value ?? '']);
  }
  return `\uFEFF${lines.map((line) => line.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/**
 * The report of one check. `annotatedPath` is the marked-up workbook of a stored version;
 * `fileName` names the downloaded report.
 */
export function ValidationReport({ report, fields, heading, annotatedPath, fileName, idPrefix = 'bao-cao' }) {
  const [severity, setSeverity] = useState('all');
  const [text, setText] = useState('');
  const [annotatedError, setAnnotatedError] = useState(null);
  const labelOf = (key) => fields.find((field) => field.key === key)?.label ?? key;
  const needle = text.trim().toLocaleLowerCase('vi');
  const shown = report.issues
    .filter(
      (issue) =>
        (severity === 'all' || issue.severity === severity) &&
        (!needle || [issue.message, columnText(issue), issue.value, issue.row, issue.field && labelOf(issue.field)].some((part) => String(part ?? '').toLocaleLowerCase('vi').includes(needle))),
    )
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const notes = report.infoCount ?? report.issues.filter((issue) => issue.severity === 'info').length;
  const download = () => saveBlob(new Blob([reportCsv(shown, labelOf)], { type: 'text/csv;charset=utf-8' }), `${fileName}.csv`);
  const headline = report.valid
    ? report.warningCount > 0
      ? `Tệp hợp lệ, có ${formatNumber(report.warningCount)} cảnh báo cần giải trình khi nộp.`
      : 'Tệp hợp lệ: không có lỗi nào.'
    : `Có ${formatNumber(report.errorCount)} lỗi cần sửa${report.warningCount > 0 ? ` và ${formatNumber(report.warningCount)} cảnh báo` : ''}.`;
  return html`
    <section class="report" aria-labelledby=${`${idPrefix}-title`} data-valid=${String(report.valid)}>
      <h3 id=${`${idPrefix}-title`}>${heading}</h3>
      <p class=${report.valid ? 'report__headline report__headline--ok' : 'report__headline report__headline--bad'}>${headline}</p>
      <p class="muted">
        Đã đọc ${formatNumber(report.rowsRead)} dòng dữ liệu; ${formatNumber(report.rowsValid)} dòng không có lỗi.${notes > 0 ? ` Có ${formatNumber(notes)} thông tin về cách đọc tệp, không cần sửa.` : ''}${report.truncated ? ' Danh sách chỉ giữ những lỗi đầu tiên; hãy sửa rồi kiểm tra lại để xem tiếp.' : ''}
      </p>
      ${report.issues.length > 0 &&
      html`
        <div class="filters">
          <${Select}
            id=${`${idPrefix}-severity`}
            label="Hiển thị"
            value=${severity}
            onChange=${setSeverity}
            options=${[['all', 'Tất cả'], ['error', 'Chỉ lỗi'], ['warning', 'Chỉ cảnh báo'], ['info', 'Chỉ thông tin']]}
          />
          <${TextInput} id=${`${idPrefix}-search`} label="Tìm trong danh sách" hint="Ví dụ: số dòng, tên cột hoặc một từ trong nội dung" value=${text} onInput=${setText} />
        </div>
        <div class="actions">
          <button type="button" class="button button--secondary" onClick=${download}>Tải danh sách lỗi (CSV)</button>
          ${annotatedPath &&
          html`<button
            type="button"
            class="button button--secondary"
            data-testid="annotated-link"
            onClick=${() => {
              setAnnotatedError(null);
              downloadFile(annotatedPath).catch((error) => setAnnotatedError(messageOf(error)));
            }}
          >
            Tải tệp của bạn đã đánh dấu lỗi (Excel)
          </button>`}
        </div>
        ${annotatedError && html`<p class="field__error" role="alert">${annotatedError}</p>`}
        ${annotatedPath && html`<p class="muted">Trong tệp tải về, mỗi ô có lỗi được tô màu và ghi chú nội dung lỗi; sửa ngay trong tệp đó rồi tải lên lại.</p>`}
        <p class="muted" role="status">Đang hiện ${formatNumber(shown.length)}/${formatNumber(report.issues.length)} mục.</p>
        <${TableScroll} label="Danh sách lỗi và cảnh báo">
          <table class="table table--wide" data-testid="issues">
            <caption class="visually-hidden">Lỗi và cảnh báo của tệp</caption>
            <thead>
              <tr><th scope="col">Dòng</th><th scope="col">Cột</th><th scope="col">Trường</th><th scope="col">Mức độ</th><th scope="col">Nội dung</th><th scope="col">Giá trị</th></tr>
            </thead>
            <tbody>
              ${shown.map(
                (issue) => html`<tr class=${`issue issue--${issue.severity}`}>
                  <td class="num">${issue.row ?? 'Cả tệp'}</td>
                  <td>${columnText(issue) || '–'}</td>
                  <td>${issue.field ? labelOf(issue.field) : '–'}</td>
                  <td>${SEVERITY[issue.severity]}</td>
                  <td>${issue.message}</td>
                  <td><code>${issue.value ?? ''}</code></td>
                </tr>`,
              )}
            </tbody>
          </table>
        </${TableScroll}>
      `}
    </section>
  `;
}
