// Shared building blocks of the workspace pages (GOV.UK-style patterns, Vietnamese words).
import { messageOf, signOut } from './api.js';
import { ROLE_LABELS, STATUS_LABELS } from './format.js';
import { html, useCallback, useEffect, useRef, useState } from './html.js';

export const SERVICE_NAME = 'Hệ thống báo cáo định kỳ';

const NAV_BY_ROLE = {
  province_officer: [['/viec-can-lam', 'Việc cần làm'], ['/theo-doi', 'Tình hình nộp']],
  ministry_reviewer: [['/tham-dinh', 'Thẩm định'], ['/theo-doi', 'Theo dõi tiến độ']],
  compliance_officer: [['/theo-doi', 'Theo dõi tiến độ'], ['/tham-dinh', 'Báo cáo đã nộp']],
  admin: [['/quan-tri', 'Quản trị'], ['/tham-dinh', 'Thẩm định'], ['/theo-doi', 'Theo dõi tiến độ'], ['/viec-can-lam', 'Việc cần làm']],
};

/** Sets the browser tab's title: where the user is, then the service. */
export function useTitle(title) {
  useEffect(() => {
    document.title = title ? `${title} — ${SERVICE_NAME}` : SERVICE_NAME;
  }, [title]);
}

/** Loads data for a page; `reload` fetches again. Only the latest load's answer is shown (filters change faster than answers come). */
export function useLoad(load, deps = []) {
  const [state, setState] = useState({ loading: true, data: null, error: null });
  const latest = useRef(0);
  const run = useCallback(() => {
    const ticket = ++latest.current;
    setState((previous) => ({ ...previous, loading: true, error: null }));
    return load().then(
      (data) => ticket === latest.current && setState({ loading: false, data, error: null }),
      (error) => ticket === latest.current && setState({ loading: false, data: null, error }),
    );
  }, deps);
  useEffect(() => {
    run();
  }, [run]);
  return { ...state, reload: run };
}

export function Layout({ session, children }) {
  const user = session?.user;
  const path = location.pathname;
  const links = user ? NAV_BY_ROLE[user.role] ?? [] : [];
  const [leaving, setLeaving] = useState(false);
  const leave = async () => {
    setLeaving(true);
    try {
      await signOut();
    } finally {
      location.assign('/dang-nhap?da-dang-xuat=1');
    }
  };
  return html`
    <a class="skip-link" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
    <header class="site-header">
      <div class="site-header__inner">
        <a class="site-name" href="/">${SERVICE_NAME}</a>
        ${user &&
        html`<div class="account">
          <span class="account__who"><strong>${user.fullName}</strong> · ${ROLE_LABELS[user.role]}${user.unitName ? html` · ${user.unitName}` : ''}</span>
          <button type="button" class="button button--link" onClick=${leave} disabled=${leaving}>Đăng xuất</button>
        </div>`}
      </div>
      ${links.length > 0 &&
      html`<nav class="site-nav" aria-label="Các trang chính">
        <ul>
          ${links.map(
            ([href, label]) => html`<li><a href=${href} aria-current=${path === href || path.startsWith(`${href}/`) ? 'page' : undefined}>${label}</a></li>`,
          )}
        </ul>
      </nav>`}
    </header>
    <main id="noi-dung" class="page" tabindex="-1">${children}</main>
    <footer class="site-footer"><p>${SERVICE_NAME} · Giờ hiển thị theo giờ Việt Nam (GMT+7)</p></footer>
  `;
}

/** Error summary at the top of a form: "Có 2 lỗi cần sửa", each linking to its field. Takes focus when shown. */
export function ErrorSummary({ title, items }) {
  const box = useRef(null);
  useEffect(() => {
    if (items.length > 0) box.current?.focus();
  }, [items.map((item) => item.text).join('|')]);
  if (items.length === 0) return null;
  return html`
    <div class="error-summary" role="alert" tabindex="-1" ref=${box} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">${title ?? (items.length === 1 ? 'Có 1 lỗi cần sửa' : `Có ${items.length} lỗi cần sửa`)}</h2>
      <ul>
        ${items.map((item) => html`<li>${item.href ? html`<a href=${item.href}>${item.text}</a>` : item.text}</li>`)}
      </ul>
    </div>
  `;
}

