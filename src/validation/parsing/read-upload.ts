import type { CellRange } from './cell-address';
import { readCsvBatches } from './csv-reader';
import { detectHeader, HEADER_SCAN_ROWS, type HeaderSource } from './header-detection';
import { keyMatchKey, normalizeHeaderText } from './header-text';
import { readJsonSource } from './json-reader';
import { arrayBatches, BatchCursor } from './row-batches';
import { RESAVE_CALCULATED } from './save-as-steps';
import { sniffUpload, type SniffResult } from './sniff';
import { formatBytes, formatNumber, resolveLimits, type UploadLimits } from './upload-limits';
import { UploadRejected } from './upload-rejected';
import { sourceSize, type UploadSource } from './upload-source';
import type { ReaderNote, UploadFormat, UploadRow } from './upload-types';
import { readXlsx } from './xlsx-reader';

export interface OpenUploadOptions {
  fileName?: string;
  mediaType?: string;
  /** schema.sheetName: the XLSX sheet to read when present. */
  preferredSheetName?: string;
  /** Labels and aliases of the schema's fields, used to find the header row. */
  knownHeaders?: readonly string[];
  /** Keys of the schema's fields, used to recognise the template's key row. */
  knownKeys?: readonly string[];
  limits?: Partial<UploadLimits>;
}

export interface OpenedUpload {
  format: UploadFormat;
  /** XLSX only: the sheet that was read. */
  sheetName?: string;
  /** Row of the column labels as the officer sees it (0 for JSON, which has no header row). */
  headerRowNumber: number;
  /** Row of field keys below the labels (template's hidden row 2), when present. */
  keyRowNumber?: number;
  /** Column names aligned with `cells`: field keys when headerSource is 'keys', else labels. */
  header: string[];
  /** The label row's text (equals `header` when headerSource is 'labels'). */
  headerLabels: string[];
  headerSource: HeaderSource;
  /** False when no row looked like the schema's header and the first row was taken. */
  headerRecognised: boolean;
  /**
   * Data rows after the header, in batches, streamed and single-use. Fully empty rows are skipped; cells
   * are padded with null to the header width (extra cells are kept). Throws UploadRejected while iterating
   * (413 `too_many_rows`, corrupt/lying XLSX, CSV decoding errors…).
   */
  batches: AsyncIterable<UploadRow[]>;
  /** What the officer should know about how the file was read; may grow while rows are read (formulas without values). */
  notes: ReaderNote[];
  /** Releases the underlying reader when rows are not read to the end. */
  close(): Promise<void>;
}

/** JSON rows handed to the validator at a time (CSV and XLSX readers batch per decoded chunk). */
const BATCH_ROWS = 256;

interface RowSource {
  batches: AsyncIterator<UploadRow[]>;
  merges?: readonly CellRange[];
  /** JSON: the header is the object keys, not a row. */
  presetHeader?: string[];
  sheetName?: string;
  notes: ReaderNote[];
}

/**
 * Single entry point for an uploaded report file: size check (413 `file_too_large`), content sniffing
 * (sniff.ts), zip inspection for XLSX, decoding, then header detection (header-detection.ts) over the
 * first rows. Everything after the header is streamed. The bytes are in memory or in a file (an upload
 * spooled to disk), which CSV reads as a stream and XLSX at random through its descriptor.
 */
export async function openUpload(bytes: UploadSource, options: OpenUploadOptions = {}): Promise<OpenedUpload> {
  const limits = resolveLimits(options.limits);
  const size = sourceSize(bytes);
  if (size > limits.maxFileBytes) {
    throw new UploadRejected(
      413,
      'file_too_large',
      `Tệp tải lên quá lớn (${formatBytes(size)}). Dung lượng tối đa là ${formatBytes(limits.maxFileBytes)}.`,
      { fileBytes: size, limitBytes: limits.maxFileBytes },
    );
  }
  const sniffed = await sniffUpload(bytes, { fileName: options.fileName, mediaType: options.mediaType }, limits);
  const source = await openSource(bytes, sniffed, options, limits);
  const knownHeaders = options.knownHeaders ?? [];
  const knownKeys = options.knownKeys ?? [];

  if (source.presetHeader) {
    const header = source.presetHeader.map((key) => normalizeHeaderText(key));
    const keys = new Set(knownKeys.map(keyMatchKey));
    const allKeys = header.length > 0 && keys.size > 0 && header.every((h) => h === '' || keys.has(keyMatchKey(h)));
    return opened(sniffed.format, source, {
      headerRowNumber: 0,
      header,
      headerLabels: header,
      headerSource: allKeys ? 'keys' : 'labels',
      headerRecognised: true,
      buffered: [],
      limits,
    });
  }

  const cursor = new BatchCursor(source.batches);
  const window: UploadRow[] = [];
  while (window.length < HEADER_SCAN_ROWS + 1) {
    const next = await cursor.next();
    if (next === undefined) break;
    if (!isEmptyRow(next.cells)) window.push(next);
  }
  source.batches = cursor.rest();
  const detected = detectHeader(window, { knownHeaders, knownKeys, merges: source.merges });
  if (!detected) {
    await cursor.return();
    throw new UploadRejected(422, 'empty_file', 'Tệp không có dữ liệu: không tìm thấy dòng tiêu đề nào.');
  }
  if (detected.skippedRowNumbers.length > 0) {
    source.notes.push({
      code: 'title_rows_skipped',
      message: `Đã bỏ qua ${detected.skippedRowNumbers.length} dòng phía trên dòng tiêu đề (dòng ${detected.headerRowNumber}).`,
    });
  }
  if (!detected.recognised && (knownHeaders.length > 0 || knownKeys.length > 0)) {
    source.notes.push({
      code: 'header_not_recognised',
      message: `Không nhận ra dòng tiêu đề theo mẫu trong ${HEADER_SCAN_ROWS} dòng đầu; dòng ${detected.headerRowNumber} được dùng làm tiêu đề.`,
    });
  }
  return opened(sniffed.format, source, {
    headerRowNumber: detected.headerRowNumber,
    keyRowNumber: detected.keyRowNumber,
    header: detected.header,
    headerLabels: detected.labels,
    headerSource: detected.headerSource,
    headerRecognised: detected.recognised,
    buffered: window.slice(detected.dataStartIndex),
    limits,
  });
}

