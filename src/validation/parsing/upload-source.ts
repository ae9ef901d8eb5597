import { open, readFile } from 'node:fs/promises';

/** A file spooled to disk (an upload in flight): read as a stream or at random, never whole. */
export interface SpooledSource {
  path: string;
  size: number;
}

/** The bytes of an upload: in memory (backfill entries, specs) or in a temporary file. */
export type UploadSource = Buffer | SpooledSource;

/** Bytes read from disk at a time: memory per reading stays this small whatever the file's size. */
export const FILE_READ_BYTES = 256 * 1024;

export function isInMemory(source: UploadSource): source is Buffer {
  return Buffer.isBuffer(source);
}

export function sourceSize(source: UploadSource): number {
  return isInMemory(source) ? source.length : source.size;
}

/** The first `length` bytes (fewer when the file is shorter): enough to sniff the format. */
export async function readHead(source: UploadSource, length: number): Promise<Buffer> {
  if (isInMemory(source)) return source.subarray(0, length);
  const handle = await open(source.path, 'r');
  try {
    const head = Buffer.alloc(Math.min(length, source.size));
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * The bytes from `start`, in order, a bounded piece at a time. A file is read into one buffer reused
 * for every piece (fresh buffers per read would be external memory that makes V8 collect more often):
 * a piece is only valid until the next one is asked for; keep a copy of what must outlive it.
 */
export async function* sourceChunks(source: UploadSource, start = 0): AsyncGenerator<Buffer> {
  if (isInMemory(source)) {
    if (start < source.length) yield source.subarray(start);
    return;
  }
  if (start >= source.size) return;
  const file = await open(source.path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(FILE_READ_BYTES);
    for (let position = start; position < source.size; ) {
      const { bytesRead } = await file.read(buffer, 0, FILE_READ_BYTES, position);
      if (bytesRead === 0) return;
      position += bytesRead;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await file.close();
  }
}

/** Whether `pattern` occurs anywhere, also across the boundary of two pieces read. */
export async function sourceIncludes(source: UploadSource, pattern: Buffer): Promise<boolean> {
  if (isInMemory(source)) return source.includes(pattern);
  let tail: Buffer = Buffer.alloc(0);
  for await (const chunk of sourceChunks(source)) {
    const window = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk;
    if (window.includes(pattern)) return true;
    tail = Buffer.from(window.subarray(Math.max(0, window.length - (pattern.length - 1))));
  }
  return false;
}

/** The whole content in memory, for the readers that cannot do otherwise (JSON.parse). */
export async function readWhole(source: UploadSource): Promise<Buffer> {
  return isInMemory(source) ? source : readFile(source.path);
}
