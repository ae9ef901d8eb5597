import iconv from 'iconv-lite';
import { detectEncoding, TextChunkDecoder } from './decode-text';
import { detectCsvDialect, type CsvDelimiter } from './csv-delimiter';
import { type CsvRecord, CsvTokenizer } from './csv-tokenizer';
import { unsupportedFileType } from './sniff';
import { isInMemory, readHead, sourceChunks, type UploadSource } from './upload-source';

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

// Small enough that a chunk's records are consumed between two young-generation collections: with
// 64 KiB, twice as much garbage-collection time went into copying records still waiting their turn.
const DEFAULT_CHUNK = 16 * 1024;
const DIALECT_PEEK_BYTES = 64 * 1024;
const BOM_BYTES = 3;
/** Longest record accepted; longer means a wrong delimiter or an unclosed quote. */
const MAX_RECORD_CHARS = 1_000_000;

/**
 * Streams CSV records from an upload (in memory, or a file read a piece at a time): slices are decoded (TextChunkDecoder) and tokenized
 * (CsvTokenizer) one at a time and the records each completes are yielded together (never an empty
 * batch), so memory does not grow with rows. The first row is the first record (normally the header). Blank lines are skipped; short
 * records are padded with '' to the width of the first record; unquoted fields are trimmed, quoted
 * fields are kept verbatim (embedded newlines included); stray quotes inside unquoted fields are kept.
 * Throws UploadRejected 422 `unsupported_encoding` / `invalid_csv`.
 */
export async function* readCsvBatches(source: UploadSource, options: CsvReadOptions = {}): AsyncGenerator<CsvRow[]> {
  const head = await readHead(source, BOM_BYTES + DIALECT_PEEK_BYTES);
  const { encoding, bomLength } = detectEncoding(head);
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
  const dialect = options.delimiter
    ? { delimiter: options.delimiter, hasSepLine: false }
    : detectCsvDialect(peekText(head.subarray(bomLength, bomLength + DIALECT_PEEK_BYTES), encoding));

  const decoder = new TextChunkDecoder(encoding);
  const tokenizer = new CsvTokenizer(dialect.delimiter, MAX_RECORD_CHARS);
  let width = -1;
  let skipSepLine = dialect.hasSepLine;
  for await (const records of tokenized(source, bomLength, chunkSize, decoder, tokenizer, encoding === 'utf-8')) {
    const rows: CsvRow[] = [];
    for (const { line, cells } of records) {
      if (skipSepLine) {
        skipSepLine = false;
        continue;
      }
      if (width < 0) width = cells.length;
      while (cells.length < width) cells.push('');
      rows.push({ rowNumber: line, cells });
    }
    if (rows.length > 0) yield rows;
  }
}

async function* tokenized(
  source: UploadSource,
  start: number,
  chunkSize: number,
  decoder: TextChunkDecoder,
  tokenizer: CsvTokenizer,
  utf8: boolean,
): AsyncGenerator<CsvRecord[]> {
  if (isInMemory(source)) {
    for (const slice of slices(source.subarray(start), chunkSize)) yield tokenizer.push(decoder.write(slice));
  } else {
    for await (const piece of sourceChunks(source, start)) {
      // Sniffing looked at the head only (see sniff.ts): binary data further on is refused here.
      if (utf8 && piece.includes(0)) throw unsupportedFileType();
      for (const slice of slices(piece, chunkSize)) yield tokenizer.push(decoder.write(slice));
    }
  }
  yield tokenizer.push(decoder.end());
  yield tokenizer.end();
}

function* slices(buffer: Buffer, size: number): Generator<Buffer> {
  for (let offset = 0; offset < buffer.length; offset += size) yield buffer.subarray(offset, offset + size);
}

/** Lenient decode of the file head, only to look at the header line. */
function peekText(head: Buffer, encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): string {
  if (encoding === 'utf-8') return new TextDecoder('utf-8').decode(head);
  return iconv.decode(head.subarray(0, head.length & ~1), encoding);
}
