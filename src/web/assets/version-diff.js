// Differences between two versions of a submission, row by row and field by field.
import { getJson } from './api.js';
import { diffRowName, formatFieldValue } from './format.js';
import { html, useState } from './html.js';
import { ErrorMessage, Select, TableScroll } from './ui.js';

const KIND = { added: 'Thêm', removed: 'Bớt', changed: 'Sửa' };

export function VersionDiff({ base, versions, fields, initialFrom, initialTo }) {
  const numbers = versions.map((version) => version.number);
  const [from, setFrom] = useState(String(initialFrom ?? numbers[numbers.length - 2]));
  const [to, setTo] = useState(String(initialTo ?? numbers[numbers.length - 1]));
  const [diff, setDiff] = useState(null);
  const [failure, setFailure] = useState(null);
  const fieldOf = (key) => fields.find((field) => field.key === key);
  const labelOf = (key) => fieldOf(key)?.label ?? key;
  const options = numbers.map((n) => [String(n), `Phiên bản ${n}`]);
  const compare = async (event) => {
    event.preventDefault();
    setFailure(null);
    try {
      setDiff(await getJson(`${base}/diff?from=${from}&to=${to}`));
    } catch (error) {
      setFailure(error);
    }
  };
  return html`<form class="diff" onSubmit=${compare}>
    <h3>So sánh hai phiên bản</h3>
    <div class="filters">
      <${Select} id="so-sanh-tu" label="Từ" value=${from} onChange=${setFrom} options=${options} />
      <${Select} id="so-sanh-den" label="Đến" value=${to} onChange=${setTo} options=${options} />
    </div>
    <button type="submit" class="button button--secondary">So sánh</button>
    <${ErrorMessage} error=${failure} />
    ${diff &&
    html`<div data-testid="diff">
      <p role="status">
        Phiên bản ${diff.from} → ${diff.to}: ${diff.summary.added} dòng thêm, ${diff.summary.changed} dòng sửa, ${diff.summary.removed} dòng bớt, ${diff.summary.unchanged} dòng giữ nguyên.
      </p>
      ${diff.differences.length > 0 &&
      html`<${TableScroll} label="Chi tiết thay đổi">
        <table class="table">
          <caption class="visually-hidden">Chi tiết thay đổi giữa hai phiên bản</caption>
          <thead><tr><th scope="col">Thay đổi</th><th scope="col">Dòng</th><th scope="col">Chi tiết</th></tr></thead>
          <tbody>
            ${diff.differences.map(
              (difference) => html`<tr>
                <td>${KIND[difference.kind] ?? difference.kind}</td>
                <td>${diffRowName(difference)}</td>
                <td>
                  ${(difference.changes ?? []).length > 0
                    ? html`<ul class="plain">${difference.changes.map((change) => html`<li>${labelOf(change.field)}: ${formatFieldValue(fieldOf(change.field), change.from)} → ${formatFieldValue(fieldOf(change.field), change.to)}</li>`)}</ul>`
                    : '–'}
                </td>
              </tr>`,
            )}
          </tbody>
        </table>
      </${TableScroll}>`}
    </div>`}
  </form>`;
}
