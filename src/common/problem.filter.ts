import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppError, RetryLaterError } from './app-error';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPE_BASE, ProblemDetails } from './problem';
import { requestIdOf } from './request-id';
import { isUnavailableDependency } from './unavailable-dependency';

const TITLES: Record<number, [string, string]> = {
  400: ['bad_request', 'Yêu cầu không hợp lệ'],
  401: ['unauthorized', 'Chưa đăng nhập'],
  403: ['forbidden', 'Không có quyền'],
  404: ['not_found', 'Không tìm thấy'],
  405: ['method_not_allowed', 'Phương thức không được hỗ trợ'],
  406: ['not_acceptable', 'Định dạng phản hồi không được hỗ trợ'],
  409: ['conflict', 'Xung đột trạng thái'],
  413: ['payload_too_large', 'Dữ liệu gửi lên quá lớn'],
  415: ['unsupported_media_type', 'Định dạng tệp không được hỗ trợ'],
  422: ['validation_failed', 'Dữ liệu không hợp lệ'],
  429: ['too_many_requests', 'Quá nhiều yêu cầu'],
  503: ['service_unavailable', 'Dịch vụ tạm thời không sẵn sàng'],
};

const RETRY_AFTER_UNAVAILABLE_SECONDS = 5;
/** An HTML page to answer a 404 with instead of problem+json (a person's browser), or null. */
export type NotFoundPage = (request: Request) => string | null;

/** Maps every failure to RFC 9457 problem+json; unexpected errors become a logged 500 without internals. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  constructor(private readonly notFoundPage?: NotFoundPage) {}

  catch(thrown: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: unknown }>();
    const response = http.getResponse<Response>();
    const exception = isUnavailableDependency(thrown) ? this.unavailable(thrown, requestIdOf(request)) : thrown;
    const problem = this.toProblem(exception, request);
    if (problem.status >= 500 && problem.status !== 503) {
      this.logger.error({ err: exception, requestId: problem.requestId }, 'Unhandled error');
    }
    if (response.headersSent) return;
    if (exception instanceof RetryLaterError) response.setHeader('Retry-After', String(Math.max(1, Math.ceil(exception.retryAfterSeconds))));
    const page = problem.status === 404 ? this.notFoundPage?.(request) : null;
    if (page) {
      response.status(404).type('html').send(page);
      return;
    }
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  /** PostgreSQL or Redis is down or restarting: the request may be sent again in a moment. */
  private unavailable(cause: unknown, requestId: string): RetryLaterError {
    this.logger.warn({ err: cause, requestId }, 'A dependency is unavailable; answered 503');
    return new RetryLaterError(
      503,
      'service_unavailable',
      TITLES[503][1],
      'Cơ sở dữ liệu hoặc hàng đợi tạm thời không kết nối được; hãy gửi lại yêu cầu sau ít giây.',
      RETRY_AFTER_UNAVAILABLE_SECONDS,
    );
  }

  private toProblem(exception: unknown, request: Request & { id?: unknown }): ProblemDetails {
    const base = { instance: request.originalUrl ?? request.url, requestId: requestIdOf(request) };
    if (exception instanceof AppError) {
      // Extensions come first so that they can never override the standard members.
      return {
        ...exception.extensions,
        type: PROBLEM_TYPE_BASE + exception.code.replace(/_/g, '-'),
        title: exception.title,
        status: exception.status,
        detail: exception.detail,
        code: exception.code,
        ...base,
        ...(exception.errors ? { errors: exception.errors } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const malformed = exception.cause instanceof SyntaxError;
      const [code, title] = malformed ? ['malformed_body', TITLES[400][1]] : (TITLES[status] ?? ['http_error', exception.message]);
      return {
        type: PROBLEM_TYPE_BASE + code.replace(/_/g, '-'),
        title,
        status,
        detail: malformed ? 'Nội dung JSON không đọc được; hãy kiểm tra cú pháp.' : this.detailOf(exception, status),
        code,
        ...base,
        ...this.extensionsOf(exception),
      };
    }
    return {
      type: PROBLEM_TYPE_BASE + 'internal-error',
      title: 'Lỗi hệ thống',
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      detail: 'Đã xảy ra lỗi không mong muốn; hãy thử lại hoặc báo quản trị viên kèm mã yêu cầu.',
      code: 'internal_error',
      ...base,
    };
  }

  private detailOf(exception: HttpException, status: number): string | undefined {
    if (status === 404) return 'Không có tài nguyên nào ở địa chỉ này.';
    if (status === 429) return 'Bạn đã thử quá nhiều lần; hãy đợi một phút rồi thử lại.';
    const body = exception.getResponse();
    if (typeof body === 'string') return body;
    const message = (body as { message?: unknown }).message;
    return Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : undefined;
  }

  /** Health checks carry their per-component results. */
  private extensionsOf(exception: HttpException): Record<string, unknown> {
    const body = exception.getResponse();
    if (typeof body === 'object' && body !== null && 'details' in body) {
      return { checks: (body as { details: unknown }).details };
    }
    return {};
  }
}
