import type { ColumnMapping } from './header-mapping';
import type { ValidationIssue } from './validation-issue';

/** The outcome of validating one uploaded file, stored with the submission version. */
export interface ValidationReport {
  /** No issue of severity error. */
  valid: boolean;
  /** Non-blank data rows, including those beyond maxRows. */
  rowsRead: number;
  /** Checked rows without an error (they may have warnings). */
  rowsValid: number;
  rowsWithErrors: number;
  /** Checked rows with at least one warning, whether or not they also have errors. */
  rowsWithWarnings: number;
  errorCount: number;
  warningCount: number;
  /** Information for the officer (which sheet was read, skipped title rows, the number convention…). */
  infoCount: number;
  countsByCode: Record<string, number>;
  issues: ValidationIssue[];
  /** Some issues were counted but not kept (maxIssues). */
  truncated: boolean;
  columns: ColumnMapping[];
}
