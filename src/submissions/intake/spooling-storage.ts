import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import type { StorageEngine } from 'multer';

/** Spool files are named so (tests look for leftovers by this prefix). */
export const SPOOL_FILE_PREFIX = 'baocao-upload-';
const SPOOL_WRITE_BUFFER_BYTES = 1024 * 1024;

/** What the storage adds to multer's file: where the bytes are, their size and their sha256. */
export interface SpoolInfo {
  path: string;
  size: number;
  sha256: string;
}

/**
 * A multer storage engine that writes the part to a new temporary file (mode 0600) as busboy hands
 * it over, hashing and counting on the way: memory per upload is a few stream buffers, whatever the
 * size. A part that fails midway (client gone, body cut) removes its file before reporting.
 */
export class SpoolingStorage implements StorageEngine {
  constructor(private readonly directory: string = tmpdir()) {}

  _handleFile(_request: Request, file: Express.Multer.File, done: (error?: unknown, info?: Partial<Express.Multer.File> & SpoolInfo) => void): void {
    const path = join(this.directory, `${SPOOL_FILE_PREFIX}${randomUUID()}.part`);
    const hash = createHash('sha256');
    let size = 0;
    // Counted and hashed as the chunks go by to the file (a listener costs less than a stage in the pipeline).
    file.stream.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      size += chunk.length;
    });
    pipeline(
      file.stream,
      // Up to 1 MiB waits in memory while the disk writes, so that the body keeps flowing in meanwhile.
      createWriteStream(path, { flags: 'wx', mode: 0o600, highWaterMark: SPOOL_WRITE_BUFFER_BYTES }),
    ).then(
      () => done(null, { path, size, sha256: hash.digest('hex') }),
      (error: unknown) => void removeSpool(path).finally(() => done(error)),
    );
  }

  _removeFile(_request: Request, file: Express.Multer.File & Partial<SpoolInfo>, done: (error: Error | null) => void): void {
    void (file.path ? removeSpool(file.path) : Promise.resolve()).then(() => done(null));
  }
}

/** Removes a spool file; one already gone is fine. */
export async function removeSpool(path: string): Promise<void> {
  await rm(path, { force: true }).catch(() => undefined);
}
