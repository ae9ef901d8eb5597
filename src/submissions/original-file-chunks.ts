import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { DataSource, EntityManager } from 'typeorm';
import { isInMemory, type UploadSource } from '../validation/parsing/upload-source';

/**
 * The original bytes of a version, stored as rows of `submission_version_chunks` (1 MiB each, in
 * order by `seq`) and read back the same way: whatever the file's size, one chunk at a time is in memory.
 * Every statement on that table is here.
 */
export const ORIGINAL_CHUNK_BYTES = 1024 * 1024;

type Queryable = Pick<EntityManager, 'query'> | Pick<DataSource, 'query'>;

/**
 * Writes the bytes as chunks, inside the caller's transaction (on its connection, after the version's
 * row). Each chunk's insert is awaited before the next chunk is read, so one buffer is reused: pg sends
 * a Buffer parameter as binary, once, when the statement goes out. Returns the number of chunks.
 */
export async function storeOriginalChunks(manager: Queryable, versionId: string, original: UploadSource): Promise<number> {
  const insert = (seq: number, data: Buffer) =>
    manager.query('INSERT INTO submission_version_chunks (version_id, seq, data) VALUES ($1, $2, $3)', [versionId, seq, data]);
  if (isInMemory(original)) {
    let seq = 0;
    do await insert(seq, original.subarray(seq * ORIGINAL_CHUNK_BYTES, (seq + 1) * ORIGINAL_CHUNK_BYTES));
    while (++seq * ORIGINAL_CHUNK_BYTES < original.length);
    return seq;
  }
  const file = await open(original.path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(ORIGINAL_CHUNK_BYTES);
    let seq = 0;
    let position = 0;
    do {
      const { bytesRead } = await file.read(buffer, 0, ORIGINAL_CHUNK_BYTES, position);
      await insert(seq, buffer.subarray(0, bytesRead));
      position += bytesRead;
      seq++;
      if (bytesRead === 0) break;
    } while (position < original.size);
    return seq;
  } finally {
    await file.close();
  }
}

/** One chunk, or undefined past the last. */
async function chunkAt(db: Queryable, versionId: string, seq: number): Promise<Buffer | undefined> {
  const [row]: Array<{ data: Buffer }> = await db.query('SELECT data FROM submission_version_chunks WHERE version_id = $1 AND seq = $2', [versionId, seq]);
  return row?.data;
}

async function* chunksOf(db: Queryable, versionId: string): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq++) {
    const data = await chunkAt(db, versionId, seq);
    if (!data) return;
    if (data.length > 0) yield data;
  }
}

/**
 * The original bytes as a stream for a download: the next chunk is fetched (one short query, no
 * transaction: versions never change) only when the response has taken the previous one.
 */
export function originalFileStream(db: Queryable, versionId: string): Readable {
  return Readable.from(chunksOf(db, versionId), { objectMode: false, highWaterMark: 64 * 1024 });
}

/** The whole original in memory, for the annotated workbook (capped in rows; exceljs loads a whole file anyway). */
export async function readOriginalFile(db: Queryable, versionId: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of chunksOf(db, versionId)) chunks.push(chunk);
  return Buffer.concat(chunks);
}
