import type { UserRole } from '../../../src/access/roles';

const OFFICER: UserRole = 'province_officer';
const REVIEWER: UserRole = 'ministry_reviewer';
const COMPLIANCE: UserRole = 'compliance_officer';
const ADMIN: UserRole = 'admin';
const EVERY_ROLE = [OFFICER, REVIEWER, COMPLIANCE, ADMIN];
const MINISTRY = [REVIEWER, COMPLIANCE, ADMIN];

/** Who may call a route, and what an allowed call of the matrix's sample request answers. */
export interface AccessRule {
  /** `anyone`: no token needed; otherwise the roles allowed (the others get 403). */
  allow: 'anyone' | readonly UserRole[];
  /** The route addresses one unit's data: a province officer gets 403 for any unit but his own. */
  ownUnitOnly?: true;
  /** A list or export: a province officer's answer must not mention any other unit. */
  ownRowsOnly?: true;
  /**
   * The status of an allowed sample call: 200 for a read by default. Writes are sent with an empty
   * body, so that an allowed call stops at validation (422) and the matrix changes nothing.
   */
  allowed?: number;
  /**
   * A page of the web workspace: it needs a session cookie (a bearer token or none: 302 to sign-in);
   * a session of a role not listed (or an officer on another unit's page) gets 403.
   */
  page?: true;
}

const read = (allow: AccessRule['allow'], extra: Omit<AccessRule, 'allow'> = {}): AccessRule => ({ allow, ...extra });
const write = (allow: AccessRule['allow'], extra: Omit<AccessRule, 'allow'> = {}): AccessRule => ({ allow, allowed: 422, ...extra });
const page = (allow: readonly UserRole[], extra: Omit<AccessRule, 'allow' | 'page'> = {}): AccessRule => ({ allow, page: true, ...extra });

const SUBMISSION = '/api/v1/obligations/{code}/periods/{periodKey}/units/{unitId}/submission';

/**
 * The access policy, route by route (README, "Roles"). Keys are `METHOD path` as the OpenAPI
 * document writes paths; `ALL path` is a router mounted there. Every route the application
 * registers needs an entry: the matrix test fails on a route without one, and on an entry
 * without a route. Pages of the web workspace get theirs here when they arrive.
 */
