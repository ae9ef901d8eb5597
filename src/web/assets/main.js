// Boots the workspace: who is signed in, which page this address is, then that page.
import { currentSession, messageOf, useCsrfToken } from './api.js';
import { html, render } from './html.js';
import { AdminPage } from './page-admin.js';
import { CompliancePage } from './page-compliance.js';
import { ReceiptPage } from './page-receipt.js';
import { ReportPage } from './page-report.js';
import { ReviewQueuePage } from './page-review-queue.js';
import { ReviewPage } from './page-review.js';
import { SignInPage } from './page-sign-in.js';
import { TasksPage } from './page-tasks.js';
import { Layout, Notice, useTitle } from './ui.js';

const EVERYONE = ['province_officer', 'ministry_reviewer', 'compliance_officer', 'admin'];
const MINISTRY = ['ministry_reviewer', 'compliance_officer', 'admin'];

/** Page addresses (as in src/web/page-links.ts), who may open each, and the page. */
const ROUTES = [
  { pattern: /^\/viec-can-lam$/, roles: ['province_officer', 'admin'], page: TasksPage },
  { pattern: /^\/bao-cao\/([^/]+)\/([^/]+)\/([^/]+)$/, roles: EVERYONE, page: ReportPage, params: ['obligationCode', 'periodKey', 'unitId'] },
  { pattern: /^\/bien-nhan\/([^/]+)$/, roles: EVERYONE, page: ReceiptPage, params: ['receiptId'] },
  { pattern: /^\/tham-dinh$/, roles: MINISTRY, page: ReviewQueuePage },
  { pattern: /^\/tham-dinh\/([^/]+)$/, roles: MINISTRY, page: ReviewPage, params: ['submissionId'] },
  { pattern: /^\/theo-doi$/, roles: EVERYONE, page: CompliancePage },
  { pattern: /^\/theo-doi\/([^/]+)\/([^/]+)$/, roles: EVERYONE, page: CompliancePage, params: ['obligationCode', 'periodKey'] },
  { pattern: /^\/quan-tri$/, roles: ['admin'], page: AdminPage },
];

function NoAccess() {
  useTitle('Không có quyền xem trang này');
  return html`<h1>Không có quyền xem trang này</h1>
    <p>Tài khoản của bạn không dùng được trang này. Hãy <a href="/">về trang chính của bạn</a>; nếu bạn cần quyền này, hãy liên hệ quản trị viên.</p>`;
}

function Failure({ error }) {
  useTitle('Không mở được trang');
  return html`<h1>Không mở được trang</h1><${Notice} kind="error"><p>${messageOf(error)}</p></${Notice}>`;
}

function match(path) {
  for (const route of ROUTES) {
    const found = route.pattern.exec(path);
    if (found) return { route, params: Object.fromEntries((route.params ?? []).map((name, i) => [name, decodeURIComponent(found[i + 1])])) };
  }
  return null;
}

async function start() {
  const root = document.getElementById('app');
  if (location.pathname === '/dang-nhap') {
    render(html`<${Layout} session=${null}><${SignInPage} /></${Layout}>`, root);
    return;
  }
  let session;
  try {
    session = await currentSession();
  } catch (error) {
    render(html`<${Layout} session=${null}><${Failure} error=${error} /></${Layout}>`, root);
    return;
  }
  if (!session) {
    location.assign(`/dang-nhap?next=${encodeURIComponent(location.pathname + location.search)}&het-han=1`);
    return;
  }
  useCsrfToken(session.csrfToken);
  const found = match(location.pathname);
  const Page = !found ? NoAccess : found.route.roles.includes(session.user.role) ? found.route.page : NoAccess;
  render(html`<${Layout} session=${session}><${Page} session=${session} ...${found?.params ?? {}} /></${Layout}>`, root);
}

start();
