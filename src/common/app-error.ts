import { ProblemFieldError } from './problem';
import type { ProblemCode } from './problem-codes';

/**
 * A domain failure with its HTTP meaning. Services throw these; the problem filter maps them
 * once to application/problem+json.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: ProblemFieldError[],
    readonly extensions?: Record<string, unknown>,
  ) {
    super(detail ?? title);
    this.name = 'AppError';
  }
}

export const notFound = (what: string, id: string) =>
  new AppError(404, 'not_found', 'Không tìm thấy', `Không tìm thấy ${what} "${id}".`);

export const forbidden = (detail = 'Bạn không có quyền thực hiện thao tác này.') =>
  new AppError(403, 'forbidden', 'Không có quyền', detail);

export const conflict = (code: ProblemCode, detail: string, extensions?: Record<string, unknown>) =>
  new AppError(409, code, 'Xung đột trạng thái', detail, undefined, extensions);

export const unprocessable = (code: ProblemCode, detail: string, errors?: ProblemFieldError[]) =>
  new AppError(422, code, 'Dữ liệu không hợp lệ', detail, errors);

/** A failure the client may retry after a while; the problem filter sends `Retry-After` (seconds). */
export class RetryLaterError extends AppError {
  constructor(
    status: 429 | 503,
    code: ProblemCode,
    title: string,
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super(status, code, title, detail);
    this.name = 'RetryLaterError';
  }
}
