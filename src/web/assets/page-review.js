// A reviewer's page for one submission: summary, changes against earlier periods with flags, rows,
// diff against the previous version, and the decision (approve, or return with remarks per field).
import { ApiError, getJson, messageOf, postJson } from './api.js';
import { DECISION_LABELS, diffRowName, formatDate, formatDateTime, formatFieldValue, formatNumber, formatSigned, formatSignedPercent, periodLabel } from './format.js';
import { html, useState } from './html.js';
import { ErrorSummary, Loaded, Notice, Pager, SummaryList, TableScroll, Tag, TextArea, useLoad, useTitle } from './ui.js';
import { ValidationReport } from './validation-report.js';
import { VersionDiff } from './version-diff.js';

const enc = encodeURIComponent;
const ROWS_PER_PAGE = 50;

async function loadReview(submissionId) {
  const view = await getJson(`/api/v1/submissions/${enc(submissionId)}/review`);
  const s = view.submission;
  const base = `/api/v1/obligations/${enc(s.obligationCode)}/periods/${enc(s.periodKey)}/units/${enc(s.unitId)}/submission`;
  const [schema, versions, obligation] = await Promise.all([
    view.version ? getJson(`/api/v1/obligations/${enc(s.obligationCode)}/schemas/${view.version.schemaVersion}`) : null,
    view.version ? getJson(`${base}/versions`) : { items: [] },
    getJson(`/api/v1/obligations/${enc(s.obligationCode)}`),
  ]);
  const [previousPeriod, samePeriodLastYear] = await Promise.all([view.previousPeriod, view.samePeriodLastYear].map((comparison) => withPredecessorNames(s.obligationCode, comparison)));
  return { ...view, previousPeriod, samePeriodLastYear, base, fields: schema?.definition.fields ?? [], versions: versions.items, obligation };
}

/**
 * A unit created by a merger is compared with its predecessors, given by code; codes are reused after a
 * reorganisation (24 was Bắc Giang, is now Bắc Ninh), so they are named as they were in that period.
 */
async function withPredecessorNames(obligationCode, comparison) {
  if (!comparison.predecessors?.length) return comparison;
  const schedule = await getJson(`/api/v1/obligations/${enc(obligationCode)}/periods?from=${enc(comparison.periodKey)}&to=${enc(comparison.periodKey)}`);
  const units = await getJson(`/api/v1/units?activeOn=${schedule.items[0].end}`);
  const nameOf = (code) => units.items.find((unit) => unit.code === code)?.name;
  return { ...comparison, predecessorNames: comparison.predecessors.map((code) => (nameOf(code) ? `${nameOf(code)} (mã ${code})` : `mã ${code}`)) };
}

export function ReviewPage({ session, submissionId }) {
  const state = useLoad(() => loadReview(submissionId), [submissionId]);
  useTitle(state.data ? `Thẩm định: ${state.data.submission.unitName}, ${state.data.submission.schedule.label}` : 'Thẩm định báo cáo');
  const canDecide = ['ministry_reviewer', 'admin'].includes(session.user.role);
  return html`<${Loaded} state=${state}>
    ${(data) => html`
      <p class="caption"><a href="/tham-dinh">← Danh sách thẩm định</a></p>
      <h1>${data.submission.unitName}: ${data.obligation.title}, ${data.submission.schedule.label}</h1>
      <${Summary} data=${data} />
      <${Comparison} title="So với kỳ trước" comparison=${data.previousPeriod} threshold=${data.thresholdPercent} id="ky-truoc" />
      <${Comparison} title="So với cùng kỳ năm trước" comparison=${data.samePeriodLastYear} threshold=${data.thresholdPercent} id="cung-ky" />
      ${data.changesSinceLastReview && html`<${SinceReturn} change=${data.changesSinceLastReview} fields=${data.fields} />`}
      ${data.version && html`<${Rows} data=${data} />`}
      ${data.versions.length > 1 &&
      html`<section aria-labelledby="so-sanh-title"><h2 id="so-sanh-title">Thay đổi so với phiên bản trước</h2>
        <${VersionDiff} base=${data.base} versions=${data.versions} fields=${data.fields} initialTo=${data.version.number} initialFrom=${data.versions.filter((v) => v.number < data.version.number).at(-1)?.number ?? data.version.number} />
      </section>`}
      <${History} reviews=${data.reviews} fields=${data.fields} />
      ${canDecide && data.submission.status === 'submitted' && html`<${Decision} data=${data} />`}
    `}
  </${Loaded}>`;
}

