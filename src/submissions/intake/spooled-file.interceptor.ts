import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import { finalize, type Observable } from 'rxjs';
import type { Environment } from '../../config/environment';
import { multipartProblem } from '../multipart-file.interceptor';
import type { SpooledFile } from './spooled-file';
import { removeSpool, type SpoolInfo, SpoolingStorage } from './spooling-storage';

/**
 * Takes the one file of a multipart upload (field `file`) as it arrives: busboy (through multer, whose
 * handling of limits, aborts and draining gives exactly the problems the in-memory intake gave) hands
 * the part to a storage that writes it to a temporary file while hashing and counting it, so the
 * handler receives a SpooledFile, never the bytes. Over UPLOAD_MAX_BYTES the part stops at once, the
 * file is removed and, once the rest of the body has been drained, the client reads 413 `file_too_large`.
 *
 * Runs after the guards (authorization before a byte of body is read) and before the handler: while a
 * slow client is still sending, nothing holds a PostgreSQL connection or the submission's row lock.
 * The temporary file is removed when the handler is done, however it ends (also when the client left).
 */
@Injectable()
export class SpooledFileInterceptor implements NestInterceptor {
  private readonly read: RequestHandler;
  private readonly maxBytes: number;

  constructor(config: ConfigService<Environment, true>) {
    this.maxBytes = config.get('UPLOAD_MAX_BYTES', { infer: true });
    this.read = multer({ storage: new SpoolingStorage(), limits: { fileSize: this.maxBytes, files: 1, fields: 10, parts: 20 } }).single('file');
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request & { file?: Express.Multer.File & Partial<SpoolInfo> }>();
    await new Promise<void>((resolve, reject) =>
      this.read(request, http.getResponse<Response>(), (error?: unknown) => (error ? reject(intakeProblem(error, this.maxBytes)) : resolve())),
    );
    const received = request.file;
    if (!received?.path) return next.handle();
    const spooled: SpooledFile = {
      path: received.path,
      size: received.size,
      sha256: received.sha256 as string,
      originalname: received.originalname,
      mimetype: received.mimetype,
    };
    request.file = spooled as unknown as Express.Multer.File;
    return next.handle().pipe(finalize(() => void removeSpool(spooled.path)));
  }
}

/** The client's mistakes as the same problems as ever; the server's own (a full disk) stay errors (500), not a 400 to the officer. */
function intakeProblem(error: unknown, maxBytes: number): unknown {
  return error instanceof Error && 'syscall' in error ? error : multipartProblem(error, maxBytes);
}
