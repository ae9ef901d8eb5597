import iconv from 'iconv-lite';
import { detectEncoding, type TextEncoding } from './decode-text';
import { SAVE_AS_XLSX } from './save-as-steps';
import { resolveLimits } from './upload-limits';
import { UploadRejected } from './upload-rejected';
import { isInMemory, readHead, sourceIncludes, sourceSize, type UploadSource } from './upload-source';
import type { DeclaredFile, UploadFormat } from './upload-types';
import { encryptedWorkbook } from './zip-archive';
import { inspectZip, type ZipInspection, type ZipLimits } from './zip-inspector';

export type SniffResult = { format: 'csv' | 'json' } | { format: 'xlsx'; zip: ZipInspection };

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const MACRO_EXTENSIONS = new Set(['xlsm', 'xltm', 'xlam']);
const SPREADSHEET_EXTENSIONS = new Set(['xlsx', 'xltx', 'xls', 'xlsb', 'xlsm', 'xltm', 'xlam', 'ods']);
const OPENXML_SHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MACRO_MEDIA_TYPE = 'application/vnd.ms-excel.sheet.macroenabled.12';
const MACRO_MAIN_PART = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
const MAX_CONTENT_TYPES_BYTES = 1024 * 1024;
/** What sniffing looks at: signatures, the byte-order mark, the first character (and UTF-16 detection's 1 KiB). */
const HEAD_BYTES = 4096;
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');
const BINARY_SIGNATURES: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x52, 0x61, 0x72, 0x21], // RAR
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0x1f, 0x8b], // gzip
];


/**
 * Decides from the bytes (the declared name and media type only sharpen messages) whether an upload is
 * CSV, XLSX or JSON, or refuses it:
 * - `PK\x03\x04` zip → central directory inspected with the zip limits (413s, see zip-inspector.ts); must
 *   contain `[Content_Types].xml` and `xl/workbook.xml`; macro-enabled workbooks (`.xlsm` name, macro
 *   media type, macroEnabled main part or `vbaProject.bin`) → 415 `macro_workbook`; other zips
 *   (docx, ods, xlsb…) → 415 `not_a_spreadsheet`.
 * - OLE2 (`D0 CF 11 E0`) → 415 `legacy_xls` (or `encrypted_workbook` for password-protected .xlsx).
 * - A name/type claiming a spreadsheet on other bytes → 415 `not_a_spreadsheet`.
 * - Text: UTF-32 or BOM-less UTF-16 → 422 `unsupported_encoding`; NUL bytes or a known binary signature
 *   → 415 `unsupported_file_type`; first non-blank character `[` or `{` → JSON; otherwise CSV.
 * An XLSX result carries the inspection so that the zip is not read twice.
 */
export async function sniffUpload(
  source: UploadSource,
  declared: DeclaredFile = {},
  zipLimits: ZipLimits = resolveLimits(),
): Promise<SniffResult> {
  if (sourceSize(source) === 0) {
    throw new UploadRejected(422, 'empty_file', 'Tệp tải lên không có nội dung.');
  }
  const extension = extensionOf(declared.fileName);
  const mediaType = (declared.mediaType ?? '').split(';')[0].trim().toLowerCase();
  if (MACRO_EXTENSIONS.has(extension) || mediaType === MACRO_MEDIA_TYPE) throw macroWorkbook();

  const head = await readHead(source, HEAD_BYTES);
  if (startsWith(head, ZIP_LOCAL_HEADER)) return { format: 'xlsx', zip: await checkSpreadsheetZip(source, zipLimits) };
  if (startsWith(head, OLE2)) {
    if (await sourceIncludes(source, ENCRYPTED_PACKAGE)) throw encryptedWorkbook();
    throw new UploadRejected(415, 'legacy_xls', `Tệp Excel 97-2003 (.xls) không được hỗ trợ. ${SAVE_AS_XLSX}`);
  }
  const claimsSpreadsheet = SPREADSHEET_EXTENSIONS.has(extension) || (extension === '' && mediaType === OPENXML_SHEET_TYPE);
  if (claimsSpreadsheet) throw notASpreadsheet('Nội dung tệp không phải là bảng tính Excel (.xlsx).');
  if (BINARY_SIGNATURES.some((signature) => startsWith(head, signature))) throw unsupportedFileType();

  const { encoding, bomLength } = detectEncoding(head);
  // Bytes in memory are searched whole at once; a file on disk only in its head here: the CSV and JSON
  // readers look at the rest as they read it (readingSpooledText), which spares a second pass over the file.
  if (encoding === 'utf-8' && (isInMemory(source) ? source.includes(0) : head.includes(0))) throw unsupportedFileType();
  const first = firstCharacter(head.subarray(bomLength), encoding);
  return { format: first === '[' || first === '{' ? 'json' : 'csv' };
}

