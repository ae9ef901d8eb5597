import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppError, RetryLaterError } from './app-error';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPE_BASE, ProblemDetails } from './problem';
import type { ProblemCode } from './problem-codes';
import { requestIdOf } from './request-id';
import { isUnavailableDependency } from './unavailable-dependency';
import { isVietnamese } from './vietnamese-text';

/** Code, title and the detail said when the framework's own message is in English. */
const BY_STATUS: Record<number, [ProblemCode, string, string]> = {
  400: ['bad_request', 'Yêu cầu không hợp lệ', 'Yêu cầu không hợp lệ: tham số hoặc nội dung gửi lên không đúng dạng.'],
  401: ['unauthorized', 'Chưa đăng nhập', 'Hãy đăng nhập để dùng chức năng này.'],
  403: ['forbidden', 'Không có quyền', 'Bạn không có quyền thực hiện thao tác này.'],
  404: ['not_found', 'Không tìm thấy', 'Không có tài nguyên nào ở địa chỉ này.'],
  405: ['method_not_allowed', 'Phương thức không được hỗ trợ', 'Địa chỉ này không nhận phương thức HTTP đã dùng.'],
  406: ['not_acceptable', 'Định dạng phản hồi không được hỗ trợ', 'Không có định dạng phản hồi nào phù hợp với yêu cầu (Accept).'],
  409: ['conflict', 'Xung đột trạng thái', 'Yêu cầu xung đột với trạng thái hiện tại; hãy tải lại rồi thử lại.'],
  413: ['payload_too_large', 'Dữ liệu gửi lên quá lớn', 'Dữ liệu gửi lên vượt quá dung lượng cho phép.'],
  415: ['unsupported_media_type', 'Định dạng tệp không được hỗ trợ', 'Định dạng dữ liệu gửi lên không được hỗ trợ.'],
  422: ['validation_failed', 'Dữ liệu không hợp lệ', 'Dữ liệu gửi lên không hợp lệ.'],
  429: ['too_many_requests', 'Quá nhiều yêu cầu', 'Bạn đã thử quá nhiều lần; hãy đợi một phút rồi thử lại.'],
  503: ['service_unavailable', 'Dịch vụ tạm thời không sẵn sàng', 'Dịch vụ tạm thời không sẵn sàng; hãy thử lại sau ít phút.'],
};
const OTHER_STATUS: [ProblemCode, string, string] = ['http_error', 'Yêu cầu không thực hiện được', 'Yêu cầu không thực hiện được.'];

/** The framework's English messages people can meet, said in Vietnamese. */
const FRAMEWORK_MESSAGES: Record<string, string> = {
  'Validation failed (uuid is expected)': 'Mã định danh trong đường dẫn phải là một UUID hợp lệ.',
  'Validation failed (numeric string is expected)': 'Tham số trong đường dẫn phải là một số nguyên.',
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
      BY_STATUS[503][1],
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
      const [statusCode, title, fallback] = BY_STATUS[status] ?? OTHER_STATUS;
      const code: ProblemCode = malformed ? 'malformed_body' : statusCode;
      return {
        type: PROBLEM_TYPE_BASE + code.replace(/_/g, '-'),
        title,
        status,
        detail: malformed ? 'Nội dung JSON không đọc được; hãy kiểm tra cú pháp.' : this.detailOf(exception, status, fallback),
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

  /** What the exception says, when it says it in Vietnamese; otherwise the Vietnamese for it. */
  private detailOf(exception: HttpException, status: number, fallback: string): string {
    if (status === 404 || status === 429) return fallback;
    const body = exception.getResponse();
    const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
    const text = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : '';
    return FRAMEWORK_MESSAGES[text] ?? (isVietnamese(text) ? text : fallback);
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
