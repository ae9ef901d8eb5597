import { ConfigService } from '@nestjs/config';
import type { Environment } from '../config/environment';
import type { UploadLimits } from '../validation/parsing/upload-limits';

export function uploadLimitsFrom(config: ConfigService<Environment, true>): Partial<UploadLimits> {
  return {
    maxFileBytes: config.get('UPLOAD_MAX_BYTES', { infer: true }),
    maxRows: config.get('UPLOAD_MAX_ROWS', { infer: true }),
    maxUncompressedBytes: config.get('XLSX_MAX_UNCOMPRESSED_BYTES', { infer: true }),
    maxCompressionRatio: config.get('XLSX_MAX_COMPRESSION_RATIO', { infer: true }),
    maxZipEntries: config.get('XLSX_MAX_ENTRIES', { infer: true }),
  };
}
