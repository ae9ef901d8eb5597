import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { createTextDecodeStream, detectEncoding } from './decode-text';
import { detectCsvDialect, type CsvDelimiter } from './csv-delimiter';
import { UploadRejected } from './upload-rejected';

export interface CsvRow {
  /** 1-based physical line on which the record starts (quoted fields may span several lines). */
  rowNumber: number;
  cells: string[];
}

export interface CsvReadOptions {
  /** Size of the slices fed to the decoder; only tests need to change it. */
  chunkSize?: number;
  /** Skip delimiter detection. */
  delimiter?: CsvDelimiter;
}

const DEFAULT_CHUNK = 64 * 1024;
const DIALECT_PEEK_BYTES = 64 * 1024;
/** Longest record accepted; longer means a wrong delimiter or an unclosed quote. */
const MAX_RECORD_CHARS = 1_000_000;

/**
 * Streams CSV records from an uploaded buffer. The buffer is fed to a decoding Transform and csv-parse
 * in slices, and records are pulled one at a time (backpressure), so memory does not grow with rows.
 * The first yielded row is the first record (normally the header). Blank lines are skipped; short
 * records are padded with '' to the width of the first record; unquoted fields are trimmed, quoted
 * fields are kept verbatim (embedded newlines included); stray quotes inside unquoted fields are kept.
 * Throws UploadRejected 422 `unsupported_encoding` / `invalid_csv`.
 */
export async function* readCsv(buffer: Buffer, options: CsvReadOptions = {}): AsyncGenerator<CsvRow> {
  const { encoding, bomLength } = detectEncoding(buffer);
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
  const dialect = options.delimiter
    ? { delimiter: options.delimiter, hasSepLine: false }
    : detectCsvDialect(peekText(buffer.subarray(bomLength, bomLength + DIALECT_PEEK_BYTES), encoding));

  const parser = parse({
    delimiter: dialect.delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    trim: true,
    raw: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  const done = pipeline(
    Readable.from(slices(buffer.subarray(bomLength), chunkSize), { objectMode: false }),
    createTextDecodeStream(encoding),
    parser,
  );
  // Errors surface through the parser iterator below; this only prevents an unhandled rejection.
  done.catch(() => undefined);

  let linesBefore = 0;
  let width = -1;
  let skipSepLine = dialect.hasSepLine;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      const leading = countLineBreaks(leadingBreaks(item.raw));
      const rowNumber = linesBefore + leading + 1;
      linesBefore += countLineBreaks(item.raw);
      if (skipSepLine) {
        skipSepLine = false;
        continue;
      }
      const cells = item.record;
      if (width < 0) width = cells.length;
      while (cells.length < width) cells.push('');
      yield { rowNumber, cells };
    }
    await done;
  } catch (error) {
    throw toUploadError(error);
  } finally {
    parser.destroy();
  }
}

function* slices(buffer: Buffer, size: number): Generator<Buffer> {
  for (let offset = 0; offset < buffer.length; offset += size) yield buffer.subarray(offset, offset + size);
}

/** Lenient decode of the file head, only to look at the header line. */
function peekText(head: Buffer, encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): string {
  if (encoding === 'utf-8') return new TextDecoder('utf-8').decode(head);
  return iconv.decode(head.subarray(0, head.length & ~1), encoding);
}

function leadingBreaks(raw: string): string {
  return /^[\r\n]*/.exec(raw)?.[0] ?? '';
}

/** CRLF, lone CR and lone LF each end one physical line. */
function countLineBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}

function toUploadError(error: unknown): unknown {
  if (error instanceof UploadRejected) return error;
  if (error instanceof CsvError) {
    const line = error['lines'];
    const where = typeof line === 'number' ? ` ở dòng ${line}` : '';
    const reason =
      error.code === 'CSV_MAX_RECORD_SIZE'
        ? 'một dòng quá dài (có thể sai dấu phân cách hoặc thiếu dấu nháy kép đóng)'
        : error.code === 'CSV_QUOTE_NOT_CLOSED'
          ? 'thiếu dấu nháy kép (") đóng'
          : 'cấu trúc CSV không hợp lệ';
    return new UploadRejected(422, 'invalid_csv', `Không đọc được tệp CSV${where}: ${reason}.`, {
      csvCode: error.code,
      ...(typeof line === 'number' ? { line } : {}),
    });
  }
  return error;
}
