import { crc32 } from 'node:zlib';

/** One entry of a zip written without compression; `size` and `crc32` must be known up front. */
export interface StoredEntry {
  name: string;
  size: number;
  crc32: number;
  /** The entry's bytes; must produce exactly `size` bytes with checksum `crc32`. */
  content(): AsyncIterable<Buffer> | Promise<AsyncIterable<Buffer>>;
}

/** The content of an entry did not match what its header promised. */
export class EntryContentMismatch extends Error {
  constructor(
    readonly entryName: string,
    readonly kind: 'larger' | 'smaller' | 'checksum',
  ) {
    super(`Entry ${entryName}: content ${kind === 'checksum' ? 'fails its CRC-32 check' : `is ${kind} than declared`}`);
    this.name = 'EntryContentMismatch';
  }
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const UTF8_NAMES = 0x0800;
const DOS_DATE_1980_01_01 = 0x0021;

/**
 * Writes a plain (no zip64) zip archive of stored entries as a byte stream, fetching each entry's
 * content only when its turn comes. Throws if an entry's content does not match its declared size
 * or checksum, so the consumer never sees a member that differs from its header.
 */
export async function* writeStoredZip(entries: readonly StoredEntry[]): AsyncGenerator<Buffer> {
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(0, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(DOS_DATE_1980_01_01, 12);
    local.writeUInt32LE(entry.crc32 >>> 0, 14);
    local.writeUInt32LE(entry.size, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    yield Buffer.concat([local, name]);

    let written = 0;
    let checksum = 0;
    for await (const chunk of await entry.content()) {
      written += chunk.length;
      if (written > entry.size) throw new EntryContentMismatch(entry.name, 'larger');
      checksum = crc32(chunk, checksum);
      yield chunk;
    }
    if (written !== entry.size) throw new EntryContentMismatch(entry.name, 'smaller');
    if (checksum >>> 0 !== entry.crc32 >>> 0) throw new EntryContentMismatch(entry.name, 'checksum');

    const header = Buffer.alloc(46);
    header.writeUInt32LE(CENTRAL_HEADER, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(UTF8_NAMES, 8);
    header.writeUInt16LE(0, 10);
    header.writeUInt16LE(0, 12);
    header.writeUInt16LE(DOS_DATE_1980_01_01, 14);
    header.writeUInt32LE(entry.crc32 >>> 0, 16);
    header.writeUInt32LE(entry.size, 20);
    header.writeUInt32LE(entry.size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    offset += local.length + name.length + entry.size;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  yield Buffer.concat([directory, end]);
}