/** Just the format, for callers that do not go on to read the file (the zip handle is released). */
export async function sniffFormat(
  source: UploadSource,
  declared: DeclaredFile = {},
  zipLimits: ZipLimits = resolveLimits(),
): Promise<UploadFormat> {
  const result = await sniffUpload(source, declared, zipLimits);
  if (result.format === 'xlsx') result.zip.archive.close();
  return result.format;
}

async function checkSpreadsheetZip(source: UploadSource, limits: ZipLimits): Promise<ZipInspection> {
  const zip = await inspectZip(source, limits);
  const { archive } = zip;
  try {
    if (zip.hasVbaProject) throw macroWorkbook();
    if (!archive.has('[Content_Types].xml') || !archive.has('xl/workbook.xml')) {
      if (archive.has('xl/workbook.bin')) {
        throw notASpreadsheet(`Tệp Excel nhị phân (.xlsb) không được hỗ trợ. ${SAVE_AS_XLSX}`);
      }
      if (archive.has('content.xml') && archive.has('mimetype')) {
        throw notASpreadsheet(`Tệp bảng tính OpenDocument (.ods) không được hỗ trợ. ${SAVE_AS_XLSX}`);
      }
      throw notASpreadsheet('Tệp nén này không phải là bảng tính Excel (.xlsx).');
    }
    const contentTypes = await archive.readEntryText('[Content_Types].xml', MAX_CONTENT_TYPES_BYTES);
    if (contentTypes.includes(MACRO_MAIN_PART)) throw macroWorkbook();
    return zip;
  } catch (error) {
    archive.close();
    throw error;
  }
}

function firstCharacter(bytes: Buffer, encoding: TextEncoding): string {
  const head = bytes.subarray(0, 256);
  const text = encoding === 'utf-8' ? head.toString('latin1') : iconv.decode(head.subarray(0, head.length & ~1), encoding);
  return /\S/.exec(text)?.[0] ?? '';
}

function extensionOf(fileName: string | undefined): string {
  const match = /\.([A-Za-z0-9]{1,8})\s*$/.exec((fileName ?? '').normalize('NFC'));
  return match ? match[1].toLowerCase() : '';
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function macroWorkbook(): UploadRejected {
  return new UploadRejected(
    415,
    'macro_workbook',
    `Tệp Excel có chứa macro (.xlsm) không được chấp nhận; tệp .xlsx không có macro. ${SAVE_AS_XLSX}`,
  );
}

function notASpreadsheet(message: string): UploadRejected {
  return new UploadRejected(415, 'not_a_spreadsheet', `${message} Chỉ chấp nhận tệp .xlsx, .csv hoặc .json.`);
}

export function unsupportedFileType(): UploadRejected {
  return new UploadRejected(
    415,
    'unsupported_file_type',
    'Tệp tải lên không phải là tệp văn bản CSV/JSON hay bảng tính Excel (.xlsx). Chỉ chấp nhận tệp .xlsx, .csv hoặc .json.',
  );
}
