import type { NextFunction, Request, Response } from 'express';
import { WebSessionsService } from '../../auth/sessions/web-sessions.service';
import { AppError, forbidden } from '../../common/app-error';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPE_BASE, type ProblemDetails } from '../../common/problem';
import { requestIdOf } from '../../common/request-id';
import type { AdminTokenVerifier } from './admin-token';

export const QUEUE_BOARD_PATH = '/admin/queues';
// The dashboard is a browser page whose own requests carry no Authorization header: once a request
// with an admin bearer token succeeds, the token is kept in this HttpOnly, same-site-only cookie.
const COOKIE = 'baocao_queue_board';

function cookieToken(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

function sendProblem(request: Request, response: Response, error: AppError): void {
  const problem: ProblemDetails = {
    type: PROBLEM_TYPE_BASE + error.code.replace(/_/g, '-'),
    title: error.title,
    status: error.status,
    detail: error.detail,
    code: error.code,
    instance: request.originalUrl,
    requestId: requestIdOf(request as Request & { id?: unknown }),
  };
  if (error.status === 401) response.setHeader('WWW-Authenticate', 'Bearer');
  response.status(error.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * An administrator signed in to the web workspace (the admin page links here). bull-board's own
 * requests carry no CSRF token: its actions are accepted from our own origin only, and the
 * SameSite cookie is not sent by other sites' forms anyway.
 */
async function workspaceAdmin(sessions: WebSessionsService, request: Request): Promise<void> {
  const user = await sessions.authenticate({ method: 'GET', headers: request.headers, protocol: request.protocol });
  if (user.role !== 'admin') throw forbidden('Chỉ quản trị viên được xem bảng theo dõi hàng đợi.');
  if (!SAFE_METHODS.has(request.method)) sessions.assertSameOrigin(request);
}

/**
 * Express middleware in front of bull-board: administrators only, by bearer token (or the cookie it
 * sets), or by the workspace's session.
 */
export function queueBoardAuth(verifier: AdminTokenVerifier, sessions: WebSessionsService) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const token = bearer ?? cookieToken(request.headers.cookie);
    const fail = (error: unknown) => (error instanceof AppError ? sendProblem(request, response, error) : next(error));
    if (!token && WebSessionsService.hasSessionCookie(request)) {
      workspaceAdmin(sessions, request).then(() => next(), fail);
      return;
    }
    verifier.verify(token).then(
      (expiresAt) => {
        if (bearer) {
          const maxAge = Math.max(0, expiresAt - Math.floor(Date.now() / 1000));
          const secure = request.secure ? '; Secure' : '';
          response.setHeader('Set-Cookie', `${COOKIE}=${encodeURIComponent(bearer)}; Path=${QUEUE_BOARD_PATH}; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure}`);
        }
        next();
      },
      fail,
    );
  };
}
