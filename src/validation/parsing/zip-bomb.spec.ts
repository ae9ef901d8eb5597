import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';
import { openUpload } from './read-upload';
import { resolveLimits } from './upload-limits';
import type { SpooledSource } from './upload-source';
import { inspectZip } from './zip-inspector';
import { rejectionOf } from './testing/rejections';
import { flatten } from './testing/flatten';

/**
 * Zips assembled by hand so that headers can lie. Each entry is deflated; `declaredSize` overrides the
 * uncompressed size written to both local and central headers, `declaredCrc` the checksum.
 */
interface FixtureEntry {
  name: string;
  compressed: Buffer;
  size: number;
  crc: number;
  declaredSize?: number;
  declaredCrc?: number;
}

function entryOf(name: string, text: string): FixtureEntry {
  const data = Buffer.from(text, 'utf8');
  return { name, compressed: deflateRawSync(data), size: data.length, crc: crc32(data) };
}

/** Deflates `total` zero bytes chunk by chunk: only the ~1000:1 compressed output is kept in memory. */
async function zerosEntry(name: string, total: number): Promise<FixtureEntry> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const ended = once(deflate, 'end');
  const zeros = Buffer.alloc(1 << 20);
  let crc = 0;
  for (let written = 0; written < total; written += zeros.length) {
    const piece = zeros.subarray(0, Math.min(zeros.length, total - written));
    crc = crc32(piece, crc);
    if (!deflate.write(piece)) await once(deflate, 'drain');
  }
  deflate.end();
  await ended;
  return { name, compressed: Buffer.concat(out), size: total, crc };
}

