import { stream as excelStream, type Row } from 'exceljs';
import type { Readable } from 'node:stream';
import type { CellRange } from './cell-address';
import { unwrapCell } from './cell-value';
import { prescanSheet, type SheetPrescan } from './sheet-prescan';
import type { UploadLimits } from './upload-limits';
import { UploadRejected } from './upload-rejected';
import type { CellFlag, UploadRow } from './upload-types';
import { chooseSheet, parseWorkbookStructure, type WorkbookStructure } from './workbook-structure';
import { createXlsxPackageStream } from './xlsx-package-stream';
import { corruptXlsx, zipReadError, type ZipArchive } from './zip-archive';
import type { ZipInspection } from './zip-inspector';

export interface XlsxReadOptions {
  /** Read this sheet when present (schema.sheetName), else the first visible worksheet. */
  preferredSheetName?: string;
  limits: Pick<UploadLimits, 'maxUncompressedBytes' | 'maxSharedStringsBytes'>;
  /** Merged ranges starting at or above this row are collected for header detection (default 50). */
  headerRowLimit?: number;
}

export interface XlsxSource {
  sheetName: string;
  /** `preferredSheetName` was given and found. */
  matchedPreferredSheet: boolean;
  /** Merged ranges in the header area (exceljs's stream reader does not report merges). */
  merges: CellRange[];
  hasExternalLinks: boolean;
  /** Excel rows in order (rows absent from the file are not yielded); cells[i] is column i+1. Single use. */
  rows: AsyncGenerator<UploadRow>;
}

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
/** workbook.xml, rels and styles.xml are parsed whole, by us or by exceljs. */
const MAX_METADATA_PART_BYTES = 16 * 1024 * 1024;
const MAX_TRACKED_CELLS = 100_000;

/**
 * Streams one worksheet of an inspected XLSX with exceljs's `stream.xlsx.WorkbookReader`
 * (sharedStrings: cache, styles: cache for date formats, hyperlinks: ignore, worksheets: emit).
 * Before that, a prescan pass over the sheet XML collects merged header cells and formula result types
 * exceljs drops. exceljs is fed a re-packaged stream (see xlsx-package-stream.ts) so that inflation is
 * bounded by the verified central directory even when the zip lies about sizes.
 */
export async function readXlsx(zip: ZipInspection, options: XlsxReadOptions): Promise<XlsxSource> {
  const { archive } = zip;
  const workbookXml = await archive.readEntryText(WORKBOOK, MAX_METADATA_PART_BYTES);
  const relsXml = archive.has(WORKBOOK_RELS) ? await archive.readEntryText(WORKBOOK_RELS, MAX_METADATA_PART_BYTES) : undefined;
  const structure = parseWorkbookStructure(workbookXml, relsXml);
  const chosen = chooseSheet(structure, options.preferredSheetName);
  if (!chosen) {
    throw new UploadRejected(422, 'xlsx_no_worksheet', 'Tệp Excel không có trang tính (worksheet) nào để đọc.');
  }
  if (!archive.has(chosen.sheet.path)) throw corruptXlsx(`thiếu trang tính ${chosen.sheet.name}`);
  checkPartSizes(archive, structure, options.limits);

  const prescan = await prescanSheet(entryChunks(archive, chosen.sheet.path), {
    mergeRowLimit: options.headerRowLimit ?? 50,
    maxTrackedCells: MAX_TRACKED_CELLS,
  });
  return {
    sheetName: chosen.sheet.name,
    matchedPreferredSheet: chosen.matchedPreferred,
    merges: prescan.merges,
    hasExternalLinks: zip.hasExternalLinks,
    rows: streamRows(archive, structure, chosen.sheet.path, prescan, options.limits.maxUncompressedBytes),
  };
}

async function* streamRows(
  archive: ZipArchive,
  structure: WorkbookStructure,
  sheetPath: string,
  prescan: SheetPrescan,
  maxInflatedBytes: number,
): AsyncGenerator<UploadRow> {
  const guarded = createXlsxPackageStream(archive, structure, sheetPath, maxInflatedBytes);
  const reader = new excelStream.xlsx.WorkbookReader(guarded.stream, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const { guard } = guarded;
  const sheets = reader[Symbol.asyncIterator]();
  try {
    for (let sheet = await guard(sheets.next()); !sheet.done; sheet = await guard(sheets.next())) {
      const rows = sheet.value[Symbol.asyncIterator]();
      for (let row = await guard(rows.next()); !row.done; row = await guard(rows.next())) {
        yield toUploadRow(row.value, structure.date1904, prescan);
      }
    }
  } catch (error) {
    throw guarded.failure() ?? (error instanceof UploadRejected ? error : corruptXlsx('nội dung trang tính không hợp lệ'));
  } finally {
    guarded.stream.destroy();
  }
  const failure = guarded.failure();
  if (failure) throw failure;
}

function toUploadRow(row: Row, date1904: boolean, prescan: SheetPrescan): UploadRow {
  const cells: unknown[] = [];
  const flags: CellFlag[] = [];
  row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
    const { value, missingFormulaResult } = unwrapCell(cell.value, {
      address: cell.address,
      numFmt: typeof cell.numFmt === 'string' ? cell.numFmt : undefined,
      date1904,
      prescan,
    });
    while (cells.length < columnNumber - 1) cells.push(null);
    cells[columnNumber - 1] = value;
    if (missingFormulaResult) flags.push({ columnIndex: columnNumber - 1, kind: 'formula_without_cached_value' });
  });
  return flags.length > 0 ? { rowNumber: row.number, cells, flags } : { rowNumber: row.number, cells };
}

function checkPartSizes(
  archive: ZipArchive,
  structure: WorkbookStructure,
  limits: Pick<UploadLimits, 'maxSharedStringsBytes'>,
): void {
  const sharedStrings = archive.info(structure.sharedStringsPath ?? 'xl/sharedStrings.xml');
  const styles = archive.info(structure.stylesPath ?? 'xl/styles.xml');
  for (const [part, limit] of [
    [sharedStrings, limits.maxSharedStringsBytes],
    [styles, MAX_METADATA_PART_BYTES],
  ] as const) {
    if (part && part.uncompressedSize > limit) {
      throw new UploadRejected(
        413,
        'xlsx_too_large_uncompressed',
        `Thành phần ${part.name} của tệp Excel quá lớn để xử lý. Hãy xóa định dạng/trang tính thừa hoặc chia nhỏ tệp.`,
        { entry: part.name, declaredBytes: part.uncompressedSize, limitBytes: limit },
      );
    }
  }
}

async function* entryChunks(archive: ZipArchive, name: string): AsyncGenerator<Buffer> {
  let stream: Readable | undefined;
  try {
    stream = await archive.openEntryStream(name);
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (error) {
    throw zipReadError(error, name);
  } finally {
    stream?.destroy();
  }
}