export const ACCESS_RULES: Record<string, AccessRule> = {
  'POST /api/v1/auth/login': write('anyone'),
  'POST /api/v1/auth/session': write('anyone'),
  'GET /api/v1/auth/session': read(EVERY_ROLE),
  // Signing out needs no session; the matrix signs each session caller out of a session of its own.
  'DELETE /api/v1/auth/session': read('anyone', { allowed: 204 }),
  'GET /health': read('anyone'),
  'GET /health/ready': read('anyone'),

  'GET /api/v1/users': read([ADMIN]),
  'POST /api/v1/users': write([ADMIN]),
  'PUT /api/v1/users/{userId}/password': write([ADMIN]),
  'PATCH /api/v1/users/{userId}/status': write([ADMIN]),

  'GET /api/v1/units': read(EVERY_ROLE),
  'POST /api/v1/units/mergers': write([ADMIN]),
  'GET /api/v1/units/{unitId}': read(EVERY_ROLE),
  'GET /api/v1/units/{unitId}/contacts': read(EVERY_ROLE, { ownUnitOnly: true }),
  'GET /api/v1/units/{unitId}/tasks': read(EVERY_ROLE, { ownUnitOnly: true }),
  'PUT /api/v1/units/{unitId}/contacts': write([OFFICER, ADMIN], { ownUnitOnly: true }),

  'GET /api/v1/calendar/{year}': read(EVERY_ROLE),
  'PUT /api/v1/calendar/overrides/{date}': write([ADMIN]),
  // Nothing to delete on the sample date: an allowed call finds no override.
  'DELETE /api/v1/calendar/overrides/{date}': read([ADMIN], { allowed: 404 }),

  'GET /api/v1/obligations': read(EVERY_ROLE),
  'POST /api/v1/obligations': write([ADMIN]),
  'GET /api/v1/obligations/{code}': read(EVERY_ROLE),
  'PATCH /api/v1/obligations/{code}': write([ADMIN]),
  'POST /api/v1/obligations/{code}/retire': write([ADMIN]),
  'PUT /api/v1/obligations/{code}/bodies': write([ADMIN]),
  'POST /api/v1/obligations/{code}/periods/{periodKey}/backfill': write([COMPLIANCE, ADMIN]),
  'GET /api/v1/obligations/{code}/periods': read(EVERY_ROLE),
  'GET /api/v1/obligations/{code}/periods/{periodKey}/schema': read(EVERY_ROLE),
  'GET /api/v1/obligations/{code}/schemas': read(EVERY_ROLE),
  'POST /api/v1/obligations/{code}/schemas': write([ADMIN]),
  'GET /api/v1/obligations/{code}/schemas/{version}': read(EVERY_ROLE),
  'PUT /api/v1/obligations/{code}/schemas/{version}': write([ADMIN]),
  'GET /api/v1/obligations/{code}/schemas/{version}/template.xlsx': read(EVERY_ROLE),
  'GET /api/v1/obligations/{code}/units/{unitId}/trend': read(EVERY_ROLE, { ownUnitOnly: true }),

  [`GET ${SUBMISSION}`]: read(EVERY_ROLE, { ownUnitOnly: true }),
  [`POST ${SUBMISSION}/versions`]: write([OFFICER, ADMIN], { ownUnitOnly: true }),
  [`GET ${SUBMISSION}/versions`]: read(EVERY_ROLE, { ownUnitOnly: true }),
  [`GET ${SUBMISSION}/versions/{number}`]: read(EVERY_ROLE, { ownUnitOnly: true }),
  [`GET ${SUBMISSION}/versions/{number}/file`]: read(EVERY_ROLE, { ownUnitOnly: true }),
  // The sample version has no issues: an allowed call is told there is nothing to mark.
  [`GET ${SUBMISSION}/versions/{number}/annotated.xlsx`]: read(EVERY_ROLE, { ownUnitOnly: true, allowed: 422 }),
  [`GET ${SUBMISSION}/versions/{number}/rows`]: read(EVERY_ROLE, { ownUnitOnly: true }),
  [`GET ${SUBMISSION}/diff`]: read(EVERY_ROLE, { ownUnitOnly: true }),
  // The sample reports are submitted already: an allowed call is told so.
  [`POST ${SUBMISSION}/submit`]: write([OFFICER, ADMIN], { ownUnitOnly: true, allowed: 409 }),

  'GET /api/v1/submissions': read(EVERY_ROLE, { ownRowsOnly: true }),
  'GET /api/v1/submissions/{id}/review': read(EVERY_ROLE, { ownUnitOnly: true }),
  'POST /api/v1/submissions/{id}/decisions': write([REVIEWER, ADMIN]),
  'POST /api/v1/submissions/{id}/reopen': write([ADMIN]),
  'GET /api/v1/submissions/{id}/history': read(EVERY_ROLE, { ownUnitOnly: true }),

  'POST /api/v1/lock-exceptions': write([REVIEWER, ADMIN]),
  'POST /api/v1/lock-exceptions/bulk': write([REVIEWER, ADMIN]),
  'GET /api/v1/lock-exceptions': read(MINISTRY),

  // A list: another unit's submission lists nothing for an officer.
  'GET /api/v1/receipts': read(EVERY_ROLE, { ownRowsOnly: true }),
  'GET /api/v1/receipts/public-key': read(EVERY_ROLE),
  'POST /api/v1/receipts/verify': write(EVERY_ROLE),
  'GET /api/v1/receipts/{id}': read(EVERY_ROLE, { ownUnitOnly: true }),
  'GET /api/v1/receipts/{id}/print': read(EVERY_ROLE, { ownUnitOnly: true }),
  'GET /api/v1/receipts/{id}/verify': read(EVERY_ROLE, { ownUnitOnly: true }),

  'GET /api/v1/compliance/obligations/{code}/periods/{periodKey}': read(MINISTRY),
  'GET /api/v1/compliance/obligations/{code}/periods/{periodKey}/units': read(MINISTRY),
  'GET /api/v1/compliance/obligations/{code}/periods/{periodKey}/units/export': read(MINISTRY),
  'GET /api/v1/compliance/obligations/{code}/periods/{periodKey}/owing': read(MINISTRY),
  'GET /api/v1/compliance/obligations/{code}/trend': read(MINISTRY),
  'GET /api/v1/compliance/periods/{periodKey}': read(MINISTRY),
  'GET /api/v1/compliance/obligations/{code}/matrix': read(EVERY_ROLE, { ownRowsOnly: true }),
  'GET /api/v1/compliance/obligations/{code}/matrix/export': read(EVERY_ROLE, { ownRowsOnly: true }),
  'GET /api/v1/compliance/periods/{periodKey}/matrix': read(EVERY_ROLE, { ownRowsOnly: true }),
  'GET /api/v1/compliance/periods/{periodKey}/matrix/export': read(EVERY_ROLE, { ownRowsOnly: true }),
  'GET /api/v1/compliance/obligations/{code}/periods/{periodKey}/aggregates': read(MINISTRY),
  'GET /api/v1/compliance/obligations/{code}/periods/{periodKey}/aggregates/export': read(MINISTRY),

  'GET /api/v1/audit': read([COMPLIANCE, ADMIN]),
  'GET /api/v1/reminders': read([COMPLIANCE, ADMIN]),
  'GET /api/v1/reminders/deliveries': read([COMPLIANCE, ADMIN]),
  'POST /api/v1/reminders/remind-now': write([COMPLIANCE, ADMIN]),

  // The web workspace (outside the OpenAPI document): `/` and the sign-in page send a session to its
  // home page; the pages need one; their scripts and libraries are public files.
  'GET /': read('anyone', { allowed: 302 }),
  'GET /dang-nhap': read('anyone'),
  'GET /viec-can-lam': page([OFFICER, ADMIN]),
  'GET /bao-cao/{obligationCode}/{periodKey}/{unitId}': page(EVERY_ROLE, { ownUnitOnly: true }),
  'GET /bien-nhan/{receiptId}': page(EVERY_ROLE),
  'GET /tham-dinh': page(MINISTRY),
  'GET /tham-dinh/{submissionId}': page(MINISTRY),
  'GET /theo-doi': page(EVERY_ROLE),
  'GET /theo-doi/{obligationCode}/{periodKey}': page(EVERY_ROLE),
  'GET /quan-tri': page([ADMIN]),
  'GET /assets/app/{name}': read('anyone'),
  'GET /assets/vendor/{name}': read('anyone'),
  // The compliance dashboard's former address.
  'GET /dashboard': read('anyone', { allowed: 301 }),
  // Outside the OpenAPI document.
  'ALL /admin/queues': read([ADMIN]),
  'GET /api/docs': read('anyone'),
  'GET /api/docs/': read('anyone'),
  'GET /api/docs/index.html': read('anyone'),
  'GET /api/docs/swagger-ui-init.js': read('anyone'),
  'GET /api/docs/docs/swagger-ui-init.js': read('anyone'),
  // swagger-ui registers it, but the package it serves from ships no such file.
  'GET /api/docs/LICENSE': read('anyone', { allowed: 404 }),
  'GET /api/docs-json': read('anyone'),
  'GET /api/docs-yaml': read('anyone'),
  'ALL /api/docs': read('anyone'),
  'ALL /api/docs/docs': read('anyone'),
};

/** The request the matrix sends to a router mounted at a path (a page it serves). */
export const MOUNT_SAMPLES: Record<string, string> = {
  '/admin/queues': '/admin/queues',
  '/api/docs': '/api/docs/swagger-ui.css',
  '/api/docs/docs': '/api/docs/docs/swagger-ui.css',
};
