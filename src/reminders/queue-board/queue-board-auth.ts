import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../../common/app-error';
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

/** Express middleware in front of bull-board: administrators only, by bearer token (or the cookie it sets). */
export function queueBoardAuth(verifier: AdminTokenVerifier) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const token = bearer ?? cookieToken(request.headers.cookie);
    verifier.verify(token).then(
      (expiresAt) => {
        if (bearer) {
          const maxAge = Math.max(0, expiresAt - Math.floor(Date.now() / 1000));
          const secure = request.secure ? '; Secure' : '';
          response.setHeader('Set-Cookie', `${COOKIE}=${encodeURIComponent(bearer)}; Path=${QUEUE_BOARD_PATH}; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure}`);
        }
        next();
      },
      (error: unknown) => (error instanceof AppError ? sendProblem(request, response, error) : next(error)),
    );
  };
}
