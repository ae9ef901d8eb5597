import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request, RequestHandler, Response } from 'express';
import multer, { MulterError } from 'multer';
import type { Observable } from 'rxjs';
import { AppError } from '../common/app-error';
import type { Environment } from '../config/environment';
import { formatBytes } from '../validation/parsing/upload-limits';

/**
 * Reads the one file of a multipart upload (field `file`) into memory, within the configured size,
 * and answers what can go wrong on the way in Vietnamese problem+json: multer and busboy only say
 * "File too large" or "Multipart: Malformed part header". Backfill only (its ZIP is read in memory);
 * uploads and dry runs are spooled to disk by intake/spooled-file.interceptor.ts, with the same problems.
 */
@Injectable()
export class MultipartFileInterceptor implements NestInterceptor {
  private readonly read: RequestHandler;
  private readonly maxBytes: number;

  constructor(config: ConfigService<Environment, true>) {
    this.maxBytes = config.get('UPLOAD_MAX_BYTES', { infer: true });
    this.read = multer({ storage: multer.memoryStorage(), limits: { fileSize: this.maxBytes, files: 1, fields: 10, parts: 20 } }).single('file');
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    await new Promise<void>((resolve, reject) =>
      this.read(http.getRequest<Request>(), http.getResponse<Response>(), (error?: unknown) => (error ? reject(multipartProblem(error, this.maxBytes)) : resolve())),
    );
    return next.handle();
  }
}

/** The refusal a person reads for a multipart body multer or busboy could not take. */
export function multipartProblem(error: unknown, maxBytes: number): AppError {
  if (error instanceof MulterError) {
    switch (error.code) {
      case 'LIMIT_FILE_SIZE':
        return new AppError(413, 'file_too_large', 'Tệp quá lớn', `Tệp tải lên quá lớn. Dung lượng tối đa là ${formatBytes(maxBytes)}.`, undefined, {
          limits: { limitBytes: maxBytes },
        });
      case 'LIMIT_FILE_COUNT':
      case 'LIMIT_UNEXPECTED_FILE':
        return new AppError(400, 'unexpected_file_field', 'Yêu cầu không hợp lệ', 'Chỉ gửi một tệp, trong trường "file" của biểu mẫu.', [
          { field: error.field ?? 'file', code: 'unexpected_file_field', message: `trường tệp "${error.field ?? ''}" không được nhận; hãy dùng trường "file"` },
        ]);
      default:
        return new AppError(400, 'malformed_multipart', 'Yêu cầu không hợp lệ', 'Biểu mẫu gửi lên có quá nhiều trường hoặc trường quá dài.');
    }
  }
  return new AppError(
    400,
    'malformed_multipart',
    'Yêu cầu không hợp lệ',
    'Nội dung multipart/form-data không đọc được (bị cắt ngang hoặc sai định dạng). Hãy gửi lại tệp bằng biểu mẫu tải lên.',
  );
}
