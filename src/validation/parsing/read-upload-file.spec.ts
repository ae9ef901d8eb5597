import { readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import { openUpload, type OpenUploadOptions } from './read-upload';
import { flatten } from './testing/flatten';
import { rejectionOf } from './testing/rejections';
import { FILE_READ_BYTES, sourceIncludes, type SpooledSource, type UploadSource } from './upload-source';

const options: OpenUploadOptions = { knownHeaders: ['Mã tỉnh', 'Tên tỉnh', 'Số lượng'], preferredSheetName: 'Dữ liệu' };

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'read-upload-file-spec-'));
});
afterAll(() => rm(directory, { recursive: true, force: true }));

let files = 0;
async function spooled(bytes: Buffer): Promise<SpooledSource> {
  const path = join(directory, `upload-${++files}`);
  await writeFile(path, bytes);
  return { path, size: bytes.length };
}

async function read(source: UploadSource, fileName: string) {
  const upload = await openUpload(source, { ...options, fileName });
  const rows: unknown[][] = [];
  for await (const row of flatten(upload.batches)) rows.push([row.rowNumber, ...row.cells]);
  return { format: upload.format, header: upload.header, rows, notes: upload.notes };
}

/** Descriptors this process has open: a reading that ends must give back the file's. */
const openDescriptors = () => readdirSync('/proc/self/fd').length;

/** The descriptors open once those being closed are (yauzl closes its descriptor asynchronously); waits a second at most. */
async function settledDescriptors(expected: number): Promise<number> {
  for (let i = 0; i < 50 && openDescriptors() !== expected; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  return openDescriptors();
}

/** Many rows of Vietnamese text, so that multi-byte characters and decomposed marks straddle the pieces read from disk. */
function bigCsv(rows: number): Buffer {
  const lines = ['Mã tỉnh;Tên tỉnh;Số lượng'];
  for (let i = 0; i < rows; i++) lines.push(`${String(i).padStart(5, '0')};Thừa Thiên Huế ${'Đắk Lắk'.normalize(i % 2 ? 'NFD' : 'NFC')} ${i};${i * 3}`);
  return Buffer.from('\ufeff' + lines.join('\r\n') + '\r\n', 'utf8');
}

describe('openUpload from a file on disk', () => {
  it('reads a CSV several pieces long as a stream, exactly as from memory', async () => {
    const csv = bigCsv(30_000);
    expect(csv.length).toBeGreaterThan(4 * FILE_READ_BYTES);
    const fromFile = await read(await spooled(csv), 'bc.csv');
    expect(fromFile.rows).toHaveLength(30_000);
    expect(fromFile).toEqual(await read(csv, 'bc.csv'));
  });

  it('reads JSON from the file', async () => {
    const json = Buffer.from(JSON.stringify([{ 'Mã tỉnh': '01', 'Tên tỉnh': 'Hà Nội', 'Số lượng': 3 }]));
    const fromFile = await read(await spooled(json), 'bc.json');
    expect(fromFile).toMatchObject({ format: 'json', rows: [[1, '01', 'Hà Nội', 3]] });
    expect(fromFile).toEqual(await read(json, 'bc.json'));
  });

  it('reads an XLSX at random through the file descriptor, and releases it once the rows are read', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Dữ liệu');
    sheet.addRow(['Mã tỉnh', 'Tên tỉnh', 'Số lượng']);
    for (let i = 0; i < 500; i++) sheet.addRow([String(i), `Tỉnh ${i}`, i]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const source = await spooled(xlsx);
    const before = openDescriptors();
    const fromFile = await read(source, 'bc.xlsx');
    expect(await settledDescriptors(before)).toBe(before);
    expect(fromFile.rows).toHaveLength(500);
    expect(fromFile).toEqual(await read(xlsx, 'bc.xlsx'));
  });

  it('releases the descriptor when the workbook is refused after its directory was read, and when reading stops early', async () => {
    const workbook = new Workbook();
    workbook.addWorksheet('Dữ liệu');
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const before = openDescriptors();
    const empty = await rejectionOf(openUpload(await spooled(xlsx), { ...options, fileName: 'bc.xlsx' }));
    expect(empty.code).toBe('empty_file');
    expect(await settledDescriptors(before)).toBe(before);

    workbook.getWorksheet('Dữ liệu')!.addRows([
      ['Mã tỉnh', 'Tên tỉnh', 'Số lượng'],
      ['01', 'Hà Nội', 1],
    ]);
    const upload = await openUpload(await spooled(Buffer.from(await workbook.xlsx.writeBuffer())), { ...options, fileName: 'bc.xlsx' });
    await upload.close();
    expect(await settledDescriptors(before)).toBe(before);
  });

  it('refuses a NUL byte far past the head (binary data in a text file) while reading, as memory does when opening', async () => {
    const csv = Buffer.concat([bigCsv(3000), Buffer.from([0x41, 0x00, 0x42])]);
    const fromFile = await rejectionOf(read(await spooled(csv), 'bc.csv'));
    const fromMemory = await rejectionOf(openUpload(csv, { fileName: 'bc.csv' }));
    expect(fromFile).toMatchObject({ status: 415, code: 'unsupported_file_type' });
    expect(fromFile.message).toBe(fromMemory.message);

    const json = Buffer.concat([Buffer.from(`[{"Mã tỉnh": "${'0'.repeat(8000)}"`), Buffer.from([0x00]), Buffer.from('}]')]);
    expect(await rejectionOf(read(await spooled(json), 'bc.json'))).toMatchObject({ status: 415, code: 'unsupported_file_type' });
  });

  it('refuses a file over maxFileBytes by its size before reading it', async () => {
    const error = await rejectionOf(openUpload(await spooled(bigCsv(100)), { fileName: 'bc.csv', limits: { maxFileBytes: 1024 } }));
    expect(error).toMatchObject({ status: 413, code: 'file_too_large', detail: { limitBytes: 1024 } });
  });
});

describe('sourceIncludes', () => {
  it('finds a pattern split between two pieces read from disk', async () => {
    const bytes = Buffer.alloc(FILE_READ_BYTES * 2, 0x61);
    Buffer.from('EncryptedPackage', 'utf16le').copy(bytes, FILE_READ_BYTES - 7);
    const source = await spooled(bytes);
    expect(await sourceIncludes(source, Buffer.from('EncryptedPackage', 'utf16le'))).toBe(true);
    expect(await sourceIncludes(source, Buffer.from('Missing', 'utf16le'))).toBe(false);
  });
});
