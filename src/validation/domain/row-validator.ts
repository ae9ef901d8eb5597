import type { TypedRow } from './cell-value';
import { createCoercer, type Coercer } from './coerce-value';
import { describeRawValue } from './describe-raw-value';
import { createFieldCheck, type FieldCheck } from './field-checks';
import { mapHeaders, type ColumnMapping } from './header-mapping';
import { IssueCollector } from './issue-collector';
import { compileRule, type CompiledRule } from './rule-language';
import type { FieldDefinition, FileRuleDefinition, ReportSchemaDefinition, Severity } from './schema-definition';
import { UniqueKeyTracker } from './unique-key-tracker';
import type { ValidationIssue } from './validation-issue';
import type { ValidationReport } from './validation-report';
import { formatVietnameseNumber } from './vietnamese-format';

export interface SubmissionValidatorOptions {
  /** Cap on the issues kept in the report (all are still counted); default 1000. */
  maxIssues?: number;
  /** Rows beyond this are counted but neither checked nor returned. */
  maxRows?: number;
}

export const DEFAULT_MAX_ISSUES = 1000;

interface ReadColumn {
  index: number;
  header: string;
  field: FieldDefinition;
  coerce: Coercer;
  check: FieldCheck;
}

/** One row's cells after coercion, with what the rules and key checks need to report on them. */
interface ReadRow {
  typed: TypedRow;
  /** The row as read, for quoting offending values. */
  cells: readonly unknown[];
  /** Fields whose cell could not be coerced (typed as null); null when there are none. */
  invalidFields: Set<string> | null;
}

interface UniqueCheck {
  tracker: UniqueKeyTracker;
  rule: Extract<FileRuleDefinition, { kind: 'unique' }> | null;
}

type State = 'awaiting_header' | 'reading_rows' | 'header_rejected' | 'finished';

/**
 * Validates one uploaded file as it streams: the header row, then each data row, then the
 * whole-file rules. Only the unique-key sets grow with the number of rows.
 */
export class SubmissionValidator {
  private readonly maxIssues: number;
  private readonly maxRows: number | undefined;
  private readonly rules: CompiledRule[];
  private readonly uniqueChecks: UniqueCheck[];
  /** Coercer and checks per field, built once (patterns compiled once) for the whole file. */
  private readonly fieldReaders: ReadonlyMap<string, Omit<ReadColumn, 'index' | 'header'>>;
  private readonly collector: IssueCollector;
  private state: State = 'awaiting_header';
  private columns: ColumnMapping[] = [];
  private readColumns: ReadColumn[] = [];
  private headerByField = new Map<string, string>();
  private columnByField = new Map<string, number>();
  private readonly fieldKeys: readonly string[];
  private rowsRead = 0;
  private rowsChecked = 0;
  private rowsWithErrors = 0;
  private rowsWithWarnings = 0;

  /** `schema` must have passed validateSchemaDefinition; a rule that does not compile throws. */
  constructor(
    private readonly schema: ReportSchemaDefinition,
    options: SubmissionValidatorOptions = {},
  ) {
    this.maxIssues = options.maxIssues ?? DEFAULT_MAX_ISSUES;
    this.maxRows = options.maxRows;
    this.collector = new IssueCollector(this.maxIssues);
    this.rules = (schema.rowRules ?? []).map((rule) => {
      const compiled = compileRule(rule, schema);
      if (!compiled.ok) {
        throw new Error(`Row rule ${rule.id} does not compile: ${compiled.errors.map((error) => error.message).join(' ')}`);
      }
      return compiled.rule;
    });
    this.uniqueChecks = uniqueChecksOf(schema);
    this.fieldKeys = schema.fields.map((field) => field.key);
    this.fieldReaders = new Map(
      schema.fields.map((field) => [field.key, { field, coerce: createCoercer(field), check: createFieldCheck(field) }]),
    );
  }

  /** Maps the header row; false when required columns are missing and the file cannot be read. */
  acceptHeader(headers: string[], headerRowNumber: number): boolean {
    if (this.state !== 'awaiting_header') throw new Error('The header row was already given.');
    const mapping = mapHeaders(headers, this.schema);
    mapping.issues.forEach((issue) => this.collector.add({ ...issue, row: headerRowNumber }));
    this.columns = mapping.columns;
    this.readColumns = mapping.columns.flatMap(({ index, header, fieldKey }) => {
      const reader = fieldKey === null ? undefined : this.fieldReaders.get(fieldKey);
      return reader === undefined ? [] : [{ index, header, ...reader }];
    });
    this.headerByField = new Map(this.readColumns.map((column) => [column.field.key, column.header]));
    this.columnByField = new Map(this.readColumns.map((column) => [column.field.key, column.index]));
    this.state = mapping.missingRequired.length > 0 ? 'header_rejected' : 'reading_rows';
    return this.state === 'reading_rows';
  }

