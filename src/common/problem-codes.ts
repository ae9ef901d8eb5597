import type { UploadRejectionCode } from '../validation/parsing/upload-rejected';

/**
 * Every `code` the API can answer a problem with, and its HTTP status (null: the status of the
 * framework exception it stands for). AppError only takes these,
 * so a new code is added here (and to the walk in test/foundation/vietnamese-everywhere.e2e-spec.ts,
 * which checks that each one reads in Vietnamese, with no ISO dates, before it ships).
 */
export const PROBLEM_CODES = {
  // Generic answers of the problem filter for framework exceptions.
  bad_request: 400,
  malformed_body: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  not_acceptable: 406,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  internal_error: 500,
  service_unavailable: 503,
  /** Any other status a framework exception carries: its own. */
  http_error: null,
  // Authentication, sessions and sign-in protection.
  invalid_credentials: 401,
  session_expired: 401,
  csrf_failed: 403,
  account_locked: 429,
  weak_password: 422,
  // Input checks.
  validation_failed: 422,
  invalid_parameter: 400,
  invalid_period: 422,
  // Obligations, schemas, units.
  obligation_code_taken: 409,
  already_retired: 409,
  obligation_retired: 409,
  invalid_schema: 422,
  schema_version_locked: 409,
  no_schema: 422,
  invalid_merger: 422,
  email_taken: 409,
  // The reporting cycle.
  file_required: 422,
  unit_not_expected: 422,
  period_not_open: 409,
  period_not_tracked: 409,
  period_locked: 409,
  illegal_transition: 409,
  stale_revision: 409,
  stale_version: 409,
  version_not_valid: 409,
  justification_required: 409,
  no_issues: 422,
  too_large_to_annotate: 422,
  malformed_multipart: 400,
  unexpected_file_field: 400,
  // Historical loads.
  period_tracked: 409,
  backfill_rejected: 422,
  backfill_without_units: 422,
  // Files the parsing layer refuses (src/validation/parsing/upload-rejected.ts; status per case).
  empty_file: 422,
  file_too_large: 413,
  too_many_rows: 413,
  unsupported_file_type: 415,
  not_a_spreadsheet: 415,
  legacy_xls: 415,
  macro_workbook: 415,
  encrypted_workbook: 415,
  corrupt_xlsx: 422,
  xlsx_too_large_uncompressed: 413,
  xlsx_compression_ratio: 413,
  xlsx_too_many_entries: 413,
  xlsx_no_worksheet: 422,
  unsupported_encoding: 422,
  invalid_csv: 422,
  invalid_json: 422,
  invalid_json_shape: 422,
} as const satisfies Record<string, number | null> & Record<UploadRejectionCode, number>;

export type ProblemCode = keyof typeof PROBLEM_CODES;