function Summary({ data }) {
  const { submission, version, justification } = data;
  const warnings = version ? version.report.issues.map((issue, index) => ({ issue, index })).filter(({ issue }) => issue.severity === 'warning') : [];
  const justified = (index) => justification?.perWarning.find((item) => item.issue === index)?.text ?? justification?.general ?? '–';
  return html`<section aria-labelledby="tom-tat-title">
    <h2 id="tom-tat-title">Tóm tắt</h2>
    <${SummaryList}
      rows=${[
        ['Trạng thái', html`<span data-testid="status"><${Tag} status=${submission.status} /></span>`],
        ['Đơn vị', `${submission.unitName} (mã ${submission.unitCode})`],
        ['Kỳ báo cáo', `${submission.schedule.label}, hạn nộp ${formatDate(submission.schedule.dueDate)}`],
        ['Nộp lúc', `${formatDateTime(submission.submittedAt)}${submission.onTime === null ? '' : submission.onTime ? ' (đúng hạn)' : ` (trễ ${submission.daysLate} ngày)`}`],
        version && ['Phiên bản', `${version.number}: ${version.originalName}, ${formatNumber(version.rowsRead)} dòng`],
        version && ['Cảnh báo', warnings.length === 0 ? 'Không có' : `${warnings.length} cảnh báo, đơn vị đã giải trình`],
      ]}
    />
    ${warnings.length > 0 &&
    html`<${TableScroll} label="Cảnh báo và giải trình">
      <table class="table">
        <caption>Cảnh báo và giải trình của đơn vị</caption>
        <thead><tr><th scope="col">Dòng</th><th scope="col">Cảnh báo</th><th scope="col">Giải trình</th></tr></thead>
        <tbody>${warnings.map(({ issue, index }) => html`<tr><td class="num">${issue.row ?? '–'}</td><td>${issue.message}</td><td>${justified(index)}</td></tr>`)}</tbody>
      </table>
    </${TableScroll}>`}
    ${version && !version.valid && html`<${ValidationReport} report=${version.report} fields=${data.fields} heading="Lỗi của phiên bản" fileName="loi" />`}
  </section>`;
}

