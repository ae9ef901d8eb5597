/** HTTP statuses an upload can be refused with: too large, wrong kind of file, unreadable content. */
export type UploadRejectionStatus = 413 | 415 | 422;

export type UploadRejectionCode =
  | 'empty_file'
  | 'file_too_large'
  | 'too_many_rows'
  | 'unsupported_file_type'
  | 'not_a_spreadsheet'
  | 'legacy_xls'
  | 'macro_workbook'
  | 'encrypted_workbook'
  | 'corrupt_xlsx'
  | 'xlsx_too_large_uncompressed'
  | 'xlsx_compression_ratio'
  | 'xlsx_too_many_entries'
  | 'xlsx_no_worksheet'
  | 'unsupported_encoding'
  | 'invalid_csv'
  | 'invalid_json'
  | 'invalid_json_shape';

/** Machine-readable facts about the refusal (limits, positions, entry names), safe to show. */
export type UploadRejectionDetail = Readonly<Record<string, string | number | boolean | null>>;

/**
 * An upload the parsing layer refuses before validation starts. `message` is Vietnamese and meant
 * for the reporting officer; the HTTP layer maps it to problem+json (`detail` → extension members).
 */
export class UploadRejected extends Error {
  constructor(
    readonly status: UploadRejectionStatus,
    readonly code: UploadRejectionCode,
    message: string,
    readonly detail?: UploadRejectionDetail,
  ) {
    super(message);
    this.name = 'UploadRejected';
  }
}

export function isUploadRejected(error: unknown): error is UploadRejected {
  return error instanceof UploadRejected;
}
