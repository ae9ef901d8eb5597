// The compliance dashboard: log in, pick an obligation and a period, see completion.
import { ApiError, download, getJson, login, session } from './api.js';
import { formatDate } from './format.js';
import { renderCompletion, renderTrend, renderUnits } from './render.js';

const $ = (selector) => document.querySelector(selector);
const PERIOD_HISTORY_YEARS = 3;

function option(value, text) {
  const element = document.createElement('option');
  element.value = value;
  element.textContent = text;
  return element;
}

function showError(error) {
  if (error instanceof ApiError && error.status === 401) {
    session.clear();
    showLogin('Phiên đăng nhập đã hết hạn; hãy đăng nhập lại.');
    return;
  }
  const message = error instanceof ApiError && error.status === 403 ? 'Tài khoản này không có quyền xem số liệu toàn quốc.' : error.message;
  $('#board-error').textContent = message;
}

function showLogin(message = '') {
  $('#board').hidden = true;
  $('#session').hidden = true;
  $('#login').hidden = false;
  $('#login-error').textContent = message;
  $('#email').focus();
}

async function showBoard() {
  $('#login').hidden = true;
  $('#session').hidden = false;
  $('#user-email').textContent = session.email() ?? '';
  $('#board').hidden = false;
  try {
    await loadObligations();
  } catch (error) {
    showError(error);
  }
}

async function loadObligations() {
  const { items } = await getJson('/api/v1/obligations');
  $('#obligation').replaceChildren(...items.map((o) => option(o.code, `${o.code} — ${o.title}`)));
  await loadPeriods();
}

/** Periods from a few years back to today, newest first; the latest whose deadline has come is chosen. */
async function loadPeriods() {
  const code = $('#obligation').value;
  const today = new Date().toISOString().slice(0, 10);
  const from = `${Number(today.slice(0, 4)) - PERIOD_HISTORY_YEARS}-01-01`;
  const { items } = await getJson(`/api/v1/obligations/${encodeURIComponent(code)}/periods?from=${from}&to=${today}`);
  const periods = [...items].reverse();
  $('#period').replaceChildren(...periods.map((p) => option(p.key, `${p.label} (hạn ${formatDate(p.dueDate)})`)));
  const due = periods.find((p) => p.status === 'overdue' || p.status === 'due');
  if (due) $('#period').value = due.key;
  await loadFigures();
}

async function loadFigures() {
  const code = encodeURIComponent($('#obligation').value);
  const period = $('#period').value;
  if (!code || !period) return;
  $('#board-error').textContent = '';
  $('#loading').hidden = false;
  document.body.dataset.state = 'loading';
  try {
    const base = `/api/v1/compliance/obligations/${code}`;
    const [completion, units, trend] = await Promise.all([
      getJson(`${base}/periods/${period}`),
      getJson(`${base}/periods/${period}/units`),
      getJson(`${base}/trend?to=${period}`),
    ]);
    renderCompletion(completion);
    renderUnits(units);
    renderTrend(trend, period);
    $('#content').hidden = false;
    document.body.dataset.state = 'ready';
    document.body.dataset.shown = `${$('#obligation').value}/${period}`;
  } catch (error) {
    document.body.dataset.state = 'error';
    showError(error);
  } finally {
    $('#loading').hidden = true;
  }
}

function wire() {
  $('#login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('#login-error').textContent = '';
    try {
      await login($('#email').value.trim(), $('#password').value);
      $('#password').value = '';
      await showBoard();
    } catch (error) {
      $('#login-error').textContent = error instanceof ApiError && error.status === 401 ? 'Sai thư điện tử hoặc mật khẩu.' : error.message;
    }
  });
  $('#logout').addEventListener('click', () => {
    session.clear();
    showLogin();
  });
  $('#obligation').addEventListener('change', () => loadPeriods().catch(showError));
  $('#period').addEventListener('change', () => loadFigures());
  $('#filters').addEventListener('submit', (event) => event.preventDefault());
  for (const button of document.querySelectorAll('[data-export]')) {
    button.addEventListener('click', () => {
      const code = encodeURIComponent($('#obligation').value);
      download(`/api/v1/compliance/obligations/${code}/periods/${$('#period').value}/units/export?format=${button.dataset.export}`).catch(showError);
    });
  }
}

wire();
if (session.token()) showBoard();
else showLogin();
