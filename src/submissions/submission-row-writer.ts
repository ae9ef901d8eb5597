import type { TypedRow } from '../validation/domain/cell-value';

/** A page holds at most this many rows, and is sent early once it holds PAGE_BYTES of JSON. */
const PAGE_ROWS = 1000;
const PAGE_BYTES = 1024 * 1024;
/** First byte of PostgreSQL's binary jsonb input: the format version; the JSON text follows. */
const JSONB_BINARY_VERSION = 1;
const OPEN = '['.charCodeAt(0);
const COMMA = ','.charCodeAt(0);
const CLOSE = ']'.charCodeAt(0);
const CLOSE_OBJECT = '}'.charCodeAt(0);

/** One page of typed rows as the storage inserts it: `rows` is the jsonb array in binary jsonb format. */
export interface RowPage {
  firstRow: number;
  lastRow: number;
  rowCount: number;
  rows: Buffer;
}

/**
 * Stores typed rows as pages (SubmissionRowPage), one page in flight while the next is being parsed,
 * so memory stays flat however long the file is and the database works alongside parsing. Each page
 * is one jsonb array written straight as UTF-8 into one of two reusable buffers (the other may still
 * be in flight) and sent in PostgreSQL's binary jsonb format: no string to join, measure and re-encode.
 * Made by SubmissionStorage.rowWriter, which owns the insert.
 */
export class SubmissionRowWriter {
  private filling = new PageBuffer();
  private spare = new PageBuffer();
  private inFlight: Promise<void>;
  private failure: unknown = null;

  /** `before`: a statement already running on the insert's connection (the version insert); pages follow it. */
  constructor(
    private readonly insertPage: (page: RowPage) => Promise<unknown>,
    before: Promise<unknown> = Promise.resolve(),
  ) {
    this.inFlight = this.kept(before);
  }

  /** Buffers the row; returns a promise to await only when a full page had to be sent. */
  add(rowNumber: number, row: TypedRow): Promise<void> | undefined {
    this.filling.append(rowNumber, JSON.stringify(row));
    return this.filling.rows >= PAGE_ROWS || this.filling.size >= PAGE_BYTES ? this.send() : undefined;
  }

  /** Waits until nothing is running on the connection, without throwing (before a rollback). */
  settled(): Promise<void> {
    return this.inFlight;
  }

  /** Sends what is buffered and waits until every page is stored. */
  async flush(): Promise<void> {
    await this.send();
    await this.inFlight;
    if (this.failure) throw this.failure;
  }

  private async send(): Promise<void> {
    await this.inFlight;
    if (this.failure) throw this.failure;
    if (this.filling.rows === 0) return;
    const { firstRow, lastRow, rows } = this.filling;
    const page = this.filling.close();
    // The buffer just sent stays untouched until its insert is done: the next send awaits inFlight first.
    [this.filling, this.spare] = [this.spare, this.filling];
    this.filling.reset();
    this.inFlight = this.kept(this.insertPage({ firstRow, lastRow, rowCount: rows, rows: page }));
  }

  /** The failure is kept, not left unhandled, and rethrown at the next send or flush. */
  private kept(statement: Promise<unknown>): Promise<void> {
    return statement.then(
      () => undefined,
      (error: unknown) => {
        this.failure ??= error;
      },
    );
  }
}

/** `[row,row,…]` as UTF-8 after the jsonb version byte, in a buffer that grows and is reused. */
class PageBuffer {
  private bytes = Buffer.allocUnsafe(PAGE_BYTES + 64 * 1024);
  size = 0;
  rows = 0;
  firstRow = 0;
  lastRow = 0;

  constructor() {
    this.reset();
  }

  reset(): void {
    this.bytes[0] = JSONB_BINARY_VERSION;
    this.bytes[1] = OPEN;
    this.size = 2;
    this.rows = 0;
  }

  /** Appends `{"n":rowNumber,"d":data}`, written in pieces so the row's JSON is never copied into a bigger string. */
  append(rowNumber: number, data: string): void {
    // A UTF-16 code unit never takes more than 3 bytes in UTF-8.
    this.reserve(data.length * 3 + 32);
    if (this.rows > 0) this.bytes[this.size++] = COMMA;
    else this.firstRow = rowNumber;
    this.lastRow = rowNumber;
    this.size += this.bytes.write(`{"n":${rowNumber},"d":`, this.size, 'latin1');
    this.size += this.bytes.write(data, this.size, 'utf8');
    this.bytes[this.size++] = CLOSE_OBJECT;
    this.rows += 1;
  }

  /** The finished page; valid until the next reset. */
  close(): Buffer {
    this.reserve(1);
    this.bytes[this.size++] = CLOSE;
    return this.bytes.subarray(0, this.size);
  }

  private reserve(extra: number): void {
    if (this.size + extra <= this.bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.size + extra));
    this.bytes.copy(grown, 0, 0, this.size);
    this.bytes = grown;
  }
}
