// The officer's page for one report: template, upload or web form, dry run, validation report,
// annotated workbook, submit with justifications, receipt, versions and their diff, review outcome.
import { download, getJson, postJson, uploadFile } from './api.js';
import { EntryForm, initialRows, inputId } from './entry-form.js';
import { DECISION_LABELS, daysLeftText, formatBytes, formatDate, formatDateTime, formatNumber, PERIOD_STATUS_LABELS } from './format.js';
import { html, useEffect, useRef, useState } from './html.js';
import { VersionDiff } from './version-diff.js';
import { ErrorMessage, ErrorSummary, Loaded, Notice, SummaryList, TableScroll, Tag, TextArea, useLoad, useTitle } from './ui.js';
import { ValidationReport } from './validation-report.js';

const enc = encodeURIComponent;
const EDITABLE = ['not_started', 'draft', 'returned'];

async function loadReport(code, periodKey, unitId) {
  const base = `/api/v1/obligations/${enc(code)}/periods/${enc(periodKey)}/units/${enc(unitId)}/submission`;
  const [obligation, submission, schema] = await Promise.all([
    getJson(`/api/v1/obligations/${enc(code)}`),
    getJson(base),
    getJson(`/api/v1/obligations/${enc(code)}/periods/${enc(periodKey)}/schema`),
  ]);
  if (!submission.id) return { base, obligation, submission, schema, versions: [], current: null, currentRows: [], reviews: [], receipts: [] };
  const [versions, review, receipts, current] = await Promise.all([
    getJson(`${base}/versions`),
    getJson(`/api/v1/submissions/${submission.id}/review`),
    getJson(`/api/v1/receipts?submissionId=${submission.id}`),
    submission.currentVersion ? getJson(`${base}/versions/${submission.currentVersion}`) : null,
  ]);
  const currentRows = current?.valid ? (await getJson(`${base}/versions/${current.number}/rows?limit=1000`)).items : [];
  return { base, obligation, submission, schema, versions: versions.items, current, currentRows, reviews: review.reviews, receipts: receipts.items };
}

export function ReportPage({ obligationCode, periodKey, unitId }) {
  const state = useLoad(() => loadReport(obligationCode, periodKey, unitId), [obligationCode, periodKey, unitId]);
  const [confirmation, setConfirmation] = useState(null);
  useTitle(state.data ? `${state.data.obligation.code} — ${state.data.submission.schedule.label}` : 'Báo cáo');
  return html`<${Loaded} state=${state}>
    ${(data) => {
      const editable = isTracked(data) && EDITABLE.includes(data.submission.status);
      return html`
        <${ReportHeader} data=${data} />
        ${confirmation && html`<${Confirmation} receipt=${confirmation} />`}
        <${StatusNotice} data=${data} confirmed=${confirmation !== null} />
        <${ReviewOutcome} data=${data} />
        ${editable && html`<${Entry} data=${data} reload=${state.reload} />`}
        ${editable && data.current && !data.current.valid && html`<${CurrentReport} data=${data} />`}
        ${editable && data.current?.valid && html`<${Submit} data=${data} onSubmitted=${(receipt) => {
          setConfirmation(receipt);
          state.reload();
        }} />`}
        <${Versions} data=${data} />
        <${Receipts} data=${data} />
      `;
    }}
  </${Loaded}>`;
}

/** Whether the period is followed by the usual cycle: due on or after the day the obligation is tracked from (else history, loaded by backfill). */
const isTracked = (data) => data.submission.schedule.dueDate >= data.obligation.trackedFrom;

function ReportHeader({ data }) {
  const { obligation, submission } = data;
  const schedule = submission.schedule;
  return html`
    <p class="caption">${submission.unitName} · ${schedule.label}</p>
    <h1>${obligation.title}</h1>
    <${SummaryList}
      rows=${[
        ['Nghĩa vụ báo cáo', `${obligation.code} — ${obligation.legalDocument}`],
        ['Kỳ báo cáo', `${schedule.label} (số liệu từ ${formatDate(schedule.cutoffStart)} đến ${formatDate(schedule.cutoffEnd)})`],
        ['Hạn nộp', `${formatDate(schedule.dueDate)} (${!isTracked(data) ? 'trước ngày bắt đầu theo dõi' : submission.status === 'submitted' || submission.status === 'approved' ? PERIOD_STATUS_LABELS[schedule.status] : daysLeftText(schedule.daysUntilDue)})`],
        ['Trạng thái', html`<span data-testid="status"><${Tag} status=${submission.status} /></span>`],
      ]}
    />
  `;
}

