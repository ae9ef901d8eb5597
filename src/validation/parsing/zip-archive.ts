import type { Readable } from 'node:stream';
import type { Entry, ZipFile } from 'yauzl';
import { REMOVE_PASSWORD, SAVE_AS_XLSX } from './save-as-steps';
import { formatBytes } from './upload-limits';
import { UploadRejected } from './upload-rejected';

/** What the central directory declares about one entry (nothing here has been decompressed). */
export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  crc32: number;
  encrypted: boolean;
}

/**
 * A zip read through yauzl from an in-memory buffer or from a file's descriptor. Entry streams are opened on demand and
 * yauzl's `validateEntrySizes` makes each stream fail as soon as it inflates more (or fewer) bytes
 * than the central directory declared, so verified declared sizes bound the real work.
 */
export class ZipArchive {
  constructor(
    private readonly zipfile: ZipFile,
    private readonly byName: ReadonlyMap<string, { info: ZipEntryInfo; entry: Entry }>,
  ) {}

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** Entry names, in the central directory's order. */
  names(): string[] {
    return [...this.byName.keys()];
  }

  info(name: string): ZipEntryInfo | undefined {
    return this.byName.get(name)?.info;
  }

  /** Inflating stream of one entry; errors are mapped to UploadRejected by `zipReadError`. */
  async openEntryStream(name: string): Promise<Readable> {
    const found = this.byName.get(name);
    if (!found) throw corruptXlsx(`thiếu thành phần ${name}`);
    if (found.info.encrypted) throw encryptedWorkbook();
    try {
      return await this.zipfile.openReadStreamPromise(found.entry);
    } catch (error) {
      throw zipReadError(error, name);
    }
  }

  /** Whole entry as UTF-8 text; refuses entries declared larger than `maxBytes` without reading them. */
  async readEntryText(name: string, maxBytes: number): Promise<string> {
    const info = this.byName.get(name)?.info;
    if (!info) throw corruptXlsx(`thiếu thành phần ${name}`);
    if (info.uncompressedSize > maxBytes) {
      throw new UploadRejected(
        413,
        'xlsx_too_large_uncompressed',
        `Thành phần ${name} của tệp Excel quá lớn (${formatBytes(info.uncompressedSize)}, tối đa ${formatBytes(maxBytes)}).`,
        { entry: name, declaredBytes: info.uncompressedSize, limitBytes: maxBytes },
      );
    }
    const chunks: Buffer[] = [];
    const stream = await this.openEntryStream(name);
    try {
      for await (const chunk of stream) chunks.push(chunk as Buffer);
    } catch (error) {
      throw zipReadError(error, name);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  close(): void {
    if (this.zipfile.isOpen) this.zipfile.close();
  }
}

export function corruptXlsx(reason: string): UploadRejected {
  return new UploadRejected(
    422,
    'corrupt_xlsx',
    `Tệp Excel bị hỏng hoặc không đúng định dạng .xlsx (${reason}). ${SAVE_AS_XLSX}`,
    { reason },
  );
}

export function encryptedWorkbook(): UploadRejected {
  return new UploadRejected(
    415,
    'encrypted_workbook',
    `Tệp Excel đang được đặt mật khẩu nên hệ thống không đọc được. ${REMOVE_PASSWORD}`,
  );
}

/** Maps a yauzl/zlib failure while inflating `name` to the refusal the officer sees. */
export function zipReadError(error: unknown, name: string): UploadRejected {
  if (error instanceof UploadRejected) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (message.startsWith('too many bytes in the stream')) {
    return new UploadRejected(
      413,
      'xlsx_too_large_uncompressed',
      `Tệp Excel khai báo sai kích thước: thành phần ${name} giải nén ra nhiều dữ liệu hơn mức khai báo. Tệp bị từ chối vì lý do an toàn.`,
      { entry: name, reason: 'declared_size_exceeded' },
    );
  }
  return corruptXlsx(`không giải nén được ${name}`);
}