  /**
   * Checks one data row; returns its typed values, or null for a blank row (skipped, not
   * counted) and for rows beyond maxRows.
   */
  acceptRow(cells: unknown[], rowNumber: number): TypedRow | null {
    if (this.state !== 'reading_rows') throw new Error(`Rows cannot be accepted now (${this.state}).`);
    if (cells.every(isBlank)) return null;
    this.rowsRead += 1;
    if (this.maxRows !== undefined && this.rowsRead > this.maxRows) {
      if (this.rowsRead === this.maxRows + 1) this.collector.add(maxRowsIssue(this.maxRows, rowNumber));
      return null;
    }
    this.rowsChecked += 1;
    const row = new RowIssues(rowNumber);
    const read = this.readCells(cells, row);
    this.checkRules(read, row);
    this.checkUniqueKeys(read, row);
    row.issues.forEach((issue) => this.collector.add(issue));
    if (row.hasError) this.rowsWithErrors += 1;
    if (row.hasWarning) this.rowsWithWarnings += 1;
    return read.typed;
  }

  /** Applies the whole-file rules and returns the report. */
  finish(): ValidationReport {
    if (this.state === 'finished') throw new Error('The validation is already finished.');
    if (this.state === 'awaiting_header') this.collector.add(missingHeaderIssue());
    if (this.state === 'reading_rows') this.rowCountIssues().forEach((issue) => this.collector.add(issue));
    this.state = 'finished';
    const summary = this.collector.summary();
    return {
      valid: summary.errorCount === 0,
      rowsRead: this.rowsRead,
      rowsValid: this.rowsChecked - this.rowsWithErrors,
      rowsWithErrors: this.rowsWithErrors,
      rowsWithWarnings: this.rowsWithWarnings,
      errorCount: summary.errorCount,
      warningCount: summary.warningCount,
      countsByCode: summary.countsByCode,
      issues: summary.issues,
      truncated: summary.truncated,
      columns: this.columns,
    };
  }

  /** Coerces and checks each mapped cell; fields absent from the file stay null. */
  private readCells(cells: readonly unknown[], row: RowIssues): ReadRow {
    // Built key by key in schema order, so every row of a file shares one object shape.
    const typed: TypedRow = {};
    for (const key of this.fieldKeys) typed[key] = null;
    const read: ReadRow = { typed, cells, invalidFields: null };
    for (const column of this.readColumns) {
      const raw = cells[column.index];
      const { key } = column.field;
      const coerced = column.coerce(raw);
      if (!coerced.ok) {
        (read.invalidFields ??= new Set()).add(key);
        row.add(column.header, key, coerced.code, 'error', coerced.message, describeRawValue(raw));
        continue;
      }
      typed[key] = coerced.value;
      const failure = column.check(coerced.value);
      if (failure !== null) row.add(column.header, key, failure.code, 'error', failure.message, describeRawValue(raw));
    }
    return read;
  }

  private checkRules(read: ReadRow, row: RowIssues): void {
    for (const rule of this.rules) {
      // A cell that could not be read already has its issue; a rule over it would only echo it.
      const invalid = read.invalidFields;
      if (invalid !== null && rule.fields.some((field) => invalid.has(field))) continue;
      if (rule.evaluate(read.typed) !== false) continue;
      const field = rule.fields[0] ?? null;
      const value = this.describeValues(rule.assertFields, read.cells);
      row.add(this.headerOf(field), field, 'rule_failed', rule.severity, rule.message, value, rule.id);
    }
  }

  private checkUniqueKeys(read: ReadRow, row: RowIssues): void {
    for (const { tracker, rule } of this.uniqueChecks) {
      const firstRow = tracker.track(read.typed, row.rowNumber);
      if (firstRow === null) continue;
      const field = tracker.fields[0];
      const message = this.duplicateKeyMessage(tracker.fields, firstRow, rule?.message);
      const value = this.describeValues(tracker.fields, read.cells);
      row.add(this.headerOf(field), field, 'duplicate_key', rule?.severity ?? 'error', message, value, rule?.id);
    }
  }