/** A sentence about an error, saying what to do. */
export function ErrorMessage({ error, children }) {
  if (!error && !children) return null;
  return html`<div class="notice notice--error" role="alert"><p>${children ?? messageOf(error)}</p></div>`;
}

export function Notice({ kind = 'info', title, children }) {
  return html`<div class=${`notice notice--${kind}`} role=${kind === 'success' ? 'status' : undefined}>
    ${title && html`<h2 class="notice__title">${title}</h2>`} ${children}
  </div>`;
}

export function Loading({ text = 'Đang tải dữ liệu…' }) {
  return html`<p class="muted" role="status">${text}</p>`;
}

/** The page's data, or a sentence saying why it is not there. */
export function Loaded({ state, children }) {
  if (state.error) return html`<${ErrorMessage} error=${state.error} />`;
  if (state.loading && !state.data) return html`<${Loading} />`;
  return children(state.data);
}

export function Tag({ status, children }) {
  return html`<strong class=${`tag tag--${status}`}>${children ?? STATUS_LABELS[status] ?? status}</strong>`;
}

export function Field({ id, label, hint, error, children }) {
  return html`
    <div class=${`field${error ? ' field--error' : ''}`}>
      <label for=${id} class="field__label">${label}</label>
      ${hint && html`<p class="field__hint" id=${`${id}-hint`}>${hint}</p>`}
      ${error && html`<p class="field__error" id=${`${id}-error`}><span class="visually-hidden">Lỗi: </span>${error}</p>`}
      ${children}
    </div>
  `;
}

/** aria-describedby for an input inside Field. */
export function describedBy(id, { hint, error }) {
  return [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
}

export function TextInput({ id, label, hint, error, value, onInput, type = 'text', width, ...rest }) {
  return html`<${Field} id=${id} label=${label} hint=${hint} error=${error}>
    <input
      id=${id}
      name=${id}
      type=${type}
      class=${`input${width ? ` input--${width}` : ''}`}
      value=${value}
      onInput=${(event) => onInput(event.currentTarget.value)}
      aria-describedby=${describedBy(id, { hint, error })}
      aria-invalid=${error ? 'true' : undefined}
      ...${rest}
    />
  </${Field}>`;
}

export function TextArea({ id, label, hint, error, value, onInput, rows = 3, ...rest }) {
  return html`<${Field} id=${id} label=${label} hint=${hint} error=${error}>
    <textarea
      id=${id}
      name=${id}
      class="textarea"
      rows=${rows}
      value=${value}
      onInput=${(event) => onInput(event.currentTarget.value)}
      aria-describedby=${describedBy(id, { hint, error })}
      aria-invalid=${error ? 'true' : undefined}
      ...${rest}
    ></textarea>
  </${Field}>`;
}

export function Select({ id, label, hint, error, value, onChange, options, ...rest }) {
  return html`<${Field} id=${id} label=${label} hint=${hint} error=${error}>
    <select
      id=${id}
      name=${id}
      class="select"
      value=${value}
      onChange=${(event) => onChange(event.currentTarget.value)}
      aria-describedby=${describedBy(id, { hint, error })}
      ...${rest}
    >
      ${options.map(([optionValue, text]) => html`<option value=${optionValue} selected=${optionValue === value}>${text}</option>`)}
    </select>
  </${Field}>`;
}

/** GOV.UK "summary list": label and value rows. */
export function SummaryList({ rows }) {
  return html`<dl class="summary-list">
    ${rows.filter(Boolean).map(([label, value]) => html`<div class="summary-list__row"><dt>${label}</dt><dd>${value}</dd></div>`)}
  </dl>`;
}

export function Pager({ page, pageSize, total, onPage }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return html`<nav class="pager" aria-label="Phân trang">
    <button type="button" class="button button--secondary" disabled=${page <= 1} onClick=${() => onPage(page - 1)}>Trang trước</button>
    <span>Trang ${page}/${pages}</span>
    <button type="button" class="button button--secondary" disabled=${page >= pages} onClick=${() => onPage(page + 1)}>Trang sau</button>
  </nav>`;
}

/** A table that scrolls sideways on a narrow screen; the region can be reached by keyboard. */
export function TableScroll({ label, children }) {
  return html`<div class="table-scroll" role="region" aria-label=${label} tabindex="0">${children}</div>`;
}
