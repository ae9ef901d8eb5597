import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { EntryContentMismatch, writeStoredZip, type StoredEntry } from './stored-zip-writer';
import { UploadRejected } from './upload-rejected';
import type { WorkbookStructure } from './workbook-structure';
import { corruptXlsx, zipReadError, type ZipArchive } from './zip-archive';
import { tooLargeUncompressed } from './zip-inspector';

/** Paths exceljs's streaming reader recognises. */
const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const STYLES = 'xl/styles.xml';
const SHEET = 'xl/worksheets/sheet1.xml';

const EMPTY_SHARED_STRINGS = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
  'utf8',
);

export interface GuardedPackage {
  /** A zip byte stream for exceljs's WorkbookReader. */
  stream: Readable;
  /** Rejects with the UploadRejected that cut the stream short; never resolves. */
  failed: Promise<never>;
  failure(): UploadRejected | undefined;
  /**
   * Settles like `step`, or rejects with the failure if that comes first. Use this rather than
   * `Promise.race([step, failed])` in loops: racing a never-settling promise leaks one reaction per call.
   */
  guard<T>(step: Promise<T>): Promise<T>;
}

/**
 * Re-packages only what exceljs needs into a fresh *stored* (uncompressed) zip stream, in the order that
 * lets exceljs stream without temp files: workbook rels, workbook, shared strings (an empty part is
 * supplied when missing), styles, then the one chosen worksheet. Every byte comes from
 * `ZipArchive.openEntryStream`, i.e. yauzl inflation that fails past the declared (and limit-checked)
 * size; sizes and CRC-32 are re-checked while copying and the total is capped at `maxInflatedBytes`.
 * So exceljs never inflates anything itself, never sees entries hidden from the central directory
 * (local headers are not trusted), and a lying zip bomb is cut off at its declared size.
 * On failure the stream simply ends early and `failed` rejects; readers wrap each step in `guard()`
 * because unzipper (inside exceljs) can wait forever on a truncated stream.
 */
export function createXlsxPackageStream(
  archive: ZipArchive,
  structure: WorkbookStructure,
  sheetPath: string,
  maxInflatedBytes: number,
): GuardedPackage {
  let inflated = 0;
  let failure: UploadRejected | undefined;
  const waiting = new Set<(error: UploadRejected) => void>();
  const failed = new Promise<never>((_, reject) => {
    waiting.add(reject);
  });
  failed.catch(() => undefined);
  const fail = (error: UploadRejected) => {
    failure = error;
    for (const reject of [...waiting]) reject(error);
    waiting.clear();
  };
  const guard = <T>(step: Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (failure) {
        reject(failure);
        return;
      }
      waiting.add(reject);
      step.then(
        (value) => {
          waiting.delete(reject);
          resolve(value);
        },
        (error: unknown) => {
          waiting.delete(reject);
          reject(error);
        },
      );
    });

  const fromArchive = (source: string, target: string): StoredEntry => {
    const info = archive.info(source);
    if (!info) throw corruptXlsx(`thiếu thành phần ${source}`);
    return {
      name: target,
      size: info.uncompressedSize,
      crc32: info.crc32,
      content: async function* () {
        const stream = await archive.openEntryStream(source);
        try {
          for await (const chunk of stream) {
            inflated += (chunk as Buffer).length;
            if (inflated > maxInflatedBytes) throw tooLargeUncompressed(inflated, maxInflatedBytes);
            yield chunk as Buffer;
          }
        } catch (error) {
          throw zipReadError(error, source);
        } finally {
          stream.destroy();
        }
      },
    };
  };

  const entries: StoredEntry[] = [];
  if (archive.has(WORKBOOK_RELS)) entries.push(fromArchive(WORKBOOK_RELS, WORKBOOK_RELS));
  entries.push(fromArchive(WORKBOOK, WORKBOOK));
  const sharedStrings = structure.sharedStringsPath ?? SHARED_STRINGS;
  entries.push(
    archive.has(sharedStrings)
      ? fromArchive(sharedStrings, SHARED_STRINGS)
      : {
          name: SHARED_STRINGS,
          size: EMPTY_SHARED_STRINGS.length,
          crc32: crc32(EMPTY_SHARED_STRINGS),
          content: async function* () {
            yield EMPTY_SHARED_STRINGS;
          },
        },
  );
  const styles = structure.stylesPath ?? STYLES;
  if (archive.has(styles)) entries.push(fromArchive(styles, STYLES));
  entries.push(fromArchive(sheetPath, SHEET));

  async function* guarded(): AsyncGenerator<Buffer> {
    try {
      yield* writeStoredZip(entries);
    } catch (error) {
      fail(toRejection(error));
    }
  }

  return { stream: Readable.from(guarded(), { objectMode: false }), failed, failure: () => failure, guard };
}

function toRejection(error: unknown): UploadRejected {
  if (error instanceof UploadRejected) return error;
  if (error instanceof EntryContentMismatch) {
    return error.kind === 'larger'
      ? zipReadError(new Error('too many bytes in the stream'), error.entryName)
      : corruptXlsx(`thành phần ${error.entryName} bị hỏng`);
  }
  return corruptXlsx('không đọc được nội dung');
}
