/**
 * Addresses of the web workspace's pages, for e-mails and redirects. Every link a person receives
 * opens one of these (through sign-in when needed), never an `/api/` address.
 */
const segment = encodeURIComponent;

export const PAGE_PATHS = {
  signIn: '/dang-nhap',
  tasks: '/viec-can-lam',
  reviewQueue: '/tham-dinh',
  compliance: '/theo-doi',
  administration: '/quan-tri',
} as const;

/** The officer's page for one report: upload or web form, validation report, submit, versions, review outcome. */
export function submissionPagePath(obligationCode: string, periodKey: string, unitId: string): string {
  return `/bao-cao/${segment(obligationCode)}/${segment(periodKey)}/${segment(unitId)}`;
}

/** A reviewer's page for one submission. */
export function reviewPagePath(submissionId: string): string {
  return `${PAGE_PATHS.reviewQueue}/${segment(submissionId)}`;
}

/** The compliance view of one obligation and period. */
export function compliancePagePath(obligationCode: string, periodKey: string): string {
  return `${PAGE_PATHS.compliance}/${segment(obligationCode)}/${segment(periodKey)}`;
}

/** The printable receipt of record. */
export function receiptPagePath(receiptId: string): string {
  return `/bien-nhan/${segment(receiptId)}`;
}

/** `path` under the service's public address (PUBLIC_URL). */
export function pageUrl(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${path}`;
}
