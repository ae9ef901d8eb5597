/**
 * The report schema as data: what an obligation's file must contain.
 * Stored as JSONB on a ReportSchema version; validated by validateSchemaDefinition before saving.
 */
export const FIELD_TYPES = ['integer', 'decimal', 'text', 'date', 'enum', 'boolean'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const AGGREGATES = ['sum', 'avg', 'weighted_avg', 'count', 'none'] as const;
export type Aggregate = (typeof AGGREGATES)[number];

export type Severity = 'error' | 'warning';

export interface FieldDefinition {
  /** Stable machine key, snake_case ASCII, e.g. `giay_phep_trong_nam`. */
  key: string;
  /** Vietnamese column header shown to provinces, e.g. `Số lượng trong năm`. */
  label: string;
  /** Other headers accepted for this column (matched tolerantly). */
  aliases?: string[];
  type: FieldType;
  required?: boolean;
  /** Inclusive numeric bounds for integer/decimal, ISO dates (yyyy-mm-dd) for date. */
  min?: number | string;
  max?: number | string;
  /** Text length bounds. */
  minLength?: number;
  maxLength?: number;
  /** ECMAScript regular expression the text value must match in full. */
  pattern?: string;
  /** Allowed values for enum fields (canonical spelling, Vietnamese). */
  enumValues?: string[];
  /** Unit of measure, e.g. `Đơn vị`, `triệu đồng`, `%`. */
  unit?: string;
  /** How national aggregates combine this field (numeric fields; default sum). */
  aggregate?: Aggregate;
  /**
   * For `weighted_avg`: the key of the numeric field that weighs each row, e.g. a rate of online
   * filings weighted by the number of filings (sum of rate x weight / sum of weight).
   */
  weightField?: string;
  description?: string;
  /** Date fields: the report's reference date (e.g. the data cut-off date); at most one field. Its period check defaults to a warning. */
  referenceDate?: boolean;
  /** Date fields: how a date outside the reporting period is reported (default: a warning for the reference date, off otherwise). */
  periodCheck?: PeriodCheck;
}

export const PERIOD_CHECK_SEVERITIES = ['error', 'warning', 'off'] as const;
export const DEFAULT_PERIOD_TOLERANCE_DAYS = 31;
export const MAX_PERIOD_TOLERANCE_DAYS = 3660;

/**
 * A date further than `toleranceDays` (default 31) before the period's start (or its data cut-off window's,
 * when earlier) or after its end is reported with `severity`.
 */
export interface PeriodCheck {
  severity: (typeof PERIOD_CHECK_SEVERITIES)[number];
  toleranceDays?: number;
}

/**
 * A row rule: an expression in the rule language (see rule-language.ts) that must hold for every row.
 * `when` restricts the rule to rows where that expression is true.
 */
export interface RowRuleDefinition {
  id: string;
  /** Vietnamese message shown when the rule fails. */
  message: string;
  assert: string;
  when?: string;
  severity?: Severity;
  /** How empty values are treated: skip the rule (default), treat numbers as 0, or fail. */
  missing?: 'skip' | 'zero' | 'fail';
}

export type FileRuleDefinition =
  | { id: string; kind: 'unique'; fields: string[]; message?: string; severity?: Severity }
  | { id: string; kind: 'row_count'; min?: number; max?: number; message?: string; severity?: Severity };

export interface ReportSchemaDefinition {
  /** Name of the sheet in the template workbook; uploads read this sheet if present, else the first. */
  sheetName?: string;
  fields: FieldDefinition[];
  rowRules?: RowRuleDefinition[];
  fileRules?: FileRuleDefinition[];
  /** Key columns identifying a row (used for version diffs and uniqueness). */
  keyFields?: string[];
}
