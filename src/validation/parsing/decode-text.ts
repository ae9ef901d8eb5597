import iconv from 'iconv-lite';
import { SAVE_AS_CSV_UTF8 } from './save-as-steps';
import { UploadRejected } from './upload-rejected';
import { countLineFeeds, firstInvalidUtf8Offset } from './utf8-scan';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface DetectedEncoding {
  encoding: TextEncoding;
  /** Bytes of byte-order mark at the start (0 when absent). */
  bomLength: number;
}


/** 422 `unsupported_encoding`: the file is not UTF-8 (or UTF-16 with BOM); we never guess legacy code pages. */
export function unsupportedEncoding(line?: number): UploadRejected {
  const where = line === undefined ? '' : ` (lỗi đầu tiên ở dòng ${line})`;
  return new UploadRejected(
    422,
    'unsupported_encoding',
    `Tệp không phải UTF-8${where}. ${SAVE_AS_CSV_UTF8}`,
    line === undefined ? undefined : { line },
  );
}

/**
 * Reads the byte-order mark. UTF-32 BOMs and BOM-less UTF-16 are refused (422 `unsupported_encoding`);
 * anything else is treated as UTF-8 and validated while decoding.
 */
export function detectEncoding(bytes: Uint8Array): DetectedEncoding {
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    throw unsupportedEncoding();
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', bomLength: 3 };
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: 'utf-16le', bomLength: 2 };
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: 'utf-16be', bomLength: 2 };
  if (looksLikeUtf16WithoutBom(bytes)) throw unsupportedEncoding();
  return { encoding: 'utf-8', bomLength: 0 };
}

/** UTF-16 text without BOM: mostly-ASCII content shows NUL in every other byte. */
export function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  const sample = Math.min(bytes.length, 1024) & ~1;
  if (sample < 4) return false;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = sample / 2;
  return (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) || (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05);
}

/**
 * Whole-buffer decode for small inputs (JSON, sniffing): BOM stripped, UTF-8 validated, NFC.
 * Acceptable because uploads are size-capped and the original bytes are held in memory anyway.
 */
export function decodeText(bytes: Uint8Array): string {
  const { encoding } = detectEncoding(bytes);
  if (encoding !== 'utf-8') return iconv.decode(bytes, encoding).normalize('NFC');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).normalize('NFC');
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    throw unsupportedEncoding(offset < 0 ? undefined : countLineFeeds(bytes, offset) + 1);
  }
}

/**
 * Incremental decoder (Buffer chunks in, UTF-8 text out): validates UTF-8 with a fatal TextDecoder
 * (multi-byte sequences split across chunks are carried over) or decodes UTF-16 with iconv-lite, and
 * normalises to NFC. Text is held back from the last "stable" character (< U+0300: never composes
 * with what precedes it and blocks reordering) so that a base letter and its combining marks are
 * always normalised together even when a chunk boundary falls between them.
 * `write` and `end` throw UploadRejected 422 `unsupported_encoding` naming the first bad line.
 */
export class TextChunkDecoder {
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });
  private readonly utf16?: iconv.DecoderStream;
  private heldBack = '';
  private linesBefore = 0;
  private previousTail: Buffer = Buffer.alloc(0);

  constructor(encoding: TextEncoding) {
    if (encoding !== 'utf-8') this.utf16 = iconv.getDecoder(encoding);
  }

  write(chunk: Buffer): string {
    let text: string;
    try {
      text = this.utf16 ? this.utf16.write(chunk) : this.utf8.decode(chunk, { stream: true });
    } catch {
      throw this.locateError(chunk);
    }
    if (!this.utf16) {
      this.linesBefore += countLineFeeds(chunk);
      this.previousTail = incompleteUtf8Tail(chunk);
    }
    return this.release(text, false);
  }

  end(): string {
    let text: string;
    try {
      text = this.utf16 ? (this.utf16.end() ?? '') : this.utf8.decode();
    } catch {
      throw unsupportedEncoding(this.linesBefore + 1);
    }
    return this.release(text, true);
  }

  private release(text: string, final: boolean): string {
    const pending = this.heldBack + text;
    const cut = final ? pending.length : stableBoundary(pending);
    this.heldBack = pending.slice(cut);
    return cut > 0 ? pending.slice(0, cut).normalize('NFC') : '';
  }

  private locateError(chunk: Buffer): UploadRejected {
    const window = Buffer.concat([this.previousTail, chunk]);
    const offset = firstInvalidUtf8Offset(window, false);
    const inChunk = Math.max(0, offset - this.previousTail.length);
    return unsupportedEncoding(this.linesBefore + countLineFeeds(chunk, inChunk) + 1);
  }
}

/** Without a stable character for this long, flush anyway (cannot happen with CSV delimiters/newlines). */
const MAX_HELD_BACK = 1 << 20;

/** Index of the last character below U+0300 (a safe place to cut before NFC), or 0 when none. */
function stableBoundary(text: string): number {
  const floor = Math.max(0, text.length - MAX_HELD_BACK);
  for (let i = text.length - 1; i >= floor; i--) {
    if (text.charCodeAt(i) < 0x300) return i;
  }
  if (floor === 0) return 0;
  // Pathological input without any stable character: cut anyway, but never inside a surrogate pair.
  const code = text.charCodeAt(floor);
  return code >= 0xdc00 && code <= 0xdfff ? floor - 1 : floor;
}

/** The trailing bytes of `chunk` that start a multi-byte sequence not yet complete (TextDecoder carries them over). */
function incompleteUtf8Tail(chunk: Buffer): Buffer {
  for (let back = 1; back <= Math.min(3, chunk.length); back++) {
    const b = chunk[chunk.length - back];
    if (b < 0x80) break;
    if (b >= 0xc0) {
      const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      // A copy: the chunk's memory may be reused for the next piece read from disk.
      return length > back ? Buffer.from(chunk.subarray(chunk.length - back)) : Buffer.alloc(0);
    }
  }
  return Buffer.alloc(0);
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}
