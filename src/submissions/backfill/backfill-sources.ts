import { unprocessable } from '../../common/app-error';
import { normalizeHeader } from '../../validation/domain/normalize-header';
import type { OpenedUpload } from '../../validation/parsing/read-upload';
import { UploadRejected } from '../../validation/parsing/upload-rejected';
import type { UploadLimits } from '../../validation/parsing/upload-limits';
import type { UploadRow } from '../../validation/parsing/upload-types';
import type { ZipArchive } from '../../validation/parsing/zip-archive';
import { inspectZip } from '../../validation/parsing/zip-inspector';

/** Headers that name the unit of a row in a one-file backfill (compared without case, diacritics or punctuation). */
export const UNIT_COLUMN_HEADERS = ['Mã đơn vị', 'ma_don_vi', 'Mã tỉnh', 'Mã ĐVHC', 'unit_code'] as const;
const UNIT_COLUMN_KEYS = new Set(UNIT_COLUMN_HEADERS.map(normalizeHeader));

/** One unit's share of a backfill: a file of its own (ZIP entry), or its rows of a shared file. */
export type BackfillSource =
  | { kind: 'file'; unitCode: string; fileName: string; buffer: Buffer }
  | { kind: 'rows'; unitCode: string; fileName: string; rowNumbers: number[]; open: () => OpenedUpload };

/** Something in the batch that belongs to no unit: a file whose name gives no code, rows without a code. */
export interface BackfillContainerProblem {
  source: string;
  code: 'unit_code_missing' | 'unreadable_entry';
  message: string;
}

export interface BackfillContainer {
  kind: 'archive' | 'unit_column';
  sources: BackfillSource[];
  problems: BackfillContainerProblem[];
}

/** The unit code a file name starts with: `79.xlsx`, `79 - TP Hồ Chí Minh.csv`, `X1_bao-cao.json`. */
export function unitCodeOfFileName(path: string): string | null {
  const base = path.split('/').pop() ?? '';
  return /^([0-9A-Za-z]{1,16})(?=$|[\s._-])/.exec(base)?.[1] ?? null;
}

/** A unit code as typed in a cell: Excel keeps `01` as the number 1, so one digit gets its leading zero back. */
export function unitCodeOfCell(value: unknown): string | null {
  const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (text === '') return null;
  return /^\d$/.test(text) ? `0${text}` : text;
}

const isZip = (buffer: Buffer) => buffer.length >= 4 && buffer.readUInt32LE(0) === 0x04034b50;
const isIgnoredEntry = (name: string) => name.endsWith('/') || name.startsWith('__MACOSX/') || (name.split('/').pop() ?? '').startsWith('.');

/**
 * Reads what a backfill upload holds: a ZIP archive of files named by unit code, or one CSV, XLSX or
 * JSON file with a unit column. `openShared` opens a single file the way uploads do, with the unit
 * column among the headers it looks for.
 */
export async function readBackfillContainer(
  buffer: Buffer,
  fileName: string,
  limits: Pick<UploadLimits, 'maxFileBytes' | 'maxUncompressedBytes' | 'maxCompressionRatio' | 'compressionRatioMinBytes' | 'maxZipEntries'>,
  openShared: () => Promise<OpenedUpload>,
): Promise<BackfillContainer> {
  if (isZip(buffer)) {
    const zip = await inspectZip(buffer, limits);
    if (!zip.archive.has('[Content_Types].xml')) {
      try {
        return await readArchive(zip.archive, limits.maxFileBytes);
      } finally {
        zip.archive.close();
      }
    }
    zip.archive.close();
  }
  return splitByUnitColumn(await openShared(), fileName);
}

async function readArchive(archive: ZipArchive, maxFileBytes: number): Promise<BackfillContainer> {
  const sources: BackfillSource[] = [];
  const problems: BackfillContainerProblem[] = [];
  for (const name of archive.names()) {
    if (isIgnoredEntry(name)) continue;
    const unitCode = unitCodeOfFileName(name);
    if (!unitCode) {
      problems.push({ source: name, code: 'unit_code_missing', message: `Tên tệp "${name}" không bắt đầu bằng mã đơn vị (ví dụ 79.xlsx).` });
      continue;
    }
    try {
      sources.push({ kind: 'file', unitCode, fileName: name.split('/').pop() as string, buffer: await readEntry(archive, name, maxFileBytes) });
    } catch (error) {
      if (!(error instanceof UploadRejected)) throw error;
      problems.push({ source: name, code: 'unreadable_entry', message: `Không đọc được tệp "${name}" trong tệp nén: ${error.message}` });
    }
  }
  return { kind: 'archive', sources, problems };
}

async function readEntry(archive: ZipArchive, name: string, maxBytes: number): Promise<Buffer> {
  const declared = archive.info(name)?.uncompressedSize ?? 0;
  if (declared > maxBytes) throw new UploadRejected(413, 'file_too_large', `tệp lớn hơn giới hạn ${Math.floor(maxBytes / 1_048_576)} MiB.`);
  const chunks: Buffer[] = [];
  for await (const chunk of await archive.openEntryStream(name)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Groups a shared file's rows by its unit column; each unit then reads its rows like a file of its own. */
async function splitByUnitColumn(opened: OpenedUpload, fileName: string): Promise<BackfillContainer> {
  const column = opened.header.findIndex((header) => UNIT_COLUMN_KEYS.has(normalizeHeader(header)));
  if (column < 0) {
    await opened.close();
    throw unprocessable(
      'backfill_without_units',
      `Tệp nạp bù cần một cột mã đơn vị ("${UNIT_COLUMN_HEADERS[0]}") cho mỗi dòng, hoặc là tệp nén ZIP gồm các tệp đặt tên theo mã đơn vị (ví dụ 79.xlsx).`,
      [{ field: 'file', code: 'backfill_without_units', message: `không có cột "${UNIT_COLUMN_HEADERS[0]}" và không phải tệp nén ZIP` }],
    );
  }
  const byUnit = new Map<string, UploadRow[]>();
  const problems: BackfillContainerProblem[] = [];
  for await (const batch of opened.batches) {
    for (const row of batch) {
      const code = unitCodeOfCell(row.cells[column]);
      if (!code) {
        problems.push({ source: `dòng ${row.rowNumber}`, code: 'unit_code_missing', message: `Dòng ${row.rowNumber} không có mã đơn vị.` });
        continue;
      }
      const cells = row.cells.filter((_cell, index) => index !== column);
      const flags = row.flags?.filter((flag) => flag.columnIndex !== column).map((flag) => ({ ...flag, columnIndex: flag.columnIndex > column ? flag.columnIndex - 1 : flag.columnIndex }));
      byUnit.set(code, [...(byUnit.get(code) ?? []), { rowNumber: row.rowNumber, cells, ...(flags?.length ? { flags } : {}) }]);
    }
  }
  const without = <T>(values: T[]) => values.filter((_value, index) => index !== column);
  const sources: BackfillSource[] = [...byUnit].map(([unitCode, rows]) => ({
    kind: 'rows',
    unitCode,
    fileName,
    rowNumbers: rows.map((row) => row.rowNumber),
    open: () => ({
      ...opened,
      header: without(opened.header),
      headerLabels: without(opened.headerLabels),
      notes: [...opened.notes],
      batches: (async function* () {
        yield rows.map((row) => ({ ...row, cells: [...row.cells] }));
      })(),
      close: async () => undefined,
    }),
  }));
  return { kind: 'unit_column', sources, problems };
}
