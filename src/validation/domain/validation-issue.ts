export const ISSUE_CODES = [
  'missing_header',
  'missing_column',
  'unknown_column',
  'duplicate_column',
  'invalid_value',
  'formula_error',
  'invalid_number',
  'ambiguous_number',
  'percent_as_fraction',
  'invalid_integer',
  'number_out_of_range',
  'invalid_date',
  'date_outside_period',
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
  'sheet_substituted',
  'title_rows_skipped',
  'header_not_recognised',
  'external_links',
  'formula_not_calculated',
  'number_convention',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

/** `info`: what the reader did or found, for the officer to know; neither blocks nor needs a justification. */
export const ISSUE_SEVERITIES = ['error', 'warning', 'info'] as const;
export type IssueSeverity = (typeof ISSUE_SEVERITIES)[number];

export interface ValidationIssue {
  /** Row number in the file as the reader counts it (1-based); null for file-level issues. */
  row: number | null;
  /** The column's label as the officer sees it in the file (the label row, also when keys were matched). */
  column: string | null;
  /** The column's letter as a spreadsheet shows it (`A`, `AB`); null for JSON and file-level issues. */
  columnLetter?: string | null;
  field: string | null;
  code: IssueCode;
  severity: IssueSeverity;
  /** Vietnamese, shown to the reporting officer. */
  message: string;
  /** The offending raw value, stringified and cut to MAX_ISSUE_VALUE_LENGTH characters. */
  value: string | null;
  /** Id of the row or file rule that raised the issue. */
  rule?: string;
}
