import type { AuthenticatedUser } from '../access/authenticated-user';
import type { UserRole } from '../access/roles';
import { PAGE_PATHS } from './page-links';

const EVERYONE: readonly UserRole[] = ['province_officer', 'ministry_reviewer', 'compliance_officer', 'admin'];
const MINISTRY: readonly UserRole[] = ['ministry_reviewer', 'compliance_officer', 'admin'];

/** Who may open a page that needs a session (Express paths; the same table as ROUTES in assets/main.js). */
export const SIGNED_IN_PAGES: Record<string, { roles: readonly UserRole[]; unitParam?: string }> = {
  [PAGE_PATHS.tasks]: { roles: ['province_officer', 'admin'] },
  '/bao-cao/:obligationCode/:periodKey/:unitId': { roles: EVERYONE, unitParam: 'unitId' },
  '/bien-nhan/:receiptId': { roles: EVERYONE },
  [PAGE_PATHS.reviewQueue]: { roles: MINISTRY },
  [`${PAGE_PATHS.reviewQueue}/:submissionId`]: { roles: MINISTRY },
  [PAGE_PATHS.compliance]: { roles: EVERYONE },
  [`${PAGE_PATHS.compliance}/:obligationCode/:periodKey`]: { roles: EVERYONE },
  [PAGE_PATHS.administration]: { roles: ['admin'] },
};

/**
 * Whether a signed-in user may open the page registered at `routePath`: its roles, and for a province
 * officer, a unit page of his own unit only. The page itself then shows why not (same shell, status 403).
 */
export function mayOpenPage(user: AuthenticatedUser, routePath: string, params: Record<string, string>): boolean {
  const rule = SIGNED_IN_PAGES[routePath];
  if (!rule || !rule.roles.includes(user.role)) return false;
  if (rule.unitParam && user.role === 'province_officer') return params[rule.unitParam] === user.unitId;
  return true;
}

/** Where each role lands after signing in (and when opening `/`). */
export const HOME_BY_ROLE: Record<UserRole, string> = {
  province_officer: PAGE_PATHS.tasks,
  ministry_reviewer: PAGE_PATHS.reviewQueue,
  compliance_officer: PAGE_PATHS.compliance,
  admin: PAGE_PATHS.administration,
};

/**
 * The `next` a sign-in may return to: a path of this site (not another host, not the API), else
 * nothing. `//host` and `/\host` are other sites to a browser.
 */
export function safeReturnPath(next: unknown): string | null {
  if (typeof next !== 'string' || next.length > 2000) return null;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (/^\/(api|assets)(\/|$)/.test(next) || /[\r\n]/.test(next)) return null;
  return next;
}

/** The sign-in page's address that comes back to `path` afterwards. */
export function signInPathFor(path: string, expired: boolean): string {
  const query = new URLSearchParams();
  const next = safeReturnPath(path);
  if (next && next !== '/') query.set('next', next);
  if (expired) query.set('het-han', '1');
  const text = query.toString();
  return text ? `${PAGE_PATHS.signIn}?${text}` : PAGE_PATHS.signIn;
}
