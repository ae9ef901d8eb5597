import type { Severity } from './schema-definition';

export const ISSUE_CODES = [
  'missing_header',
  'missing_column',
  'unknown_column',
  'duplicate_column',
  'invalid_value',
  'formula_error',
  'invalid_number',
  'invalid_integer',
  'number_out_of_range',
  'invalid_date',
  'invalid_boolean',
  'not_in_enum',
  'invalid_text',
  'required',
  'below_min',
  'above_max',
  'too_short',
  'too_long',
  'pattern_mismatch',
  'rule_failed',
  'duplicate_key',
  'too_few_rows',
  'too_many_rows',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export interface ValidationIssue {
  /** Row number in the file as the reader counts it (1-based); null for file-level issues. */
  row: number | null;
  /** The column header as written in the file. */
  column: string | null;
  field: string | null;
  code: IssueCode;
  severity: Severity;
  /** Vietnamese, shown to the reporting officer. */
  message: string;
  /** The offending raw value, stringified and cut to MAX_ISSUE_VALUE_LENGTH characters. */
  value: string | null;
  /** Id of the row or file rule that raised the issue. */
  rule?: string;
}
