import type ExcelJS from 'exceljs';
import { columnLetters } from '../validation/parsing/cell-address';
import type { ColumnMapping } from '../validation/domain/header-mapping';
import type { ValidationIssue } from '../validation/domain/validation-issue';

export const ERROR_FILL = 'FFFFC7CE';
export const WARNING_FILL = 'FFFFEB9C';
export const ISSUES_SHEET = 'Danh sách lỗi';

/** Where an issue sits in the officer's sheet (1-based), or null for a file-level issue. */
export interface CellPosition {
  row: number;
  column: number;
}

/**
 * The cell an issue points at: its row as the report gives it (shifted by `rowOffset` when the
 * sheet adds a header row the file did not have, as for JSON) and the column of its field, else of
 * its header text; a row issue without a column (a row rule over several fields) marks column A.
 */
export function positionOf(issue: ValidationIssue, columns: readonly ColumnMapping[], rowOffset: number): CellPosition | null {
  if (issue.row === null) return null;
  const column =
    (issue.field !== null ? columns.find((c) => c.fieldKey === issue.field) : undefined) ??
    (issue.column !== null ? columns.find((c) => c.header === issue.column) : undefined);
  return { row: issue.row + rowOffset, column: column ? column.index + 1 : 1 };
}

const SEVERITY_LABEL = { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' } as const;
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * Marks each offending cell of `sheet`: a red fill for errors (yellow when it only has warnings) and
 * a note with every Vietnamese message about it; then adds a sheet listing all issues, each
 * linking to its cell. Returns how many cells were marked.
 */
export function annotateWorkbook(
  workbook: ExcelJS.Workbook,
  sheet: ExcelJS.Worksheet,
  issues: readonly ValidationIssue[],
  columns: readonly ColumnMapping[],
  rowOffset: number,
): number {
  const byCell = new Map<string, { position: CellPosition; issues: ValidationIssue[] }>();
  for (const issue of issues) {
    const position = positionOf(issue, columns, rowOffset);
    if (!position) continue;
    const key = `${position.row}:${position.column}`;
    const entry = byCell.get(key) ?? { position, issues: [] };
    entry.issues.push(issue);
    byCell.set(key, entry);
  }
  for (const { position, issues: here } of byCell.values()) {
    const cell = sheet.getCell(position.row, position.column);
    const hasError = here.some((issue) => issue.severity === 'error');
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: hasError ? ERROR_FILL : WARNING_FILL } };
    cell.note = here.map((issue) => `${SEVERITY_LABEL[issue.severity]}: ${issue.message}`).join('\n');
  }
  addIssuesSheet(workbook, sheet.name, issues, columns, rowOffset);
  return byCell.size;
}

function addIssuesSheet(workbook: ExcelJS.Workbook, dataSheet: string, issues: readonly ValidationIssue[], columns: readonly ColumnMapping[], rowOffset: number): void {
  const list = workbook.addWorksheet(ISSUES_SHEET);
  list.columns = [
    { header: 'Ô', width: 8 },
    { header: 'Dòng trong tệp', width: 14 },
    { header: 'Cột', width: 28 },
    { header: 'Mức độ', width: 10 },
    { header: 'Nội dung', width: 70 },
    { header: 'Giá trị', width: 30 },
  ];
  list.getRow(1).font = { bold: true };
  list.views = [{ state: 'frozen', ySplit: 1 }];
  const quoted = `'${dataSheet.replace(/'/g, "''")}'`;
  // What to fix first: errors, then warnings, then the reader's notes about the file as a whole.
  const ordered = [...issues].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  for (const issue of ordered) {
    const position = positionOf(issue, columns, rowOffset);
    const address = position ? `${columnLetters(position.column)}${position.row}` : '';
    list.addRow([
      address ? { text: address, hyperlink: `#${quoted}!${address}` } : 'Cả tệp',
      issue.row ?? '',
      issue.column ?? '',
      SEVERITY_LABEL[issue.severity],
      issue.message,
      issue.value ?? '',
    ]);
  }
}
