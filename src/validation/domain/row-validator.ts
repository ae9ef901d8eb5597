import type { TypedRow } from './cell-value';
import { createCoercer, type Coercer } from './coerce-value';
import { createDatePeriodCheck, type DatePeriodCheck, type ReportingWindow } from './date-period-check';
import { describeRawValue } from './describe-raw-value';
import { createFieldCheck, type FieldCheck } from './field-checks';
import { mapHeaders, type ColumnMapping } from './header-mapping';
import { IssueCollector } from './issue-collector';
import { type ConventionEvidence, NumberConventions, type NumberSettler } from './number-convention';
import { type NumberText, readNumberText } from './number-text';
import { compileRule, type CompiledRule } from './rule-language';
import type { FieldDefinition, FileRuleDefinition, ReportSchemaDefinition } from './schema-definition';
import { UniqueKeyTracker } from './unique-key-tracker';
import type { IssueCode, IssueSeverity, ValidationIssue } from './validation-issue';
import type { ValidationReport } from './validation-report';
import { formatVietnameseNumber } from './vietnamese-format';

export interface SubmissionValidatorOptions {
  /** Cap on the issues kept in the report (all are still counted); default 1000. */
  maxIssues?: number;
  /** Rows beyond this are counted but neither checked nor returned. */
  maxRows?: number;
  /** The dates the report is about, for date fields checked against the period. */
  period?: ReportingWindow;
  /** The number evidence of an earlier pass over the same file (see `rereadWith`). */
  numberEvidence?: ConventionEvidence;
}

/** How the officer sees the header row: the labels (also when keys were matched) and whether columns have letters. */
export interface SeenHeader {
  labels?: readonly string[];
  /** CSV and XLSX: issues name the column letter (A, B, …); JSON has none. */
  letters?: boolean;
}

/** What the reader knows about a cell beyond its value. */
export interface CellMark {
  /** 0-based index into the row's cells. */
  columnIndex: number;
  kind: string;
}

/** Something the reader did or found, reported as an information issue. */
export interface ReadingNote {
  code: IssueCode;
  message: string;
}

export const DEFAULT_MAX_ISSUES = 1000;

interface FieldReader {
  field: FieldDefinition;
  coerce: Coercer;
  check: FieldCheck;
  periodCheck: DatePeriodCheck | null;
  numeric: boolean;
}