function assembleZip(entries: FixtureEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const size = entry.declaredSize ?? entry.size;
    const crc = (entry.declaredCrc ?? entry.crc) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(entry.compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(entry.compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.compressed);
    centrals.push(central, name);
    offset += local.length + name.length + entry.compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const SHEET_XML = (rows: string) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

/** The parts of a minimal workbook, without shared strings or styles (cells use inline strings). */
function workbookParts(): FixtureEntry[] {
  return [
    entryOf(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    entryOf(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    entryOf(
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
        '<sheet name="Dữ liệu" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    entryOf(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
  ];
}

const INLINE_ROWS =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>Tỉnh</t></is></c><c r="B1" t="inlineStr"><is><t>Số lượng</t></is></c></row>' +
  '<row r="2"><c r="A2" t="inlineStr"><is><t>Hà Nội</t></is></c><c r="B2"><v>12</v></c></row>';

const MB = 1024 * 1024;

async function readAll(buffer: Buffer, limits = {}): Promise<unknown[][]> {
  const upload = await openUpload(buffer, { fileName: 'bao-cao.xlsx', limits });
  const rows: unknown[][] = [upload.header];
  for await (const row of flatten(upload.batches)) rows.push(row.cells);
  return rows;
}

describe('hand-assembled workbooks', () => {
  it('reads a minimal workbook without sharedStrings.xml or styles.xml (inline strings)', async () => {
    const zip = assembleZip([...workbookParts(), entryOf('xl/worksheets/sheet1.xml', SHEET_XML(INLINE_ROWS))]);
    expect(await readAll(zip)).toEqual([
      ['Tỉnh', 'Số lượng'],
      ['Hà Nội', 12],
    ]);
  });

  it('reads a worksheet part whose name exceljs would not recognise (it is re-packaged as sheet1.xml)', async () => {
    const parts = workbookParts().map((part) =>
      part.name === 'xl/_rels/workbook.xml.rels'
        ? entryOf(
            part.name,
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
              '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/du-lieu.xml"/></Relationships>',
          )
        : part,
    );
    const zip = assembleZip([...parts, entryOf('xl/worksheets/du-lieu.xml', SHEET_XML(INLINE_ROWS))]);
    expect(await readAll(zip)).toEqual([
      ['Tỉnh', 'Số lượng'],
      ['Hà Nội', 12],
    ]);
  });

  it('reports external links without opening them', async () => {
    const zip = assembleZip([
      ...workbookParts(),
      entryOf('xl/worksheets/sheet1.xml', SHEET_XML(INLINE_ROWS)),
      entryOf('xl/externalLinks/externalLink1.xml', '<externalLink/>'),
    ]);
    const upload = await openUpload(zip, { fileName: 'bao-cao.xlsx' });
    expect(upload.notes).toEqual([
      { code: 'external_links', message: 'Tệp có liên kết tới sổ làm việc khác; hệ thống chỉ dùng giá trị đã lưu trong tệp, không mở liên kết.' },
    ]);
    await upload.close();
  });

  it('refuses duplicate entry names (ambiguous archives) with corrupt_xlsx', async () => {
    const sheet = entryOf('xl/worksheets/sheet1.xml', SHEET_XML(INLINE_ROWS));
    const error = await rejectionOf(readAll(assembleZip([...workbookParts(), sheet, sheet])));
    expect(error).toMatchObject({ status: 422, code: 'corrupt_xlsx' });
  });

  it('refuses a workbook without any worksheet', async () => {
    const parts = workbookParts().filter((part) => part.name !== 'xl/_rels/workbook.xml.rels');
    const error = await rejectionOf(readAll(assembleZip(parts)));
    expect(error).toMatchObject({ status: 422, code: 'xlsx_no_worksheet' });
  });

  it('refuses an entry whose data does not match its CRC-32 (422 corrupt_xlsx)', async () => {
    const sheet = { ...entryOf('xl/worksheets/sheet1.xml', SHEET_XML(INLINE_ROWS)), declaredCrc: 1234 };
    const error = await rejectionOf(readAll(assembleZip([...workbookParts(), sheet])));
    expect(error.status).toBe(422);
    expect(error.code).toBe('corrupt_xlsx');
  });

  it('refuses more entries than maxZipEntries (413 xlsx_too_many_entries)', async () => {
    const extras = Array.from({ length: 30 }, (_, i) => entryOf(`docProps/extra${i}.xml`, '<x/>'));
    const zip = assembleZip([...workbookParts(), entryOf('xl/worksheets/sheet1.xml', SHEET_XML(INLINE_ROWS)), ...extras]);
    const error = await rejectionOf(openUpload(zip, { limits: { maxZipEntries: 20 } }));
    expect(error.status).toBe(413);
    expect(error.code).toBe('xlsx_too_many_entries');
    expect(error.detail).toMatchObject({ limitEntries: 20 });
  });
});

describe('zip bombs', () => {
  let bomb: FixtureEntry;

  beforeAll(async () => {
    // 300 MB of zeros as the worksheet: ~300 KB compressed, built without ever holding 300 MB.
    bomb = await zerosEntry('xl/worksheets/sheet1.xml', 300 * MB);
  }, 60_000);

  it('the fixture really is a zip bomb', () => {
    expect(bomb.size).toBe(300 * MB);
    expect(bomb.compressed.length).toBeLessThan(1 * MB);
  });

  it('refuses an honest bomb by its compression ratio, from the central directory alone', async () => {
    const zip = assembleZip([...workbookParts(), bomb]);
    const error = await rejectionOf(openUpload(zip, { fileName: 'bao-cao.xlsx' }));
    expect(error.status).toBe(413);
    expect(error.code).toBe('xlsx_compression_ratio');
    expect(error.detail).toMatchObject({ entry: 'xl/worksheets/sheet1.xml', limitRatio: 200 });
    expect(error.message).toBe(error.message.normalize('NFC'));
  });

  it('exempts entries below compressionRatioMinBytes from the ratio check', async () => {
    const small = await zerosEntry('docProps/padding.xml', 900 * 1024);
    const zip = assembleZip([...workbookParts(), entryOf('xl/worksheets/sheet1.xml', SHEET_XML(INLINE_ROWS)), small]);
    await expect(inspectZip(zip, resolveLimits())).resolves.toMatchObject({ entryCount: 6, hasExternalLinks: false });
    const error = await rejectionOf(inspectZip(zip, resolveLimits({ compressionRatioMinBytes: 100 * 1024 })));
    expect(error).toMatchObject({ code: 'xlsx_compression_ratio', detail: { entry: 'docProps/padding.xml' } });
  });

  it('refuses an honest bomb by its total declared size when the ratio limit is lifted', async () => {
    const zip = assembleZip([...workbookParts(), bomb]);
    const error = await rejectionOf(openUpload(zip, { limits: { maxCompressionRatio: 5000 } }));
    expect(error.status).toBe(413);
    expect(error.code).toBe('xlsx_too_large_uncompressed');
    expect(error.detail).toMatchObject({ limitBytes: 200 * MB });
  });

  it('stops a lying bomb (tiny declared size) as soon as inflation exceeds the declared size', async () => {
    const liar = { ...bomb, declaredSize: 10_000 };
    const zip = assembleZip([...workbookParts(), liar]);
    const inspection = await inspectZip(zip, resolveLimits());
    expect(inspection.totalUncompressedBytes).toBeLessThan(20_000);

    const before = process.memoryUsage().rss;
    const error = await rejectionOf(readAll(zip));
    expect(error.status).toBe(413);
    expect(error.code).toBe('xlsx_too_large_uncompressed');
    expect(error.detail).toMatchObject({ entry: 'xl/worksheets/sheet1.xml', reason: 'declared_size_exceeded' });
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * MB);
  });
});

describe('zip bombs in a file on disk (an upload spooled to a temporary file)', () => {
  let directory: string;
  let bomb: FixtureEntry;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'zip-bomb-spec-'));
    bomb = await zerosEntry('xl/worksheets/sheet1.xml', 300 * MB);
  }, 60_000);
  afterAll(() => rm(directory, { recursive: true, force: true }));

  async function spooled(zip: Buffer, name: string): Promise<SpooledSource> {
    const path = join(directory, name);
    await writeFile(path, zip);
    return { path, size: zip.length };
  }

  it('reads the central directory from the file and refuses an honest bomb by its ratio', async () => {
    const error = await rejectionOf(openUpload(await spooled(assembleZip([...workbookParts(), bomb]), 'honest.xlsx'), { fileName: 'bao-cao.xlsx' }));
    expect(error).toMatchObject({ status: 413, code: 'xlsx_compression_ratio' });
  });

  it('stops a lying bomb read from the file as soon as inflation exceeds the declared size', async () => {
    const source = await spooled(assembleZip([...workbookParts(), { ...bomb, declaredSize: 10_000 }]), 'liar.xlsx');
    const before = process.memoryUsage().rss;
    const upload = openUpload(source, { fileName: 'bao-cao.xlsx' }).then(async (opened) => {
      for await (const batch of opened.batches) void batch;
    });
    const error = await rejectionOf(upload);
    expect(error).toMatchObject({ status: 413, code: 'xlsx_too_large_uncompressed', detail: { reason: 'declared_size_exceeded' } });
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * MB);
  });

  it('reads a workbook from the file like from memory', async () => {
    const zip = assembleZip([...workbookParts(), entryOf('xl/worksheets/sheet1.xml', SHEET_XML(INLINE_ROWS))]);
    const upload = await openUpload(await spooled(zip, 'ok.xlsx'), { fileName: 'bao-cao.xlsx' });
    const rows: unknown[][] = [upload.header];
    for await (const row of flatten(upload.batches)) rows.push(row.cells);
    expect(rows).toEqual(await readAll(zip));
  });
});