async function openSource(
  bytes: UploadSource,
  sniffed: SniffResult,
  options: OpenUploadOptions,
  limits: UploadLimits,
): Promise<RowSource> {
  if (sniffed.format !== 'xlsx') {
    if (sniffed.format === 'csv') return { batches: readCsvBatches(bytes), notes: [] };
    const json = await readJsonSource(bytes);
    return { batches: arrayBatches(json.rows, BATCH_ROWS), presetHeader: json.header, notes: [] };
  }
  const { archive } = sniffed.zip;
  let xlsx: Awaited<ReturnType<typeof readXlsx>>;
  try {
    xlsx = await readXlsx(sniffed.zip, { preferredSheetName: options.preferredSheetName, limits });
  } catch (error) {
    archive.close();
    throw error;
  }
  const notes: ReaderNote[] = [];
  if (options.preferredSheetName && !xlsx.matchedPreferredSheet) {
    const others = xlsx.sheetNames.filter((name) => name !== xlsx.sheetName);
    notes.push({
      code: 'sheet_substituted',
      message:
        `Không có trang tính "${options.preferredSheetName}"; đã đọc trang "${xlsx.sheetName}", trang đầu tiên của tệp` +
        (others.length > 0 ? ` (các trang khác: ${others.map((name) => `"${name}"`).join(', ')})` : '') +
        `. Nếu số liệu nằm ở trang khác, hãy đổi tên trang đó thành "${options.preferredSheetName}" rồi tải lên lại.`,
    });
  }
  if (xlsx.hasExternalLinks) {
    notes.push({
      code: 'external_links',
      message: 'Tệp có liên kết tới sổ làm việc khác; hệ thống chỉ dùng giá trị đã lưu trong tệp, không mở liên kết.',
    });
  }
  return { batches: closingWhenDone(xlsx.batches, () => archive.close()), merges: xlsx.merges, sheetName: xlsx.sheetName, notes };
}

/** The rows, then the archive released (a file's descriptor is held until then), however the reading ends. */
async function* closingWhenDone<T>(batches: AsyncGenerator<T>, close: () => void): AsyncGenerator<T> {
  try {
    yield* batches;
  } finally {
    close();
  }
}

interface HeaderPart {
  headerRowNumber: number;
  keyRowNumber?: number;
  header: string[];
  headerLabels: string[];
  headerSource: HeaderSource;
  headerRecognised: boolean;
  buffered: UploadRow[];
  limits: UploadLimits;
}

function opened(format: UploadFormat, source: RowSource, part: HeaderPart): OpenedUpload {
  const { buffered, limits, ...header } = part;
  const width = header.header.length;
  let started = false;

  async function* dataBatches(): AsyncGenerator<UploadRow[]> {
    let count = 0;
    let flaggedNoteAdded = false;
    const emit = (row: UploadRow): UploadRow | undefined => {
      if (isEmptyRow(row.cells)) return undefined;
      count++;
      if (count > limits.maxRows) {
        throw new UploadRejected(
          413,
          'too_many_rows',
          `Tệp có quá nhiều dòng dữ liệu: tối đa ${formatNumber(limits.maxRows)} dòng. Hãy chia thành nhiều tệp.`,
          { limitRows: limits.maxRows, rowNumber: row.rowNumber },
        );
      }
      if (row.flags && !flaggedNoteAdded && row.flags.some((flag) => flag.kind === 'formula_without_cached_value')) {
        flaggedNoteAdded = true;
        source.notes.push({
          code: 'formula_not_calculated',
          message: `Có ô công thức chưa có giá trị đã tính (tệp do một chương trình không tính công thức tạo ra); các ô đó được coi là trống. ${RESAVE_CALCULATED}`,
        });
      }
      while (row.cells.length < width) row.cells.push(null);
      return row;
    };
    // The rows before one that is refused are still handed over first, as a row-by-row stream would.
    async function* ready(rows: readonly UploadRow[]): AsyncGenerator<UploadRow[]> {
      const accepted: UploadRow[] = [];
      try {
        for (const row of rows) {
          const emitted = emit(row);
          if (emitted) accepted.push(emitted);
        }
      } finally {
        if (accepted.length > 0) yield accepted;
      }
    }
    try {
      yield* ready(buffered);
      for (let next = await source.batches.next(); !next.done; next = await source.batches.next()) yield* ready(next.value);
    } finally {
      await source.batches.return?.(undefined);
    }
  }

  const batches = dataBatches();
  return {
    format,
    ...(source.sheetName ? { sheetName: source.sheetName } : {}),
    ...header,
    notes: source.notes,
    batches: {
      [Symbol.asyncIterator]() {
        if (started) throw new Error('Upload rows can only be iterated once');
        started = true;
        return batches;
      },
    },
    async close() {
      await batches.return(undefined);
      await source.batches.return?.(undefined);
    },
  };
}

function isEmptyRow(cells: readonly unknown[]): boolean {
  return cells.every((cell) => cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === ''));
}