interface ReadColumn extends FieldReader {
  index: number;
  /** The label as the officer sees it. */
  header: string;
  letter: string | null;
  /** Number fields: the file's convention as this column sees it. */
  settler: NumberSettler | null;
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
  private readonly fieldReaders: ReadonlyMap<string, FieldReader>;
  private readonly collector: IssueCollector;
  private readonly conventions: NumberConventions;
  private state: State = 'awaiting_header';
  private columns: ColumnMapping[] = [];
  private readColumns: ReadColumn[] = [];
  private numberColumns: ReadColumn[] = [];
  /** The current row's number texts by column index, read once for the evidence and once used for the value. */
  private numberTexts: Array<NumberText | undefined> = [];
  /** Cells of the current row shown with a percent format. */
  private percentCells: Set<number> | null = null;
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
    this.conventions = new NumberConventions(options.numberEvidence);
    this.fieldReaders = new Map(
      schema.fields.map((field) => [
        field.key,
        {
          field,
          coerce: createCoercer(field),
          check: createFieldCheck(field),
          periodCheck: createDatePeriodCheck(field, options.period),
          numeric: field.type === 'integer' || field.type === 'decimal',
        },
      ]),
    );
  }

  /** Maps the header row; false when required columns are missing and the file cannot be read. */
  acceptHeader(headers: string[], headerRowNumber: number, seen: SeenHeader = {}): boolean {
    if (this.state !== 'awaiting_header') throw new Error('The header row was already given.');
    const mapping = mapHeaders(headers, this.schema);
    const labelOf = (index: number, header: string): string => seen.labels?.[index]?.trim() || header;
    const letterOf = (index: number): string | null => (seen.letters ? columnLetters(index + 1) : null);
    // Header issues list the repeated and unknown columns in the order of `duplicates` and `unknown`.
    const unknown = mapping.unknown.values();
    const repeated = mapping.duplicates.values();
    mapping.issues.forEach((issue) => {
      const index =
        issue.code === 'unknown_column' ? unknown.next().value?.index : issue.code === 'duplicate_column' ? repeated.next().value?.indexes[1] : undefined;
      const located = index === undefined ? issue : { ...issue, column: labelOf(index, headers[index]), columnLetter: letterOf(index) };
      this.collector.add({ ...located, row: headerRowNumber });
    });
    this.columns = mapping.columns;
    this.readColumns = mapping.columns.flatMap(({ index, header, fieldKey }) => {
      const reader = fieldKey === null ? undefined : this.fieldReaders.get(fieldKey);
      if (reader === undefined) return [];
      const settler = reader.numeric ? this.conventions.settlerFor(index) : null;
      return [{ index, header: labelOf(index, header), letter: letterOf(index), settler, ...reader }];
    });
    this.numberColumns = this.readColumns.filter((column) => column.numeric);
    this.headerByField = new Map(this.readColumns.map((column) => [column.field.key, column.header]));
    this.columnByField = new Map(this.readColumns.map((column) => [column.field.key, column.index]));
    this.state = mapping.missingRequired.length > 0 ? 'header_rejected' : 'reading_rows';
    return this.state === 'reading_rows';
  }

  /**
   * Checks one data row; returns its typed values, or null for a blank row (skipped, not
   * counted) and for rows beyond maxRows.
   */
  acceptRow(cells: unknown[], rowNumber: number, marks?: readonly CellMark[]): TypedRow | null {
    if (this.state !== 'reading_rows') throw new Error(`Rows cannot be accepted now (${this.state}).`);
    if (cells.every(isBlank)) return null;
    this.rowsRead += 1;
    if (this.maxRows !== undefined && this.rowsRead > this.maxRows) {
      if (this.rowsRead === this.maxRows + 1) this.collector.add(maxRowsIssue(this.maxRows, rowNumber));
      return null;
    }
    this.rowsChecked += 1;
    this.percentCells = percentCellsOf(marks);
    const row = new RowIssues(rowNumber);
    const read = this.readCells(cells, row);
    this.checkRules(read, row);
    this.checkUniqueKeys(read, row);
    row.issues.forEach((issue) => this.collector.add(issue));
    if (row.hasError) this.rowsWithErrors += 1;
    if (row.hasWarning) this.rowsWithWarnings += 1;
    return read.typed;
  }

  /** Reports what the reader did or found (which sheet, skipped rows…) as information issues. */
  note(notes: readonly ReadingNote[]): void {
    for (const { code, message } of notes) this.collector.add({ row: null, column: null, field: null, code, severity: 'info', message, value: null });
  }

  /** Applies the whole-file rules and returns the report. */
  finish(): ValidationReport {
    if (this.state === 'finished') throw new Error('The validation is already finished.');
    if (this.state === 'awaiting_header') this.collector.add(missingHeaderIssue());
    if (this.state === 'reading_rows') {
      this.rowCountIssues().forEach((issue) => this.collector.add(issue));
      const convention = this.conventions.describe();
      if (convention !== null) this.note([{ code: 'number_convention', message: convention }]);
    }
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
      infoCount: summary.infoCount,
      countsByCode: summary.countsByCode,
      issues: summary.issues,
      truncated: summary.truncated,
      columns: this.columns,
    };
  }

  /**
   * After finish: when a value such as `456,000` was read before the evidence that settles it (a later
   * `812.50`), the evidence to validate the file again with, from its first row; null when every value
   * was read as the complete evidence reads it.
   */
  rereadWith(): ConventionEvidence | null {
    if (this.state !== 'finished') throw new Error('The validation is not finished.');
    return this.conventions.settledDifferently() ? this.conventions.evidence() : null;
  }

  /** Coerces and checks each mapped cell; fields absent from the file stay null. */
  private readCells(cells: readonly unknown[], row: RowIssues): ReadRow {
    this.readRowEvidence(cells);
    // Built key by key in schema order, so every row of a file shares one object shape.
    const typed: TypedRow = {};
    for (const key of this.fieldKeys) typed[key] = null;
    const read: ReadRow = { typed, cells, invalidFields: null };
    for (const column of this.readColumns) {
      const raw = cells[column.index];
      const { key } = column.field;
      const coerced = column.numeric
        ? column.coerce(raw, { text: this.numberTexts[column.index], settler: column.settler ?? undefined, percentFormatted: this.percentCells?.has(column.index) })
        : column.coerce(raw);
      if (!coerced.ok) {
        (read.invalidFields ??= new Set()).add(key);
        row.add(column, coerced.code, 'error', coerced.message, describeRawValue(raw));
        continue;
      }
      typed[key] = coerced.value;
      if (coerced.warning) row.add(column, coerced.warning.code, 'warning', coerced.warning.message, describeRawValue(raw));
      const failure = column.check(coerced.value);
      if (failure !== null) row.add(column, failure.code, 'error', failure.message, describeRawValue(raw));
      else if (column.periodCheck !== null && typeof coerced.value === 'string') {
        const outside = column.periodCheck(coerced.value);
        if (outside !== null) row.add(column, 'date_outside_period', outside.severity, outside.message, describeRawValue(raw));
      }
    }
    return read;
  }

  /** A row's number texts first: a later column of the same row may settle an earlier one (`"456,000",812.50`). */
  private readRowEvidence(cells: readonly unknown[]): void {
    for (const column of this.numberColumns) {
      const raw = cells[column.index];
      const text = typeof raw === 'string' ? raw.trim() : '';
      const read = text === '' ? undefined : readNumberText(text);
      this.numberTexts[column.index] = read;
      if (read?.kind === 'number' && read.evidence !== 0) this.conventions.observe(column.index, read.evidence, text);
    }
  }

  private checkRules(read: ReadRow, row: RowIssues): void {
    for (const rule of this.rules) {
      // A cell that could not be read already has its issue; a rule over it would only echo it.
      const invalid = read.invalidFields;
      if (invalid !== null && rule.fields.some((field) => invalid.has(field))) continue;
      if (rule.evaluate(read.typed) !== false) continue;
      const field = rule.fields[0] ?? null;
      const value = this.describeValues(rule.assertFields, read.cells);
      row.add(this.columnOf(field), 'rule_failed', rule.severity, rule.message, value, rule.id);
    }
  }

  private checkUniqueKeys(read: ReadRow, row: RowIssues): void {
    for (const { tracker, rule } of this.uniqueChecks) {
      const firstRow = tracker.track(read.typed, row.rowNumber);
      if (firstRow === null) continue;
      const field = tracker.fields[0];
      const message = this.duplicateKeyMessage(tracker.fields, firstRow, rule?.message);
      const value = this.describeValues(tracker.fields, read.cells);
      row.add(this.columnOf(field), 'duplicate_key', rule?.severity ?? 'error', message, value, rule?.id);
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

  /** The column a field is read from, or just the field when it is not in the file. */
  private columnOf(field: string | null): IssueColumn {
    const column = field === null ? undefined : this.readColumns.find((candidate) => candidate.field.key === field);
    return column ?? { header: null, letter: null, field: { key: field } };
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

/** Where an issue is: the column as the officer sees it, and the field. */
interface IssueColumn {
  header: string | null;
  letter: string | null;
  field: { key: string | null };
}

/** Issues of one row, with whether any is an error or a warning. */
class RowIssues {
  readonly issues: ValidationIssue[] = [];
  hasError = false;
  hasWarning = false;

  constructor(readonly rowNumber: number) {}

  add(column: IssueColumn, code: IssueCode, severity: IssueSeverity, message: string, value: string | null, rule?: string): void {
    const issue: ValidationIssue = {
      row: this.rowNumber,
      column: column.header,
      columnLetter: column.letter,
      field: column.field.key,
      code,
      severity,
      message,
      value,
    };
    if (rule !== undefined) issue.rule = rule;
    this.issues.push(issue);
    if (severity === 'error') this.hasError = true;
    else if (severity === 'warning') this.hasWarning = true;
  }
}

function percentCellsOf(marks: readonly CellMark[] | undefined): Set<number> | null {
  if (marks === undefined) return null;
  let cells: Set<number> | null = null;
  for (const mark of marks) if (mark.kind === 'percent_format') (cells ??= new Set()).add(mark.columnIndex);
  return cells;
}

/** 1 → A, 28 → AB. */
function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
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
