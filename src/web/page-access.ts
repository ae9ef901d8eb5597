import type { UserRole } from '../users/user.entity';
import { PAGE_PATHS } from './page-links';

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
