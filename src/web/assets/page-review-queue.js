// Thẩm định: the submissions queue with filters (obligation, period, status, late, flagged change).
import { getJson } from './api.js';
import { STATUS_LABELS, formatDateTime, periodLabel, todayInVietnam } from './format.js';
import { html, useEffect, useState } from './html.js';
import { Loaded, Pager, Select, TableScroll, Tag, useLoad, useTitle } from './ui.js';

const PAGE_SIZE = 50;
const FILTERS = ['obligation', 'period', 'status', 'late', 'flagged', 'sort'];

function readFilters() {
  const query = new URLSearchParams(location.search);
  const filters = Object.fromEntries(FILTERS.map((name) => [name, query.get(name) ?? '']));
  if (!query.has('status')) filters.status = 'submitted';
  return { ...filters, page: Number(query.get('page') ?? 1) || 1 };
}

export function ReviewQueuePage() {
  useTitle('Thẩm định báo cáo');
  const [filters, setFilters] = useState(readFilters);
  const obligations = useLoad(() => getJson('/api/v1/obligations'), []);
  const [periods, setPeriods] = useState([]);
  const change = (name) => (value) => setFilters({ ...filters, [name]: value, ...(name === 'obligation' ? { period: '' } : {}), page: 1 });

  useEffect(() => {
    const query = new URLSearchParams(Object.entries(filters).filter(([, value]) => value !== '' && value !== 1));
    history.replaceState(null, '', `${location.pathname}${query.toString() ? `?${query}` : ''}`);
  }, [filters]);
  useEffect(() => {
    setPeriods([]);
    if (!filters.obligation) return;
    const today = todayInVietnam();
    let current = true;
    getJson(`/api/v1/obligations/${encodeURIComponent(filters.obligation)}/periods?from=${Number(today.slice(0, 4)) - 3}-01-01&to=${today}`).then(
      (list) => current && setPeriods([...list.items].reverse()),
      () => current && setPeriods([]),
    );
    return () => {
      current = false;
    };
  }, [filters.obligation]);

  const list = useLoad(async () => {
    const query = new URLSearchParams({ page: String(filters.page), pageSize: String(PAGE_SIZE), sort: filters.sort || 'submittedAt' });
    for (const name of ['obligation', 'period', 'status', 'late', 'flagged']) if (filters[name]) query.set(name, filters[name]);
    return { ...(await getJson(`/api/v1/submissions?${query}`)), query: query.toString() };
  }, [JSON.stringify(filters)]);

  return html`
    <h1>Thẩm định báo cáo</h1>
    <form class="filters card" onSubmit=${(event) => event.preventDefault()} aria-label="Lọc danh sách">
      <${Select}
        id="loc-nghia-vu"
        label="Nghĩa vụ báo cáo"
        value=${filters.obligation}
        onChange=${change('obligation')}
        options=${[['', 'Tất cả'], ...(obligations.data?.items ?? []).map((o) => [o.code, `${o.code} — ${o.title}`])]}
      />
      <${Select}
        id="loc-ky"
        label="Kỳ báo cáo"
        value=${filters.period}
        onChange=${change('period')}
        disabled=${!filters.obligation}
        hint=${filters.obligation ? undefined : 'Chọn nghĩa vụ trước'}
        options=${[['', 'Tất cả'], ...periods.map((p) => [p.key, p.label])]}
      />
      <${Select}
        id="loc-trang-thai"
        label="Trạng thái"
        value=${filters.status}
        onChange=${change('status')}
        options=${[['', 'Tất cả'], ...['submitted', 'returned', 'approved', 'draft'].map((s) => [s, STATUS_LABELS[s]])]}
      />
      <${Select} id="loc-tre-han" label="Hạn nộp" value=${filters.late} onChange=${change('late')} options=${[['', 'Tất cả'], ['true', 'Nộp trễ hạn'], ['false', 'Nộp đúng hạn']]} />
      <${Select}
        id="loc-bien-dong"
        label="Biến động so với kỳ trước, cùng kỳ năm trước"
        value=${filters.flagged}
        onChange=${change('flagged')}
        options=${[['', 'Tất cả'], ['true', 'Có biến động lớn'], ['false', 'Không có biến động lớn']]}
      />
      <${Select}
        id="sap-xep"
        label="Sắp xếp"
        value=${filters.sort}
        onChange=${change('sort')}
        options=${[['', 'Nộp sớm nhất trước'], ['-submittedAt', 'Nộp gần đây nhất trước'], ['unitCode', 'Theo mã đơn vị']]}
      />
    </form>
    <${Loaded} state=${list}>
      ${(data) => html`
        <p role="status">${data.total === 0 ? 'Không có báo cáo nào khớp bộ lọc.' : `${data.total} báo cáo.`}</p>
        ${data.items.length > 0 &&
        html`<${TableScroll} label="Danh sách báo cáo">
          <table class="table table--wide" data-testid="queue" data-query=${data.query}>
            <caption class="visually-hidden">Báo cáo theo bộ lọc đã chọn</caption>
            <thead>
              <tr>
                <th scope="col">Đơn vị</th><th scope="col">Nghĩa vụ</th><th scope="col">Kỳ</th><th scope="col">Trạng thái</th>
                <th scope="col">Nộp lúc</th><th scope="col">Hạn</th><th scope="col">Biến động</th><th scope="col" class="num">Số lần trả lại</th><th scope="col">Thao tác</th>
              </tr>
            </thead>
            <tbody>
              ${data.items.map(
                (item) => html`<tr data-unit=${item.unitCode}>
                  <td>${item.unitCode} · ${item.unitName}</td>
                  <td>${item.obligationCode}</td>
                  <td>${periodLabel(item.periodKey)}</td>
                  <td><${Tag} status=${item.status} /></td>
                  <td>${formatDateTime(item.submittedAt)}</td>
                  <td>${item.onTime === null ? '–' : item.onTime ? 'Đúng hạn' : `Trễ ${item.daysLate} ngày`}</td>
                  <td>${item.flagged ? html`<strong class="tag tag--returned">Biến động lớn</strong>` : '–'}</td>
                  <td class="num">${item.returnCount}</td>
                  <td><a href=${`/tham-dinh/${item.id}`}>${item.status === 'submitted' ? 'Thẩm định' : 'Xem'}<span class="visually-hidden"> báo cáo của ${item.unitName}</span></a></td>
                </tr>`,
              )}
            </tbody>
          </table>
        </${TableScroll}>`}
        <${Pager} page=${data.page} pageSize=${data.pageSize} total=${data.total} onPage=${(page) => setFilters({ ...filters, page })} />
      `}
    </${Loaded}>
  `;
}
