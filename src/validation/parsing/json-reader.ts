import { decodeText, detectEncoding } from './decode-text';
import { findJsonSyntaxError, lineAndColumn } from './json-error-position';
import type { UploadRow } from './upload-types';
import { UploadRejected } from './upload-rejected';
import { unsupportedFileType } from './sniff';
import { isInMemory, readWhole, type UploadSource } from './upload-source';

export interface JsonSource {
  /** Union of the keys of all row objects, in first-seen order. */
  header: string[];
  /** Cells aligned to `header` (absent key → null); `rowNumber` is the 1-based position in the array. */
  rows: UploadRow[];
}

/**
 * Reads a JSON upload: either `[{ "key or label": value, … }, …]` or `{ "rows": [ … ] }`.
 * The document is parsed whole, also when it was spooled to a file: uploads are size-capped
 * (maxFileBytes) and JSON has no useful streaming shape here, so this is acceptable (JSON is the one
 * format whose memory still grows with the file). Values are kept as JSON gave them (strings NFC).
 * Throws 422 `invalid_json` (with line/column) or `invalid_json_shape`.
 */
export async function readJsonSource(source: UploadSource): Promise<JsonSource> {
  const bytes = await readWhole(source);
  // Sniffing looked at a spooled file's head only (see sniff.ts): binary data further on is refused here.
  if (!isInMemory(source) && detectEncoding(bytes).encoding === 'utf-8' && bytes.includes(0)) throw unsupportedFileType();
  return readJson(bytes);
}

/** readJsonSource over bytes in memory. */
export function readJson(buffer: Buffer): JsonSource {
  const text = decodeText(buffer);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw invalidJson(text);
  }
  const items = Array.isArray(document) ? document : rowsProperty(document);
  if (!items) {
    throw new UploadRejected(
      422,
      'invalid_json_shape',
      'Tệp JSON phải là một mảng các đối tượng, hoặc một đối tượng có thuộc tính "rows" là mảng các đối tượng.',
    );
  }

  const header: string[] = [];
  const columnOf = new Map<string, number>();
  items.forEach((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new UploadRejected(
        422,
        'invalid_json_shape',
        `Phần tử thứ ${index + 1} của tệp JSON không phải là một đối tượng {"tên cột": giá trị}.`,
        { row: index + 1 },
      );
    }
    for (const key of Object.keys(item)) {
      if (!columnOf.has(key)) {
        columnOf.set(key, header.length);
        header.push(key);
      }
    }
  });

  const rows = (items as Record<string, unknown>[]).map((item, index) => {
    const cells: unknown[] = new Array<unknown>(header.length).fill(null);
    for (const [key, value] of Object.entries(item)) cells[columnOf.get(key)!] = value;
    return { rowNumber: index + 1, cells };
  });
  return { header, rows };
}

function rowsProperty(document: unknown): unknown[] | undefined {
  if (typeof document !== 'object' || document === null) return undefined;
  const rows = (document as { rows?: unknown }).rows;
  return Array.isArray(rows) ? rows : undefined;
}

function invalidJson(text: string): UploadRejected {
  const offset = findJsonSyntaxError(text);
  if (offset < 0) return new UploadRejected(422, 'invalid_json', 'Tệp JSON không hợp lệ.');
  const { line, column } = lineAndColumn(text, offset);
  const atEnd = offset >= text.length;
  return new UploadRejected(
    422,
    'invalid_json',
    atEnd
      ? `Tệp JSON không hợp lệ: nội dung kết thúc đột ngột (dòng ${line}, cột ${column}).`
      : `Tệp JSON không hợp lệ ở dòng ${line}, cột ${column}.`,
    { line, column, position: offset },
  );
}