function StatusNotice({ data, confirmed }) {
  const { obligation, submission, receipts } = data;
  const latest = receipts[receipts.length - 1];
  if (!isTracked(data)) {
    return html`<${Notice} kind="info" title="Kỳ báo cáo trước ngày bắt đầu theo dõi">
      <p>
        ${submission.schedule.label} có hạn nộp ${formatDate(submission.schedule.dueDate)}, trước ngày hệ thống bắt đầu theo dõi báo cáo này
        (${formatDate(obligation.trackedFrom)}). Đơn vị không tải lên hay nộp báo cáo của kỳ này: số liệu do cán bộ theo dõi tuân thủ hoặc quản trị viên nạp bù.
      </p>
    </${Notice}>`;
  }
  if (submission.status === 'submitted' && !confirmed) {
    return html`<${Notice} kind="info" title="Báo cáo đã nộp, đang chờ Bộ thẩm định">
      <p>Phiên bản ${submission.submittedVersion} được nộp lúc ${formatDateTime(submission.submittedAt)}${submission.onTime === false ? ` (trễ ${submission.daysLate} ngày)` : ''}. Bạn sẽ nhận thư điện tử khi có kết quả.</p>
      ${latest && html`<p><a href=${`/bien-nhan/${latest.id}`}>Xem và in biên nhận ${latest.id}</a></p>`}
    </${Notice}>`;
  }
  if (submission.status === 'approved') {
    return html`<${Notice} kind="success" title="Báo cáo đã được phê duyệt">
      <p>Phiên bản ${submission.submittedVersion} đã được Bộ phê duyệt. Không cần làm gì thêm.</p>
      ${latest && html`<p><a href=${`/bien-nhan/${latest.id}`}>Xem và in biên nhận</a></p>`}
    </${Notice}>`;
  }
  return null;
}

/** After a return: the reviewer's comment and remarks per field, where the officer acts on them. */
function ReviewOutcome({ data }) {
  const returned = [...data.reviews].reverse().find((review) => review.decision === 'return' || review.decision === 'reopen');
  if (data.submission.status !== 'returned' || !returned) return null;
  const labelOf = (key) => data.schema.definition.fields.find((field) => field.key === key)?.label ?? key;
  return html`<section class="notice notice--warning" aria-labelledby="tra-lai-title" data-testid="returned">
    <h2 id="tra-lai-title" class="notice__title">Báo cáo bị trả lại: cần sửa và nộp lại</h2>
    <p>${DECISION_LABELS[returned.decision]} lúc ${formatDateTime(returned.decidedAt)} bởi ${returned.reviewerEmail ?? 'Bộ'} (phiên bản ${returned.versionNumber}).</p>
    <p><strong>Ý kiến thẩm định:</strong> ${returned.comment}</p>
    ${returned.remarks.length > 0 &&
    html`<${TableScroll} label="Nhận xét theo từng trường">
      <table class="table">
        <caption>Nhận xét theo từng trường</caption>
        <thead><tr><th scope="col">Dòng</th><th scope="col">Trường</th><th scope="col">Nhận xét</th></tr></thead>
        <tbody>
          ${returned.remarks.map((remark) => html`<tr><td class="num">${remark.row ?? '–'}</td><td>${remark.field ? labelOf(remark.field) : '–'}</td><td>${remark.message}</td></tr>`)}
        </tbody>
      </table>
    </${TableScroll}>`}
  </section>`;
}

