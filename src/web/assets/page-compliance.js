// Theo dõi: completion of an obligation and period, units still owing with their contacts, the
// trend, national aggregates with their changes, and every unit's row. Officers see their own unit.
import { download, getJson } from './api.js';
import { BarChart, STATUS_COLORS, TrendChart } from './charts.js';
import { formatDate, formatDateTime, formatNumber, formatPercent, formatSigned, formatSignedPercent, PERIOD_STATUS_LABELS, STATUS_LABELS, todayInVietnam } from './format.js';
import { html, useEffect, useState } from './html.js';
import { NEXT_ACTION, reportPath, taskTag } from './page-tasks.js';
import { ErrorMessage, Loaded, Loading, Select, TableScroll, Tag, useLoad, useTitle } from './ui.js';

const enc = encodeURIComponent;
const HISTORY_YEARS = 3;

export function CompliancePage({ session, obligationCode, periodKey }) {
  if (session.user.role === 'province_officer') return html`<${OwnUnit} session=${session} obligationCode=${obligationCode} periodKey=${periodKey} />`;
  return html`<${National} obligationCode=${obligationCode} periodKey=${periodKey} />`;
}

/** An officer's view: the unit's own reports and their status (national figures are for the ministry). */
function OwnUnit({ session }) {
  useTitle('Tình hình nộp báo cáo của đơn vị');
  const state = useLoad(() => getJson(`/api/v1/units/${session.user.unitId}/tasks`), []);
  return html`<h1>Tình hình nộp báo cáo của ${session.user.unitName}</h1>
    <p>Số liệu toàn quốc do Bộ theo dõi; trang này cho bạn biết tình trạng các báo cáo của đơn vị mình.</p>
    <${Loaded} state=${state}>
      ${(list) => html`<${TableScroll} label="Báo cáo của đơn vị">
        <table class="table" data-testid="own-unit">
          <caption class="visually-hidden">Báo cáo của đơn vị</caption>
          <thead><tr><th scope="col">Báo cáo</th><th scope="col">Kỳ</th><th scope="col">Hạn nộp</th><th scope="col">Trạng thái</th><th scope="col">Việc tiếp theo</th></tr></thead>
          <tbody>
            ${list.items.map(
              (task) => html`<tr>
                <td><a href=${reportPath(task.obligationCode, task.periodKey, list.unit.id)}>${task.obligationCode}</a></td>
                <td>${task.periodLabel}</td>
                <td>${formatDate(task.dueDate)}</td>
                <td>${taskTag(task)}</td>
                <td>${NEXT_ACTION[task.nextAction]}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </${TableScroll}>`}
    </${Loaded}>`;
}

function National({ obligationCode, periodKey }) {
  const [code, setCode] = useState(obligationCode ?? '');
  const [period, setPeriod] = useState(periodKey ?? '');
  const obligations = useLoad(() => getJson('/api/v1/obligations'), []);
  const [periods, setPeriods] = useState(null);
  const [failure, setFailure] = useState(null);
  const shownPeriod = periods?.find((p) => p.key === period);
  useTitle(code && shownPeriod ? `Theo dõi ${code}, ${shownPeriod.label}` : 'Theo dõi tiến độ nộp báo cáo');

  useEffect(() => {
    if (!code && obligations.data?.items.length) setCode(obligations.data.items[0].code);
  }, [obligations.data]);
  useEffect(() => {
    if (!code) return;
    const today = todayInVietnam();
    setPeriods(null);
    let current = true;
    getJson(`/api/v1/obligations/${enc(code)}/periods?from=${Number(today.slice(0, 4)) - HISTORY_YEARS}-01-01&to=${today}`).then((list) => {
      if (!current) return;
      const items = [...list.items].reverse();
      setPeriods(items);
      if (!items.some((p) => p.key === period)) setPeriod((items.find((p) => p.status === 'overdue' || p.status === 'due') ?? items[0])?.key ?? '');
    }, setFailure);
    return () => {
      current = false;
    };
  }, [code]);
  useEffect(() => {
    if (code && period) history.replaceState(null, '', `/theo-doi/${enc(code)}/${enc(period)}`);
  }, [code, period]);

  return html`
    <h1>Theo dõi tiến độ nộp báo cáo định kỳ</h1>
    <form class="filters card" onSubmit=${(event) => event.preventDefault()} aria-label="Chọn báo cáo và kỳ">
      <${Select}
        id="obligation"
        label="Nghĩa vụ báo cáo"
        value=${code}
        onChange=${(value) => setCode(value)}
        options=${(obligations.data?.items ?? []).map((o) => [o.code, `${o.code} — ${o.title}`])}
      />
      <${Select}
        id="period"
        label="Kỳ báo cáo"
        value=${period}
        onChange=${setPeriod}
        options=${(periods ?? []).map((p) => [p.key, `${p.label} (hạn ${formatDate(p.dueDate)})`])}
      />
    </form>
    <${ErrorMessage} error=${obligations.error ?? failure} />
    ${code && period && periods ? html`<${Figures} key=${`${code}/${period}`} code=${code} period=${period} />` : html`<${Loading} />`}
  `;
}

async function loadFigures(code, period) {
  const base = `/api/v1/compliance/obligations/${enc(code)}`;
  const [completion, units, trend, aggregates, owing] = await Promise.all([
    getJson(`${base}/periods/${enc(period)}`),
    getJson(`${base}/periods/${enc(period)}/units`),
    getJson(`${base}/trend?to=${enc(period)}`),
    getJson(`${base}/periods/${enc(period)}/aggregates`),
    getJson(`${base}/periods/${enc(period)}/owing`),
  ]);
  return { base, completion, units, trend, aggregates, owing, weights: await weightLabels(code, aggregates.schemaVersion) };
}

/** The label of the field that weighs each weighted average of the schema version in force, by field key. */
async function weightLabels(code, schemaVersion) {
  if (!schemaVersion) return {};
  const { definition } = await getJson(`/api/v1/obligations/${enc(code)}/schemas/${schemaVersion}`);
  const labelOf = (key) => definition.fields.find((field) => field.key === key)?.label;
  return Object.fromEntries(definition.fields.filter((field) => field.weightField).map((field) => [field.key, labelOf(field.weightField)]));
}

function Figures({ code, period }) {
  const state = useLoad(() => loadFigures(code, period), [code, period]);
  const [exportError, setExportError] = useState(null);
  const exportFile = (path) => {
    setExportError(null);
    download(path).catch(setExportError);
  };
  return html`<${Loaded} state=${state}>
    ${({ base, completion, units, trend, aggregates, owing, weights }) => html`<div data-shown=${`${code}/${period}`}>
      <div class="grid">
        <section class="card headline-card" aria-labelledby="period-title">
          <h2 id="period-title">${completion.period.label}: tỷ lệ hoàn thành</h2>
          <p class="headline"><span id="headline">${completion.headline}</span></p>
          ${completion.tracked
            ? html`<p>${completion.obligation.compliesWhen === 'approved' ? 'đơn vị có báo cáo đã được duyệt' : 'đơn vị đã nộp báo cáo'} · <strong id="percent">${formatPercent(completion.completionPercent)}</strong></p>
                <p>Hạn nộp <strong id="due-date">${formatDate(completion.period.dueDate)}</strong> · ${PERIOD_STATUS_LABELS[completion.period.status]}</p>`
            : html`<p id="not-tracked">
                Hạn nộp <strong id="due-date">${formatDate(completion.period.dueDate)}</strong>, trước ngày bắt đầu theo dõi báo cáo này: số liệu lịch sử được nạp bù, không tính tỷ lệ
                hoàn thành, đúng hạn hay quá hạn. ${formatNumber(completion.counts.approved)}/${formatNumber(completion.expected)} đơn vị đã có số liệu.
              </p>`}
          <dl class="stats">
            <div><dt>Nộp đúng hạn</dt><dd id="stat-on-time">${formatNumber(completion.onTime)}</dd></div>
            <div><dt>Nộp trễ hạn</dt><dd id="stat-late">${formatNumber(completion.late)}</dd></div>
            <div><dt>Quá hạn chưa hoàn thành</dt><dd id="stat-overdue">${formatNumber(completion.overdue)}</dd></div>
            <div><dt>Đơn vị phải nộp</dt><dd id="stat-expected">${formatNumber(completion.expected)}</dd></div>
          </dl>
        </section>
        <section class="card" aria-labelledby="status-title">
          <h2 id="status-title">Trạng thái báo cáo</h2>
          <div id="status-chart" class="chart">
            <${BarChart}
              label=${`Số đơn vị theo trạng thái: ${Object.entries(completion.counts).map(([key, value]) => `${STATUS_LABELS[key === 'notStarted' ? 'not_started' : key]} ${value}`).join(', ')}`}
              total=${completion.expected}
              items=${['approved', 'submitted', 'returned', 'draft', 'not_started'].map((key) => ({
                key,
                label: STATUS_LABELS[key],
                value: completion.counts[key === 'not_started' ? 'notStarted' : key],
                color: STATUS_COLORS[key],
              }))}
            />
          </div>
        </section>
      </div>

      <section class="card" aria-labelledby="owing-title">
        <h2 id="owing-title">${completion.tracked ? 'Đơn vị chưa hoàn thành' : 'Đơn vị chưa có số liệu'} <span id="owing-count" class="badge">${owing.items.length}</span></h2>
        ${owing.items.length === 0
          ? html`<p>${completion.tracked ? 'Tất cả đơn vị đã hoàn thành.' : 'Tất cả đơn vị đã có số liệu.'}</p>`
          : html`<${TableScroll} label="Đơn vị chưa hoàn thành và người liên hệ">
              <table class="table table--wide" id="owing">
                <caption class="visually-hidden">Đơn vị chưa hoàn thành và người liên hệ</caption>
                <thead><tr><th scope="col">Mã</th><th scope="col">Đơn vị</th><th scope="col">Trạng thái</th><th scope="col" class="num">Số ngày quá hạn</th><th scope="col">Liên hệ</th></tr></thead>
                <tbody>
                  ${owing.items.map(
                    (unit) => html`<tr data-unit=${unit.unitCode} class=${unit.daysOverdue ? 'overdue' : ''}>
                      <td>${unit.unitCode}</td>
                      <td>${unit.unitName}</td>
                      <td><${Tag} status=${unit.status} /></td>
                      <td class="num">${unit.daysOverdue === null ? '–' : unit.daysOverdue}</td>
                      <td class="contacts">
                        ${[...new Set([...unit.submitterEmails, ...unit.officerEmails])].map((email) => html`<a href=${`mailto:${email}`}>${email}</a> `)}
                        ${unit.leadershipEmail && html`<span>Lãnh đạo: <a href=${`mailto:${unit.leadershipEmail}`}>${unit.leadershipEmail}</a></span>`}
                        ${unit.submitterEmails.length + unit.officerEmails.length === 0 && !unit.leadershipEmail && 'Chưa có địa chỉ liên hệ'}
                      </td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </${TableScroll}>`}
      </section>

      <section class="card" aria-labelledby="trend-title">
        <h2 id="trend-title">Tỷ lệ hoàn thành qua các kỳ</h2>
        <div id="trend-chart" class="chart">
          <${TrendChart}
            label=${`Tỷ lệ hoàn thành: ${trend.items.map((item) => `${item.period.label} ${item.headline}`).join(', ')}`}
            items=${trend.items.map((item) => ({ key: item.period.key, label: item.period.label, percent: item.completionPercent, headline: item.headline, selected: item.period.key === period }))}
          />
        </div>
      </section>

      <${Aggregates} aggregates=${aggregates} weights=${weights} onExport=${(format) => exportFile(`${base}/periods/${enc(period)}/aggregates/export?format=${format}`)} />

      <section class="card" aria-labelledby="units-title">
        <h2 id="units-title">Tình hình nộp báo cáo theo đơn vị</h2>
        <div class="actions">
          <button type="button" class="button button--secondary" onClick=${() => exportFile(`${base}/periods/${enc(period)}/units/export?format=xlsx`)}>Tải bảng (Excel)</button>
          <button type="button" class="button button--secondary" onClick=${() => exportFile(`${base}/periods/${enc(period)}/units/export?format=csv`)}>Tải bảng (CSV)</button>
        </div>
        <${ErrorMessage} error=${exportError} />
        <${TableScroll} label="Tình hình nộp báo cáo theo đơn vị">
          <table class="table table--wide" id="units">
            <caption class="visually-hidden">Tình hình nộp báo cáo theo đơn vị</caption>
            <thead>
              <tr>
                <th scope="col">Mã</th><th scope="col">Tên đơn vị</th><th scope="col">Trạng thái</th><th scope="col">Hạn nộp</th><th scope="col">Nộp lần đầu</th>
                <th scope="col">Đúng hạn</th><th scope="col" class="num">Số ngày trễ</th><th scope="col" class="num">Số ngày quá hạn</th>
              </tr>
            </thead>
            <tbody>
              ${units.items.map(
                (unit) => html`<tr data-unit=${unit.unitCode} class=${unit.daysOverdue ? 'overdue' : ''}>
                  <td>${unit.unitCode}</td>
                  <td>${unit.unitName}</td>
                  <td><${Tag} status=${unit.status} /></td>
                  <td>${formatDate(unit.dueDate)}</td>
                  <td>${formatDateTime(unit.firstSubmittedAt)}</td>
                  <td>${unit.onTime === null ? '–' : unit.onTime ? 'Có' : 'Không'}</td>
                  <td class="num">${unit.daysLate === null ? '–' : unit.daysLate}</td>
                  <td class="num">${unit.daysOverdue === null ? '–' : unit.daysOverdue}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </${TableScroll}>
      </section>
    </div>`}
  </${Loaded}>`;
}

/** How a row of the aggregates was computed, after its label: nothing for a sum. */
function aggregateNote(field, weights) {
  if (field.aggregate === 'avg') return ', trung bình';
  if (field.aggregate === 'count') return ', số giá trị';
  if (field.aggregate !== 'weighted_avg') return '';
  return weights[field.field] ? `, trung bình có trọng số theo ${lowerFirst(weights[field.field])}` : ', trung bình có trọng số';
}

/** A column label inside a sentence: "Tổng số hồ sơ" → "tổng số hồ sơ" (an acronym such as "GDP" stays as it is). */
const lowerFirst = (label) => (/^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLocaleLowerCase('vi') + label.slice(1) : label);

function Aggregates({ aggregates, weights, onExport }) {
  return html`<section class="card" aria-labelledby="aggregates-title" data-testid="aggregates">
    <h2 id="aggregates-title">Số liệu tổng hợp toàn quốc: ${aggregates.label}</h2>
    <p>
      Cộng từ ${formatNumber(aggregates.unitsIncluded)} báo cáo đã duyệt; so với ${aggregates.previous.label} (${formatNumber(aggregates.previous.unitsIncluded)} báo cáo)
      và ${aggregates.lastYear.label} (${formatNumber(aggregates.lastYear.unitsIncluded)} báo cáo).
    </p>
    <div class="actions">
      <button type="button" class="button button--secondary" onClick=${() => onExport('xlsx')}>Tải số liệu tổng hợp (Excel)</button>
      <button type="button" class="button button--secondary" onClick=${() => onExport('csv')}>Tải số liệu tổng hợp (CSV)</button>
    </div>
    ${aggregates.groups.map(
      (group) => html`<${TableScroll} label=${group.label}>
        <table class="table aggregates">
          <caption>${group.label}</caption>
          <thead>
            <tr>
              <th scope="col">Chỉ tiêu</th><th scope="col" class="num">${aggregates.label}</th>
              <th scope="col" class="num">Thay đổi so với ${aggregates.previous.label}</th>
              <th scope="col" class="num">Thay đổi so với ${aggregates.lastYear.label}</th>
            </tr>
          </thead>
          <tbody>
            ${group.fields.map(
              (field) => html`<tr data-field=${field.field}>
                <th scope="row">${field.label}${field.unit ? ` (${field.unit})` : ''}${aggregateNote(field, weights)}</th>
                <td class="num">${formatNumber(field.value)}</td>
                <td class="num">${formatSigned(field.previous.change)} (${formatSignedPercent(field.previous.changePercent)})</td>
                <td class="num">${formatSigned(field.lastYear.change)} (${formatSignedPercent(field.lastYear.changePercent)})</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </${TableScroll}>`,
    )}
  </section>`;
}
