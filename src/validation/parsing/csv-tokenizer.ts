import { UploadRejected } from './upload-rejected';

export interface CsvRecord {
  /** 1-based physical line on which the record starts. */
  line: number;
  cells: string[];
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** A scanned record, or null when the text ends inside it. */
type Scan = { cells: string[]; end: number; lineBreaks: number } | null;

/**
 * CSV records from text pushed in pieces, with the dialect the upload accepts: one delimiter
 * character; CRLF, LF or lone CR end a line; blank lines are skipped; unquoted fields are trimmed
 * (JavaScript whitespace); quoted fields keep everything between the quotes ("" is a quote) and may
 * span lines; a quote inside an unquoted field is kept as text; text after a closing quote keeps the
 * whole field as written. Throws UploadRejected 422 `invalid_csv` for an unclosed quote or a record
 * longer than `maxRecordChars`.
 *
 * Hand-written rather than csv-parse: uploads are the hot path and csv-parse's byte-wise state machine
 * cost more than the whole validation of a row (bench/upload.bench.js).
 */
export class CsvTokenizer {
  private readonly delimiter: number;
  private carry = '';
  private line = 1;
  /** The last push ended with CR: an LF at the start of the next one completes that line break. */
  private pendingLf = false;

  constructor(
    delimiter: string,
    private readonly maxRecordChars: number,
  ) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\r' || delimiter === '\n') throw new Error(`unusable CSV delimiter ${JSON.stringify(delimiter)}`);
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** The records that `text` completes; an unfinished last record is kept for the next push. */
  push(text: string): CsvRecord[] {
    return this.scan(text, false);
  }

  /** The records left when the input ends. */
  end(): CsvRecord[] {
    return this.scan('', true);
  }

  private scan(text: string, final: boolean): CsvRecord[] {
    const s = this.carry.length > 0 ? this.carry + text : text;
    let pos = 0;
    if (this.pendingLf && s.length > 0) {
      if (s.charCodeAt(0) === LF) pos = 1;
      this.pendingLf = false;
    }
    const records: CsvRecord[] = [];
    while (pos < s.length) {
      const c = s.charCodeAt(pos);
      if (c === LF || c === CR) {
        pos = this.lineEnd(s, pos, final);
        this.line += 1;
        continue;
      }
      const record = this.record(s, pos, final);
      if (record === null) break;
      if (record.end - pos > this.maxRecordChars) throw tooLong(this.line);
      records.push({ line: this.line, cells: record.cells });
      this.line += record.lineBreaks;
      pos = record.end;
    }
    this.carry = pos < s.length ? s.slice(pos) : '';
    if (this.carry.length > this.maxRecordChars) throw tooLong(this.line);
    return records;
  }

  /** Position after the line break at `at` (CR or LF). */
  private lineEnd(s: string, at: number, final: boolean): number {
    if (s.charCodeAt(at) === LF) return at + 1;
    if (at + 1 < s.length) return s.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
    if (!final) this.pendingLf = true;
    return at + 1;
  }

  /** One record starting at `start`, or null when `s` ends before it does (and more text will come). */
  private record(s: string, start: number, final: boolean): Scan {
    const n = s.length;
    const cells: string[] = [];
    let lineBreaks = 0;
    let i = start;
    for (;;) {
      let j = i;
      while (j < n && this.isPadding(s.charCodeAt(j))) j++;
      let end: number;
      if (j < n && s.charCodeAt(j) === QUOTE) {
        const quoted = this.quoted(s, j, final);
        if (quoted === null) return null;
        lineBreaks += countLineBreaks(s, j, quoted.end);
        end = quoted.end;
        while (end < n && this.isPadding(s.charCodeAt(end))) end++;
        if (end < n && !this.isFieldEnd(s.charCodeAt(end))) {
          // Text after the closing quote: keep the field as written, up to the next delimiter or line break.
          end = this.unquotedEnd(s, end);
          if (end >= n && !final) return null;
          cells.push(s.slice(j, end).trimEnd());
        } else {
          if (end >= n && !final) return null;
          cells.push(quoted.value);
        }
      } else {
        end = this.unquotedEnd(s, j);
        if (end >= n && !final) return null;
        cells.push(s.slice(j, end).trimEnd());
      }
      if (end >= n) return { cells, end: n, lineBreaks };
      if (s.charCodeAt(end) === this.delimiter) {
        i = end + 1;
        continue;
      }
      return { cells, end: this.lineEnd(s, end, final), lineBreaks: lineBreaks + 1 };
    }
  }

  /** The quoted field opening at `open`: its value and the position after the closing quote. */
  private quoted(s: string, open: number, final: boolean): { value: string; end: number } | null {
    let value = '';
    let from = open + 1;
    for (;;) {
      const close = s.indexOf('"', from);
      if (close < 0 || (close + 1 >= s.length && !final)) {
        if (final) throw unclosedQuote(this.line);
        return null;
      }
      if (s.charCodeAt(close + 1) === QUOTE) {
        value += s.slice(from, close + 1);
        from = close + 2;
        continue;
      }
      return { value: value + s.slice(from, close), end: close + 1 };
    }
  }

  private unquotedEnd(s: string, from: number): number {
    let k = from;
    while (k < s.length && !this.isFieldEnd(s.charCodeAt(k))) k++;
    return k;
  }

  /** Whitespace around a field; a tab is not when it is the delimiter. */
  private isPadding(c: number): boolean {
    return c !== this.delimiter && isSpace(c);
  }

  private isFieldEnd(c: number): boolean {
    return c === this.delimiter || c === LF || c === CR;
  }
}

/** Whitespace String.prototype.trim removes, other than line breaks. */
function isSpace(c: number): boolean {
  if (c === 0x20 || c === 0x09) return true;
  if (c < 0xa0) return c === 0x0b || c === 0x0c;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** CRLF, lone CR and lone LF each end one physical line. */
function countLineBreaks(s: string, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (c === LF) count++;
    else if (c === CR && s.charCodeAt(k + 1) !== LF) count++;
  }
  return count;
}

function unclosedQuote(line: number): UploadRejected {
  return new UploadRejected(422, 'invalid_csv', `Không đọc được tệp CSV ở dòng ${line}: thiếu dấu nháy kép (") đóng.`, { csvCode: 'CSV_QUOTE_NOT_CLOSED', line });
}

function tooLong(line: number): UploadRejected {
  return new UploadRejected(
    422,
    'invalid_csv',
    `Không đọc được tệp CSV ở dòng ${line}: một dòng quá dài (có thể sai dấu phân cách hoặc thiếu dấu nháy kép đóng).`,
    { csvCode: 'CSV_MAX_RECORD_SIZE', line },
  );
}