/** Template download, then a file (drag and drop or picker) or the web form; dry run or store. */
function Entry({ data, reload }) {
  const { base, schema } = data;
  const [method, setMethod] = useState('file');
  const [file, setFile] = useState(null);
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState(null);
  const [result, setResult] = useState(null);
  const [failure, setFailure] = useState(null);
  const [rows, setRows] = useState(() => initialRows(schema.definition, data.currentRows));
  const busy = progress !== null;
  const fileInput = useRef(null);

  const send = async (chosen, dryRun, source) => {
    setFailure(null);
    setResult(null);
    setProgress(0);
    try {
      const { body } = await uploadFile(`${base}/versions${dryRun ? '?dryRun=true' : ''}`, chosen, chosen.name, setProgress);
      setProgress(null);
      setResult({ dryRun, source, body });
      if (!dryRun) await reload();
    } catch (error) {
      setProgress(null);
      setFailure(error);
    }
  };

  const pick = (chosen) => {
    setFile(chosen ?? null);
    setResult(null);
    setFailure(null);
  };
  const formErrors = {};
  if (result?.source === 'form') {
    for (const issue of result.body.report.issues) {
      if (issue.row !== null && issue.field) formErrors[inputId(issue.row - 1, issue.field)] ??= issue.message;
    }
  }
  const summary = Object.entries(formErrors).map(([id, text]) => ({ href: `#${id}`, text }));

  return html`
    <section aria-labelledby="nhap-title">
      <h2 id="nhap-title">${data.current ? 'Tải lên bản sửa' : 'Nhập số liệu báo cáo'}</h2>
      <p>
        Biểu mẫu áp dụng: phiên bản ${schema.version} (từ ${formatDate(schema.effectiveFrom)}).${' '}
        <button type="button" class="button button--link" onClick=${() => download(`/api/v1/obligations/${enc(data.obligation.code)}/schemas/${schema.version}/template.xlsx`).catch(setFailure)}>
          Tải biểu mẫu Excel
        </button>
      </p>
      <fieldset class="choice">
        <legend>Cách nhập số liệu</legend>
        <label><input type="radio" name="cach-nhap" value="file" checked=${method === 'file'} onChange=${() => setMethod('file')} /> Tải tệp lên (Excel, CSV hoặc JSON)</label>
        <label><input type="radio" name="cach-nhap" value="form" checked=${method === 'form'} onChange=${() => setMethod('form')} /> Nhập trực tiếp trên trang</label>
      </fieldset>
      ${method === 'file'
        ? html`<div
              class=${`dropzone${dragging ? ' dropzone--over' : ''}`}
              onDragOver=${(event) => {
                event.preventDefault();
                setDragging(true);
              }}
              onDragLeave=${() => setDragging(false)}
              onDrop=${(event) => {
                event.preventDefault();
                setDragging(false);
                pick(event.dataTransfer.files[0]);
              }}
            >
              <label class="field__label" for="tep-bao-cao">Chọn tệp báo cáo</label>
              <p class="field__hint" id="tep-bao-cao-hint">Kéo thả tệp vào ô này hoặc bấm để chọn. Nhận tệp .xlsx, .csv (UTF-8) hoặc .json.</p>
              <input
                id="tep-bao-cao"
                ref=${fileInput}
                type="file"
                accept=".xlsx,.csv,.json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv,application/json"
                aria-describedby="tep-bao-cao-hint"
                onChange=${(event) => pick(event.currentTarget.files[0])}
              />
              ${file && html`<p data-testid="chosen-file">Đã chọn: <strong>${file.name}</strong> (${formatBytes(file.size)})</p>`}
            </div>
            <div class="actions">
              <button type="button" class="button button--secondary" disabled=${!file || busy} onClick=${() => send(file, true, 'file')}>Kiểm tra thử</button>
              <button type="button" class="button" disabled=${!file || busy} onClick=${() => send(file, false, 'file')}>Tải lên</button>
            </div>
            ${!file && html`<p class="muted">Chọn tệp trước; "Kiểm tra thử" chỉ kiểm tra, không lưu gì. "Tải lên" lưu thành một phiên bản mới.</p>`}`
        : html`<${ErrorSummary} items=${summary} />
            <${EntryForm}
              definition=${schema.definition}
              rows=${rows}
              onRows=${setRows}
              errors=${formErrors}
              busy=${busy}
              onCheck=${(made) => send(made, true, 'form')}
              onSave=${(made) => send(made, false, 'form')}
            />`}
      ${busy &&
      html`<div class="progress" role="status">
        <label for="tien-do">Đang gửi tệp: ${Math.round(progress * 100)}%</label>
        <progress id="tien-do" max="100" value=${Math.round(progress * 100)}></progress>
      </div>`}
      <${ErrorMessage} error=${failure} />
      ${result && html`<${UploadResult} result=${result} data=${data} />`}
    </section>
  `;
}