function Comparison({ title, comparison, threshold, id }) {
  const flagged = comparison.changes.filter((change) => change.flagged).length;
  return html`<section aria-labelledby=${`${id}-title`} data-testid=${`comparison-${id}`}>
    <h2 id=${`${id}-title`}>${title} (${periodLabel(comparison.periodKey)})</h2>
    <p>
      ${comparison.status === 'approved' ? `${periodLabel(comparison.periodKey)} đã được duyệt` : `${periodLabel(comparison.periodKey)} chưa có báo cáo được duyệt; không có số để so sánh`}${comparison.predecessorNames
        ? ` (cộng số của các đơn vị trước sáp nhập: ${comparison.predecessorNames.join(', ')})`
        : ''}.
      ${flagged > 0 ? html` <strong>${flagged} chỉ tiêu thay đổi quá ${threshold}%.</strong>` : ''}
    </p>
    ${comparison.changes.length > 0 &&
    html`<${TableScroll} label=${title}>
      <table class="table">
        <caption class="visually-hidden">${title}</caption>
        <thead><tr><th scope="col">Chỉ tiêu</th><th scope="col" class="num">Kỳ này</th><th scope="col" class="num">${periodLabel(comparison.periodKey)}</th><th scope="col" class="num">Thay đổi</th><th scope="col" class="num">Tỷ lệ</th><th scope="col">Đánh giá</th></tr></thead>
        <tbody>
          ${comparison.changes.map(
            (change) => html`<tr class=${change.flagged ? 'flagged' : ''}>
              <th scope="row">${change.label}</th>
              <td class="num">${formatNumber(change.current)}</td>
              <td class="num">${formatNumber(change.previous)}</td>
              <td class="num">${formatSigned(change.change)}</td>
              <td class="num">${formatSignedPercent(change.percent)}</td>
              <td>${change.flagged ? html`<strong class="tag tag--returned">Biến động lớn</strong>` : 'Bình thường'}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </${TableScroll}>`}
  </section>`;
}

function SinceReturn({ change, fields }) {
  const fieldOf = (key) => fields.find((field) => field.key === key);
  const labelOf = (key) => fieldOf(key)?.label ?? key;
  return html`<section aria-labelledby="tu-lan-tra-title">
    <h2 id="tu-lan-tra-title">Đơn vị đã sửa gì kể từ lần trả lại</h2>
    <p>Ý kiến khi trả lại: “${change.returnedComment}”</p>
    <p>Phiên bản ${change.from} → ${change.to}: ${change.summary.changed} dòng sửa, ${change.summary.added} dòng thêm, ${change.summary.removed} dòng bớt.</p>
    <ul>
      ${change.differences.flatMap((difference) =>
        (difference.changes ?? []).map(
          (item) => html`<li>${diffRowName(difference)}: ${labelOf(item.field)} ${formatFieldValue(fieldOf(item.field), item.from)} → ${formatFieldValue(fieldOf(item.field), item.to)}</li>`,
        ),
      )}
    </ul>
  </section>`;
}

function Rows({ data }) {
  const [page, setPage] = useState(1);
  const rows = useLoad(
    () => getJson(`${data.base}/versions/${data.version.number}/rows?offset=${(page - 1) * ROWS_PER_PAGE}&limit=${ROWS_PER_PAGE}`),
    [page],
  );
  const show = (field, value) => (value === null || value === undefined || value === '' ? '' : formatFieldValue(field, value));
  return html`<section aria-labelledby="so-lieu-title">
    <h2 id="so-lieu-title">Số liệu (phiên bản ${data.version.number})</h2>
    <${Loaded} state=${rows}>
      ${(slice) => html`
        <${TableScroll} label="Số liệu của báo cáo">
          <table class="table table--wide" data-testid="rows">
            <caption class="visually-hidden">Các dòng số liệu</caption>
            <thead><tr><th scope="col">Dòng</th>${data.fields.map((field) => html`<th scope="col">${field.label}${field.unit ? ` (${field.unit})` : ''}</th>`)}</tr></thead>
            <tbody>
              ${slice.items.map(
                (row) => html`<tr><td class="num">${row.rowNumber}</td>${data.fields.map((field) => html`<td class=${field.type === 'integer' || field.type === 'decimal' ? 'num' : ''}>${show(field, row.data[field.key])}</td>`)}</tr>`,
              )}
            </tbody>
          </table>
        </${TableScroll}>
        <${Pager} page=${page} pageSize=${ROWS_PER_PAGE} total=${slice.total} onPage=${setPage} />
      `}
    </${Loaded}>
  </section>`;
}

function History({ reviews, fields }) {
  if (reviews.length === 0) return null;
  const labelOf = (key) => fields.find((field) => field.key === key)?.label ?? key;
  return html`<section aria-labelledby="lich-su-title">
    <h2 id="lich-su-title">Các lần thẩm định trước</h2>
    <ul class="history">
      ${reviews.map(
        (review) => html`<li>
          <strong>${DECISION_LABELS[review.decision]}</strong> phiên bản ${review.versionNumber}, ${formatDateTime(review.decidedAt)}, ${review.reviewerEmail ?? ''}
          ${review.comment && html`<br />“${review.comment}”`}
          ${review.remarks.length > 0 &&
          html`<ul>${review.remarks.map((remark) => html`<li>${remark.row ? `Dòng ${remark.row}, ` : ''}${remark.field ? `${labelOf(remark.field)}: ` : ''}${remark.message}</li>`)}</ul>`}
        </li>`,
      )}
    </ul>
  </section>`;
}

/** What a lost race means, in words: someone decided first, or the unit sent a new version. */
function conflictText(error) {
  if (error.code === 'stale_version') {
    return 'Đơn vị vừa nộp một phiên bản mới trong lúc bạn xem. Hãy tải lại trang để thẩm định phiên bản mới nhất.';
  }
  return 'Báo cáo này vừa thay đổi trong lúc bạn xem: một người khác đã quyết định, hoặc đơn vị đã nộp lại. Quyết định của bạn chưa được ghi. Hãy tải lại trang để xem tình trạng mới nhất trước khi quyết định.';
}

function Decision({ data }) {
  const [decision, setDecision] = useState('');
  const [comment, setComment] = useState('');
  const [remarks, setRemarks] = useState([]);
  const [errors, setErrors] = useState({});
  const [failure, setFailure] = useState(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(null);
  const fieldOptions = [['', '— Cả báo cáo —'], ...data.fields.map((field) => [field.key, field.label])];
  const setRemark = (index, patch) => setRemarks(remarks.map((remark, i) => (i === index ? { ...remark, ...patch } : remark)));

  const submit = async (event) => {
    event.preventDefault();
    const found = {};
    if (!decision) found['quyet-dinh-duyet'] = 'Chọn phê duyệt hoặc trả lại';
    if (decision === 'return' && !comment.trim()) found['y-kien'] = 'Nhập lý do trả lại để đơn vị biết cần sửa gì';
    remarks.forEach((remark, index) => {
      if (!remark.message.trim()) found[`nhan-xet-${index}-noi-dung`] = `Nhập nội dung nhận xét ${index + 1}, hoặc xoá nhận xét đó`;
      if (remark.row && !/^\d+$/.test(remark.row.trim())) found[`nhan-xet-${index}-dong`] = `Dòng ở nhận xét ${index + 1} phải là một số`;
    });
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await postJson(`/api/v1/submissions/${data.submission.id}/decisions`, {
        decision,
        versionNumber: data.version.number,
        expectedRevision: data.submission.revision,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
        ...(decision === 'return' && remarks.length > 0
          ? { remarks: remarks.map((remark) => ({ message: remark.message.trim(), ...(remark.field ? { field: remark.field } : {}), ...(remark.row ? { row: Number(remark.row) } : {}) })) }
          : {}),
      });
      setDone(decision);
      setBusy(false);
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };

  if (done) {
    return html`<div class="panel" data-testid="decided">
      <h2 class="panel__title">${done === 'approve' ? 'Đã phê duyệt báo cáo' : 'Đã trả lại báo cáo'}</h2>
      <p>${done === 'approve' ? 'Đơn vị được thông báo qua thư điện tử.' : 'Đơn vị nhận thư điện tử kèm ý kiến và nhận xét của bạn.'}</p>
      <p><a class="panel__link" href="/tham-dinh">Về danh sách thẩm định</a></p>
    </div>`;
  }
  const lostRace = failure instanceof ApiError && failure.status === 409;
  return html`<section aria-labelledby="quyet-dinh-title" class="card">
    <h2 id="quyet-dinh-title">Quyết định</h2>
    ${lostRace
      ? html`<div class="notice notice--error" role="alert" data-testid="conflict">
          <h3 class="notice__title">Chưa ghi được quyết định</h3>
          <p>${conflictText(failure)}</p>
          <button type="button" class="button" onClick=${() => location.reload()}>Tải lại trang</button>
        </div>`
      : failure && html`<div class="notice notice--error" role="alert"><p>${messageOf(failure)}</p></div>`}
    <${ErrorSummary} items=${Object.entries(errors).map(([id, text]) => ({ href: `#${id}`, text }))} />
    <form onSubmit=${submit} novalidate>
      <fieldset class=${`choice${errors['quyet-dinh-duyet'] ? ' field--error' : ''}`}>
        <legend>Kết quả thẩm định phiên bản ${data.version.number}</legend>
        ${errors['quyet-dinh-duyet'] && html`<p class="field__error">${errors['quyet-dinh-duyet']}</p>`}
        <label><input type="radio" id="quyet-dinh-duyet" name="quyet-dinh" value="approve" checked=${decision === 'approve'} onChange=${() => setDecision('approve')} /> Phê duyệt</label>
        <label><input type="radio" id="quyet-dinh-tra" name="quyet-dinh" value="return" checked=${decision === 'return'} onChange=${() => setDecision('return')} /> Trả lại để đơn vị sửa</label>
      </fieldset>
      <${TextArea}
        id="y-kien"
        label=${decision === 'return' ? 'Lý do trả lại' : 'Ý kiến (không bắt buộc khi phê duyệt)'}
        hint="Đơn vị đọc ý kiến này trong thư điện tử và trên trang báo cáo."
        error=${errors['y-kien']}
        value=${comment}
        onInput=${setComment}
      />
      ${decision === 'return' &&
      html`<fieldset class="remarks">
        <legend>Nhận xét theo từng trường (không bắt buộc)</legend>
        ${remarks.map(
          (remark, index) => html`<div class="remark" data-testid="remark">
            <div class="field">
              <label class="field__label" for=${`nhan-xet-${index}-truong`}>Trường của nhận xét ${index + 1}</label>
              <select id=${`nhan-xet-${index}-truong`} class="select" value=${remark.field} onChange=${(event) => setRemark(index, { field: event.currentTarget.value })}>
                ${fieldOptions.map(([value, text]) => html`<option value=${value} selected=${value === remark.field}>${text}</option>`)}
              </select>
            </div>
            <div class=${`field${errors[`nhan-xet-${index}-dong`] ? ' field--error' : ''}`}>
              <label class="field__label" for=${`nhan-xet-${index}-dong`}>Dòng (không bắt buộc)</label>
              ${errors[`nhan-xet-${index}-dong`] && html`<p class="field__error">${errors[`nhan-xet-${index}-dong`]}</p>`}
              <input id=${`nhan-xet-${index}-dong`} class="input input--short" inputmode="numeric" value=${remark.row} onInput=${(event) => setRemark(index, { row: event.currentTarget.value })} />
            </div>
            <${TextArea}
              id=${`nhan-xet-${index}-noi-dung`}
              label=${`Nội dung nhận xét ${index + 1}`}
              error=${errors[`nhan-xet-${index}-noi-dung`]}
              value=${remark.message}
              onInput=${(value) => setRemark(index, { message: value })}
              rows=${2}
            />
            <button type="button" class="button button--link" onClick=${() => setRemarks(remarks.filter((_, i) => i !== index))}>Xoá nhận xét ${index + 1}</button>
          </div>`,
        )}
        <button type="button" class="button button--secondary" onClick=${() => setRemarks([...remarks, { field: '', row: '', message: '' }])}>Thêm nhận xét</button>
      </fieldset>`}
      <button type="submit" class="button" disabled=${busy}>${busy ? 'Đang ghi…' : 'Ghi quyết định'}</button>
    </form>
    <${Notice} kind="info"><p>Sau khi bạn ghi quyết định, đơn vị nhận thư điện tử kèm đường dẫn tới trang báo cáo.</p></${Notice}>
  </section>`;
}
