const MIB = 1024 * 1024;

/** Resource limits applied while opening an upload; every limit has a refusal code (see read-upload.ts). */
export interface UploadLimits {
  /** Raw upload size → 413 `file_too_large`. */
  maxFileBytes: number;
  /** Data rows after the header → 413 `too_many_rows`. */
  maxRows: number;
  /** Sum of declared uncompressed sizes of all XLSX entries, also the cap on bytes actually inflated → 413 `xlsx_too_large_uncompressed`. */
  maxUncompressedBytes: number;
  /** Uncompressed:compressed ratio of one XLSX entry → 413 `xlsx_compression_ratio`. */
  maxCompressionRatio: number;
  /** Entries below this uncompressed size are exempt from the ratio check (tiny XML parts compress extremely well). */
  compressionRatioMinBytes: number;
  /** Number of entries in the XLSX zip → 413 `xlsx_too_many_entries`. */
  maxZipEntries: number;
  /** Uncompressed size of `xl/sharedStrings.xml`, which is held in memory while the sheet is read → 413 `xlsx_too_large_uncompressed`. */
  maxSharedStringsBytes: number;
}

export const DEFAULT_UPLOAD_LIMITS: Readonly<UploadLimits> = Object.freeze({
  maxFileBytes: 20 * MIB,
  maxRows: 100_000,
  maxUncompressedBytes: 200 * MIB,
  maxCompressionRatio: 200,
  compressionRatioMinBytes: 1 * MIB,
  maxZipEntries: 10_000,
  maxSharedStringsBytes: 64 * MIB,
});

/** Sizes are checked as 32-bit zip fields (no zip64), so the limit must fit in them. */
const MAX_SUPPORTED_UNCOMPRESSED = 0xffff_ffff;

export function resolveLimits(overrides: Partial<UploadLimits> = {}): UploadLimits {
  const limits: UploadLimits = { ...DEFAULT_UPLOAD_LIMITS };
  for (const [name, value] of Object.entries(overrides) as [keyof UploadLimits, number | undefined][]) {
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value <= 0) throw new RangeError(`Upload limit ${name} must be a positive number`);
    limits[name] = value;
  }
  if (limits.maxUncompressedBytes > MAX_SUPPORTED_UNCOMPRESSED) {
    throw new RangeError('maxUncompressedBytes must stay below 4 GiB');
  }
  return limits;
}

/** "20 MB" style rendering for Vietnamese messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= MIB) return `${formatNumber(Math.round((bytes / MIB) * 10) / 10)} MB`;
  if (bytes >= 1024) return `${formatNumber(Math.round(bytes / 1024))} KB`;
  return `${formatNumber(bytes)} byte`;
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat('vi-VN').format(value);
}
