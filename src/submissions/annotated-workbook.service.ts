import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import ExcelJS from 'exceljs';
import { type AppError, notFound, unprocessable } from '../common/app-error';
import type { Environment } from '../config/environment';
import type { ReportSchemaDefinition } from '../validation/domain/schema-definition';
import { openUpload, type OpenedUpload } from '../validation/parsing/read-upload';
import { annotateWorkbook } from './annotated-workbook';
import { SubmissionStorage } from './submission-storage.repository';
import { SubmissionTargetService } from '../submission-targets/submission-target.service';
import { uploadLimitsFrom } from './upload-limits.provider';

/** Beyond this many rows, a workbook in memory would cost too much; the report table serves instead. */
export const ANNOTATE_MAX_ROWS = 20_000;

/** A file with more rows than a workbook can be annotated for: the page's table of issues is the way. */
export function tooLargeToAnnotate(rowsRead: number): AppError {
  return unprocessable(
    'too_large_to_annotate',
    `Tệp có ${rowsRead.toLocaleString('vi-VN')} dòng, quá lớn để đánh dấu lỗi trên trang tính (tối đa ${ANNOTATE_MAX_ROWS.toLocaleString('vi-VN')} dòng); hãy dùng bảng lỗi trên trang để sửa.`,
  );
}

export interface AnnotatedWorkbook {
  content: Buffer;
  fileName: string;
}

/**
 * The officer's own file with each problem marked where it is: an XLSX upload is reopened and its
 * offending cells filled and noted; a CSV or JSON upload becomes an XLSX of its rows (read by the
 * same parser as the upload, so rows and columns match the report), marked the same way.
 */
@Injectable()
export class AnnotatedWorkbookService {
  constructor(
    private readonly storage: SubmissionStorage,
    private readonly targets: SubmissionTargetService,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async build(code: string, periodKey: string, unitId: string, number: number): Promise<AnnotatedWorkbook> {
    const target = await this.targets.resolve(code, periodKey, unitId);
    const version = await this.storage.fileWithReport(target.obligation.id, target.period.key, target.unit.id, number);
    if (!version) throw notFound('phiên bản báo cáo', String(number));
    const { report } = version;
    if (report.issues.every((issue) => issue.severity === 'info')) {
      throw unprocessable('no_issues', `Phiên bản ${number} không có lỗi hay cảnh báo nào để đánh dấu.`);
    }
    if (report.rowsRead > ANNOTATE_MAX_ROWS) throw tooLargeToAnnotate(report.rowsRead);
    const content = await this.storage.originalBytes(version.id);
    const upload = await openUpload(content, {
      fileName: version.originalName,
      mediaType: version.mediaType,
      preferredSheetName: version.definition.sheetName,
      knownHeaders: version.definition.fields.flatMap((f) => [f.label, ...(f.aliases ?? [])]),
      knownKeys: version.definition.fields.map((f) => f.key),
      limits: uploadLimitsFrom(this.config),
    });
    const workbook = new ExcelJS.Workbook();
    let sheet: ExcelJS.Worksheet;
    let rowOffset = 0;
    try {
      if (upload.format === 'xlsx') {
        await workbook.xlsx.load(content as unknown as ArrayBuffer);
        sheet = workbook.getWorksheet(upload.sheetName) as ExcelJS.Worksheet;
      } else {
        rowOffset = upload.headerRowNumber === 0 ? 1 : 0;
        sheet = await this.rowsSheet(workbook, upload, version.definition, rowOffset);
      }
    } finally {
      await upload.close();
    }
    annotateWorkbook(workbook, sheet, report.issues, report.columns, rowOffset);
    const base = version.originalName.replace(/\.[^.]+$/, '') || 'bao-cao';
    return { content: Buffer.from(await workbook.xlsx.writeBuffer()), fileName: `${base}-danh-dau-loi.xlsx` };
  }

  /**
   * The rows of a CSV or JSON upload where the report says they are. JSON has no header row: one is
   * added, with the fields' Vietnamese labels where the file used their keys.
   */
  private async rowsSheet(workbook: ExcelJS.Workbook, upload: OpenedUpload, definition: ReportSchemaDefinition, rowOffset: number): Promise<ExcelJS.Worksheet> {
    const sheet = workbook.addWorksheet(definition.sheetName ?? 'Dữ liệu');
    const labelOf = new Map(definition.fields.map((field) => [field.key, field.label]));
    const labels = upload.headerLabels.map((header) => labelOf.get(header) ?? header);
    const headerRow = sheet.getRow(upload.headerRowNumber + rowOffset);
    headerRow.values = labels;
    headerRow.font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: upload.headerRowNumber + rowOffset }];
    labels.forEach((label, index) => {
      sheet.getColumn(index + 1).width = Math.min(60, Math.max(12, label.length + 2));
    });
    for await (const rows of upload.batches) {
      for (const row of rows) {
        sheet.getRow(row.rowNumber + rowOffset).values = row.cells.map(cellValue);
      }
    }
    return sheet;
  }
}

function cellValue(value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}
