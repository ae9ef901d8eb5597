import * as yauzl from 'yauzl';
import type { Entry } from 'yauzl';
import { formatBytes, formatNumber, type UploadLimits } from './upload-limits';
import { UploadRejected } from './upload-rejected';
import { isInMemory, type UploadSource } from './upload-source';
import { corruptXlsx, ZipArchive, type ZipEntryInfo } from './zip-archive';

export type ZipLimits = Pick<
  UploadLimits,
  'maxUncompressedBytes' | 'maxCompressionRatio' | 'compressionRatioMinBytes' | 'maxZipEntries'
>;

export interface ZipInspection {
  archive: ZipArchive;
  entryCount: number;
  /** Sum of declared uncompressed sizes (verified against limits; enforced while inflating). */
  totalUncompressedBytes: number;
  /** `xl/externalLinks/…` parts exist. They are never opened or followed: formulas give their cached values. */
  hasExternalLinks: boolean;
  hasVbaProject: boolean;
}

const ZIP_OPTIONS: yauzl.Options = {
  lazyEntries: true,
  autoClose: false,
  decodeStrings: true,
  validateEntrySizes: true,
  strictFileNames: false,
};

/**
 * Reads the zip central directory with yauzl (lazy entries, nothing decompressed) and refuses, with 413:
 * more than `maxZipEntries` entries (`xlsx_too_many_entries`); a total declared uncompressed size above
 * `maxUncompressedBytes` (`xlsx_too_large_uncompressed`); an entry over `compressionRatioMinBytes` whose
 * uncompressed:compressed ratio exceeds `maxCompressionRatio` (`xlsx_compression_ratio`).
 * Declared sizes may lie; the returned archive's streams fail when an entry inflates beyond its
 * declared size, which is how the XLSX reader stops lying zip bombs (see xlsx-reader.ts).
 * Unreadable zips and duplicate entry names → 422 `corrupt_xlsx`.
 */
export async function inspectZip(source: UploadSource, limits: ZipLimits): Promise<ZipInspection> {
  let zipfile: yauzl.ZipFile;
  try {
    // A file on disk is read at random through its descriptor (the central directory is at the end),
    // kept open until the archive is closed; nothing of it is held in memory but what is being inflated.
    zipfile = isInMemory(source) ? await yauzl.fromBufferPromise(source, ZIP_OPTIONS) : await yauzl.openPromise(source.path, ZIP_OPTIONS);
  } catch {
    throw corruptXlsx('không đọc được danh mục tệp nén');
  }
  if (zipfile.entryCount > limits.maxZipEntries) {
    zipfile.close();
    throw tooManyEntries(zipfile.entryCount, limits.maxZipEntries);
  }

  const byName = new Map<string, { info: ZipEntryInfo; entry: Entry }>();
  let total = 0;
  try {
    for await (const entry of zipfile.eachEntry()) {
      if (byName.size >= limits.maxZipEntries) throw tooManyEntries(byName.size + 1, limits.maxZipEntries);
      const info: ZipEntryInfo = {
        name: entry.fileName,
        compressedSize: entry.compressedSize,
        uncompressedSize: entry.uncompressedSize,
        crc32: entry.crc32,
        encrypted: entry.isEncrypted(),
      };
      if (byName.has(info.name)) throw corruptXlsx(`thành phần ${info.name} xuất hiện hai lần`);
      checkRatio(info, limits);
      total += info.uncompressedSize;
      if (total > limits.maxUncompressedBytes) throw tooLargeUncompressed(total, limits.maxUncompressedBytes);
      byName.set(info.name, { info, entry });
    }
  } catch (error) {
    zipfile.close();
    if (error instanceof UploadRejected) throw error;
    throw corruptXlsx('danh mục tệp nén không hợp lệ');
  }

  const names = [...byName.keys()];
  return {
    archive: new ZipArchive(zipfile, byName),
    entryCount: byName.size,
    totalUncompressedBytes: total,
    hasExternalLinks: names.some((name) => name.startsWith('xl/externalLinks/')),
    hasVbaProject: names.some((name) => /(^|\/)vbaProject\.bin$/i.test(name)),
  };
}

function checkRatio(info: ZipEntryInfo, limits: ZipLimits): void {
  if (info.uncompressedSize <= limits.compressionRatioMinBytes) return;
  const ratio = info.uncompressedSize / Math.max(info.compressedSize, 1);
  if (ratio <= limits.maxCompressionRatio) return;
  throw new UploadRejected(
    413,
    'xlsx_compression_ratio',
    `Tệp Excel có thành phần nén bất thường (${info.name}: tỉ lệ nén ${formatNumber(Math.round(ratio))}:1, tối đa ${formatNumber(limits.maxCompressionRatio)}:1). Tệp bị từ chối vì lý do an toàn.`,
    {
      entry: info.name,
      ratio: Math.round(ratio),
      limitRatio: limits.maxCompressionRatio,
      compressedBytes: info.compressedSize,
      uncompressedBytes: info.uncompressedSize,
    },
  );
}

export function tooLargeUncompressed(bytes: number, limit: number): UploadRejected {
  return new UploadRejected(
    413,
    'xlsx_too_large_uncompressed',
    `Dữ liệu trong tệp Excel sau khi giải nén quá lớn (hơn ${formatBytes(limit)}). Hãy chia nhỏ tệp hoặc xóa các trang tính không cần thiết.`,
    { uncompressedBytes: bytes, limitBytes: limit },
  );
}

function tooManyEntries(count: number, limit: number): UploadRejected {
  return new UploadRejected(
    413,
    'xlsx_too_many_entries',
    `Tệp Excel chứa quá nhiều thành phần (${formatNumber(count)}, tối đa ${formatNumber(limit)}).`,
    { entryCount: count, limitEntries: limit },
  );
}
