import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import type { CellRange } from './cell-address';
import { prescanSheet } from './sheet-prescan';
import type { UploadLimits } from './upload-limits';
import { UploadRejected } from './upload-rejected';
import type { UploadRow } from './upload-types';
import { chooseSheet, parseWorkbookStructure, type WorkbookStructure } from './workbook-structure';
import { numberStylesOf, readSharedStrings } from './xlsx-parts';
import { readSheetRows, type SheetContext } from './xlsx-sheet-rows';
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
  /** The visible worksheets of the workbook, in order. */
  sheetNames: string[];
  /** `preferredSheetName` was given and found. */
  matchedPreferredSheet: boolean;
  /** Merged ranges in the header area. */
  merges: CellRange[];
  hasExternalLinks: boolean;
  /** Excel rows in order, a decompressed chunk's worth at a time (rows without values are not yielded); cells[i] is column i+1. Single use. */
  batches: AsyncGenerator<UploadRow[]>;
}

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const STYLES = 'xl/styles.xml';
/** workbook.xml, rels and styles.xml are parsed whole. */
const MAX_METADATA_PART_BYTES = 16 * 1024 * 1024;
const MAX_TRACKED_CELLS = 100_000;

/**
 * Streams one worksheet of an inspected XLSX: the shared strings and the date and percent styles are read first,
 * a prescan pass over the sheet XML finds the merged cells of the header area (listed after the data),
 * then the sheet's rows are read as its XML inflates (xlsx-sheet-rows.ts). Every part comes from
 * `ZipArchive.openEntryStream`, whose inflation fails past the declared, limit-checked size.
 * Our own scanner rather than exceljs's WorkbookReader: on a 100,000-row sheet it needed twice the
 * time and more memory than the whole validation, and it lost formula results (cached 0, '', false).
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
  const sharedStringsPath = structure.sharedStringsPath ?? SHARED_STRINGS;
  const stylesPath = structure.stylesPath ?? STYLES;
  const context: SheetContext = {
    sharedStrings: archive.has(sharedStringsPath) ? await parsed(sharedStringsPath, readSharedStrings(entryChunks(archive, sharedStringsPath))) : [],
    ...numberStylesOf(archive.has(stylesPath) ? await archive.readEntryText(stylesPath, MAX_METADATA_PART_BYTES) : undefined),
    date1904: structure.date1904,
  };
  return {
    sheetName: chosen.sheet.name,
    sheetNames: structure.sheets.filter((sheet) => sheet.state === 'visible').map((sheet) => sheet.name),
    matchedPreferredSheet: chosen.matchedPreferred,
    merges: prescan.merges,
    hasExternalLinks: zip.hasExternalLinks,
    batches: sheetBatches(archive, chosen.sheet.path, context),
  };
}

async function* sheetBatches(archive: ZipArchive, sheetPath: string, context: SheetContext): AsyncGenerator<UploadRow[]> {
  try {
    yield* readSheetRows(entryChunks(archive, sheetPath), context);
  } catch (error) {
    throw error instanceof UploadRejected ? error : corruptXlsx('nội dung trang tính không hợp lệ');
  }
}

async function parsed<T>(part: string, reading: Promise<T>): Promise<T> {
  try {
    return await reading;
  } catch (error) {
    throw error instanceof UploadRejected ? error : corruptXlsx(`không đọc được ${part}`);
  }
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

/** An entry's inflated bytes, checked against the CRC-32 the central directory declares. */
async function* entryChunks(archive: ZipArchive, name: string): AsyncGenerator<Buffer> {
  const declared = archive.info(name)?.crc32;
  let stream: Readable | undefined;
  let checksum = 0;
  try {
    stream = await archive.openEntryStream(name);
    for await (const chunk of stream) {
      checksum = crc32(chunk as Buffer, checksum);
      yield chunk as Buffer;
    }
  } catch (error) {
    throw zipReadError(error, name);
  } finally {
    stream?.destroy();
  }
  if (declared !== undefined && checksum >>> 0 !== declared >>> 0) throw corruptXlsx(`${name} bị hỏng (sai mã kiểm tra CRC-32)`);
}
