import { AppError } from '../common/app-error';
import type { UploadRejected } from '../validation/parsing/upload-rejected';

const TITLES: Record<UploadRejected['status'], string> = {
  413: 'Tệp quá lớn',
  415: 'Định dạng tệp không được hỗ trợ',
  422: 'Không đọc được tệp',
};

/** A file the parsing layer refused, as the problem the officer reads (limits and positions as extension members). */
export function asUploadProblem(error: UploadRejected): AppError {
  return new AppError(error.status, error.code, TITLES[error.status], error.message, undefined, error.detail ? { limits: error.detail } : undefined);
}