  private rowCountIssues(): ValidationIssue[] {
    return (this.schema.fileRules ?? []).flatMap((rule): ValidationIssue[] => {
      if (rule.kind !== 'row_count') return [];
      const count = formatVietnameseNumber(this.rowsRead);
      const fileIssue = (code: 'too_few_rows' | 'too_many_rows', detail: string): ValidationIssue[] => [
        {
          row: null,
          column: null,
          field: null,
          code,
          severity: rule.severity ?? 'error',
          message: rule.message ?? `Tệp có ${count} dòng dữ liệu, ${detail}.`,
          value: String(this.rowsRead),
          rule: rule.id,
        },
      ];
      if (rule.min !== undefined && this.rowsRead < rule.min) {
        return fileIssue('too_few_rows', `ít hơn mức tối thiểu ${formatVietnameseNumber(rule.min)} dòng`);
      }
      if (rule.max !== undefined && this.rowsRead > rule.max) {
        return fileIssue('too_many_rows', `nhiều hơn mức tối đa ${formatVietnameseNumber(rule.max)} dòng`);
      }
      return [];
    });
  }

  private headerOf(field: string | null): string | null {
    return field === null ? null : (this.headerByField.get(field) ?? null);
  }

  /** One field: its raw value. Several: `header: value` pairs, so the officer sees what was compared. */
  private describeValues(fields: readonly string[], cells: readonly unknown[]): string | null {
    const rawOf = (field: string): unknown => {
      const index = this.columnByField.get(field);
      return index === undefined ? undefined : cells[index];
    };
    if (fields.length === 0) return null;
    if (fields.length === 1) return describeRawValue(rawOf(fields[0]));
    const parts = fields.map((field) => {
      const value = describeRawValue(rawOf(field));
      return `${this.headerOf(field) ?? field}: ${value === null || value.trim() === '' ? '(trống)' : value}`;
    });
    return describeRawValue(parts.join('; '));
  }

  private duplicateKeyMessage(fields: readonly string[], firstRow: number, ruleMessage: string | undefined): string {
    if (ruleMessage !== undefined) return `${ruleMessage} (trùng với dòng ${firstRow}).`;
    const names = fields.map((field) => `"${this.headerOf(field) ?? field}"`).join(', ');
    return `Giá trị ${names} trùng với dòng ${firstRow}.`;
  }
}

/** Issues of one row, with whether any is an error or a warning. */
class RowIssues {
  readonly issues: ValidationIssue[] = [];
  hasError = false;
  hasWarning = false;

  constructor(readonly rowNumber: number) {}

  add(
    column: string | null,
    field: string | null,
    code: ValidationIssue['code'],
    severity: Severity,
    message: string,
    value: string | null,
    rule?: string,
  ): void {
    const issue: ValidationIssue = { row: this.rowNumber, column, field, code, severity, message, value };
    if (rule !== undefined) issue.rule = rule;
    this.issues.push(issue);
    if (severity === 'error') this.hasError = true;
    else this.hasWarning = true;
  }
}

/**
 * Unique file rules, plus the key fields, which identify a row and so must be unique too
 * (unless a unique rule already covers exactly those fields).
 */
function uniqueChecksOf(schema: ReportSchemaDefinition): UniqueCheck[] {
  const uniqueRules = (schema.fileRules ?? []).filter(
    (rule): rule is Extract<FileRuleDefinition, { kind: 'unique' }> => rule.kind === 'unique',
  );
  const checks: UniqueCheck[] = uniqueRules.map((rule) => ({ tracker: new UniqueKeyTracker(rule.fields), rule }));
  const keyFields = schema.keyFields ?? [];
  const sameFields = (fields: readonly string[]): boolean =>
    fields.length === keyFields.length && fields.every((field) => keyFields.includes(field));
  if (keyFields.length > 0 && !uniqueRules.some((rule) => sameFields(rule.fields))) {
    checks.push({ tracker: new UniqueKeyTracker(keyFields), rule: null });
  }
  return checks;
}

function isBlank(cell: unknown): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

function maxRowsIssue(maxRows: number, rowNumber: number): ValidationIssue {
  return {
    row: rowNumber,
    column: null,
    field: null,
    code: 'too_many_rows',
    severity: 'error',
    message:
      `Tệp vượt quá giới hạn ${formatVietnameseNumber(maxRows)} dòng dữ liệu; ` +
      `từ dòng ${rowNumber} trở đi không được kiểm tra.`,
    value: null,
  };
}

function missingHeaderIssue(): ValidationIssue {
  return {
    row: null,
    column: null,
    field: null,
    code: 'missing_header',
    severity: 'error',
    message: 'Không tìm thấy dòng tiêu đề: tệp không có dữ liệu.',
    value: null,
  };
}