function UploadResult({ result, data }) {
  const { body, dryRun } = result;
  const fields = data.schema.definition.fields;
  if (dryRun) {
    const s = body.summary;
    return html`<div class="result" data-testid="dry-run">
      <${Notice} kind=${body.report.valid ? 'success' : 'error'} title="Kết quả kiểm tra thử (chưa lưu gì)">
        <p>
          ${body.duplicateOfVersion ? `Tệp này giống hệt phiên bản ${body.duplicateOfVersion} đã lưu. ` : ''}
          ${body.comparedWithVersion
            ? `So với phiên bản ${body.comparedWithVersion}: ${s.added} dòng thêm, ${s.changed} dòng sửa, ${s.removed} dòng bớt, ${s.unchanged} dòng giữ nguyên.`
            : `Tệp có ${formatNumber(s.rowsRead)} dòng dữ liệu.`}
        </p>
      </${Notice}>
      <${ValidationReport} report=${body.report} fields=${fields} heading="Kết quả kiểm tra" fileName="ket-qua-kiem-tra-thu" idPrefix="thu" />
    </div>`;
  }
  const version = body.version;
  return html`<div class="result" data-testid="upload-result">
    <${Notice} kind=${version.valid ? 'success' : 'error'} title=${body.duplicate ? 'Tệp đã có từ trước' : `Đã lưu phiên bản ${version.number}`}>
      <p>
        ${body.duplicate
          ? `Tệp này giống hệt phiên bản ${version.number} đã lưu; không tạo phiên bản mới.`
          : version.valid
            ? 'Tệp hợp lệ. Hãy kiểm tra lại thông tin bên dưới rồi nộp báo cáo.'
            : 'Tệp còn lỗi nên chưa thể nộp. Hãy xem danh sách lỗi bên dưới, sửa rồi tải lên lại.'}
      </p>
    </${Notice}>
  </div>`;
}

/** The latest version's problems, with the marked-up workbook. */
function CurrentReport({ data }) {
  const { current, base } = data;
  return html`<section aria-labelledby="phien-ban-hien-tai">
    <h2 id="phien-ban-hien-tai">Lỗi của phiên bản ${current.number} (${current.originalName})</h2>
    <${ValidationReport}
      report=${current.report}
      fields=${data.schema.definition.fields}
      heading=${`Kết quả kiểm tra phiên bản ${current.number}`}
      annotatedPath=${`${base}/versions/${current.number}/annotated.xlsx`}
      fileName=${`loi-phien-ban-${current.number}`}
      idPrefix="hien-tai"
    />
  </section>`;
}

/** "Kiểm tra lại và nộp": what will be submitted, a justification for each warning, then submit. */
function Submit({ data, onSubmitted }) {
  const { current, submission, base } = data;
  const warnings = current.report.issues.map((issue, index) => ({ issue, index })).filter(({ issue }) => issue.severity === 'warning');
  const [texts, setTexts] = useState({});
  const [errors, setErrors] = useState({});
  const [failure, setFailure] = useState(null);
  const [busy, setBusy] = useState(false);
  const labelOf = (key) => data.schema.definition.fields.find((field) => field.key === key)?.label ?? key;
  const submit = async (event) => {
    event.preventDefault();
    const missing = {};
    for (const { index } of warnings) if (!(texts[index] ?? '').trim()) missing[`giai-trinh-${index}`] = 'Nhập giải trình cho cảnh báo này';
    setErrors(missing);
    setFailure(null);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      const result = await postJson(`${base}/submit`, {
        versionNumber: current.number,
        expectedRevision: submission.revision,
        ...(warnings.length > 0 ? { warningJustifications: warnings.map(({ index }) => ({ issue: index, text: texts[index].trim() })) } : {}),
      });
      onSubmitted(result.receipt);
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };
  return html`<section aria-labelledby="nop-title" class="check-answers">
    <h2 id="nop-title">Kiểm tra lại và nộp báo cáo</h2>
    <${SummaryList}
      rows=${[
        ['Đơn vị báo cáo', submission.unitName],
        ['Kỳ báo cáo', submission.schedule.label],
        ['Hạn nộp', formatDate(submission.schedule.dueDate)],
        ['Tệp', `${current.originalName} (${formatBytes(current.sizeBytes)}), tải lên lúc ${formatDateTime(current.uploadedAt)}`],
        ['Phiên bản', String(current.number)],
        ['Số dòng dữ liệu', formatNumber(current.rowsRead)],
        ['Cảnh báo', warnings.length === 0 ? 'Không có' : `${warnings.length} cảnh báo, cần giải trình`],
      ]}
    />
    <${ErrorSummary} items=${Object.entries(errors).map(([id, text]) => ({ href: `#${id}`, text }))} />
    <form onSubmit=${submit} novalidate>
      ${warnings.map(
        ({ issue, index }) => html`<${TextArea}
          id=${`giai-trinh-${index}`}
          label=${`Giải trình cho cảnh báo${issue.row ? ` ở dòng ${issue.row}` : ''}${issue.field ? `, ${labelOf(issue.field)}` : ''}`}
          hint=${issue.message}
          error=${errors[`giai-trinh-${index}`]}
          value=${texts[index] ?? ''}
          onInput=${(value) => setTexts({ ...texts, [index]: value })}
        />`,
      )}
      <p>Khi bấm "Nộp báo cáo", đơn vị xác nhận số liệu trên là đúng. Hệ thống cấp biên nhận có chữ ký số.</p>
      <${ErrorMessage} error=${failure} />
      <button type="submit" class="button" disabled=${busy}>${busy ? 'Đang nộp…' : 'Nộp báo cáo'}</button>
    </form>
  </section>`;
}

/** GOV.UK-style confirmation with the receipt number. */
function Confirmation({ receipt }) {
  const panel = useRef(null);
  useEffect(() => panel.current?.focus(), []);
  return html`<div class="panel" tabindex="-1" ref=${panel} data-testid="confirmation">
    <h2 class="panel__title">Đã nộp báo cáo</h2>
    <p>Mã biên nhận<br /><strong class="panel__ref">${receipt.id}</strong></p>
    <p>Nhận lúc ${formatDateTime(receipt.content.serverTime)}</p>
    <p class="panel__small">Mã SHA-256 của tệp: <code>${receipt.content.fileSha256}</code></p>
    <p><a class="panel__link" href=${`/bien-nhan/${receipt.id}`}>Xem và in biên nhận</a></p>
  </div>
  <p>Bộ sẽ thẩm định báo cáo; bạn nhận thư điện tử khi báo cáo được phê duyệt hoặc bị trả lại.</p>`;
}

function Versions({ data }) {
  const { versions, base } = data;
  if (versions.length === 0) return null;
  return html`<section aria-labelledby="phien-ban-title">
    <h2 id="phien-ban-title">Các phiên bản đã tải lên</h2>
    <${TableScroll} label="Các phiên bản">
      <table class="table table--wide" data-testid="versions">
        <caption class="visually-hidden">Các phiên bản đã tải lên, cũ nhất trước</caption>
        <thead><tr><th scope="col">Phiên bản</th><th scope="col">Tệp</th><th scope="col">Tải lên lúc</th><th scope="col">Kết quả</th><th scope="col" class="num">Lỗi</th><th scope="col" class="num">Cảnh báo</th><th scope="col">Tệp gốc</th></tr></thead>
        <tbody>
          ${versions.map(
            (version) => html`<tr data-version=${version.number}>
              <td class="num">${version.number}${version.number === data.submission.submittedVersion ? ' (đã nộp)' : ''}</td>
              <td>${version.originalName}</td>
              <td>${formatDateTime(version.uploadedAt)}</td>
              <td>${version.valid ? 'Hợp lệ' : 'Có lỗi'}</td>
              <td class="num">${formatNumber(version.errorCount)}</td>
              <td class="num">${formatNumber(version.warningCount)}</td>
              <td><button type="button" class="button button--link" onClick=${() => download(`${base}/versions/${version.number}/file`)}>Tải về<span class="visually-hidden"> phiên bản ${version.number}</span></button></td>
            </tr>`,
          )}
        </tbody>
      </table>
    </${TableScroll}>
    ${versions.length > 1 && html`<${VersionDiff} base=${base} versions=${versions} fields=${data.schema.definition.fields} />`}
  </section>`;
}

function Receipts({ data }) {
  if (data.receipts.length === 0) return null;
  return html`<section aria-labelledby="bien-nhan-title">
    <h2 id="bien-nhan-title">Biên nhận</h2>
    <ul>
      ${data.receipts.map(
        (receipt) => html`<li><a href=${`/bien-nhan/${receipt.id}`}>Biên nhận phiên bản ${receipt.content.versionNumber}, ${formatDateTime(receipt.content.serverTime)}</a></li>`,
      )}
    </ul>
  </section>`;
}
