import { getDataSourceToken } from '@nestjs/typeorm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { DataSource } from 'typeorm';
// These specs act in periods before the 2025 reorganisation: the 63 units of 2008-2025 and their officers.
import { officerBefore2025Merger as officer, startTestApp, type TestApp, unitIdsByCode } from '../support/app';
import { overrideEnv } from '../support/env-override';
import { FakeClock } from '../support/fake-clock';
import { csv, TT35_HEADER, TT35_INDICATORS, tt35Rows, xlsx } from '../support/report-files';
import { trackSeededFromStart } from '../support/obligations';

const NOW = '2025-01-20T03:00:00Z';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('Submissions: file formats and protective limits', () => {
  let t: TestApp;
  let db: DataSource;
  let units: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp('all', { clock: new FakeClock(new Date(NOW)) });
    await trackSeededFromStart(t, 'TT35-BUU-CHINH');
    db = t.app.get(getDataSourceToken());
    units = await unitIdsByCode(t, '2025-06-30');
  });
  afterAll(() => t.close());

  const path = (unit: string) => `/api/v1/obligations/TT35-BUU-CHINH/periods/2024-Y/units/${units[unit]}/submission`;
  const upload = async (app: TestApp, unit: string, content: Buffer, name: string, type?: string) =>
    app
      .http()
      .post(`${path(unit)}/versions`)
      .set('authorization', await app.tokenFor(officer(unit)))
      .attach('file', content, type ? { filename: name, contentType: type } : name);
  const snapshot = async () =>
    (await db.query(`SELECT (SELECT count(*) FROM submissions)::int AS s, (SELECT count(*) FROM submission_versions)::int AS v,
      (SELECT count(*) FROM submission_rows)::int AS r, (SELECT count(*) FROM audit_events)::int AS a`))[0];

  it('reads an XLSX with a merged title block, formulas with cached values and date cells', async () => {
    const file = await xlsx((sheet) => {
      sheet.mergeCells('A1:E1');
      sheet.getCell('A1').value = 'BÁO CÁO HOẠT ĐỘNG CẤP GIẤY PHÉP BƯU CHÍNH NĂM 2024';
      sheet.getRow(3).values = TT35_HEADER;
      tt35Rows().forEach((row, i) => (sheet.getRow(4 + i).values = row));
      sheet.getCell('D4').value = { formula: 'C4+22', result: 25 };
      sheet.getCell('E5').value = new Date(Date.UTC(2024, 11, 31));
    });
    const response = await upload(t, '20', file, 'bao-cao.xlsx', XLSX_TYPE);
    expect(response.status).toBe(201);
    expect(response.body.version).toMatchObject({ format: 'xlsx', valid: true, rowsRead: 4 });
    const rows = await t.http().get(`${path('20')}/versions/1/rows`).set('authorization', await t.tokenFor(officer('20')));
    expect(rows.body.items.map((r: { rowNumber: number }) => r.rowNumber)).toEqual([4, 5, 6, 7]);
    expect(rows.body.items[0].data).toMatchObject({ chi_tieu: TT35_INDICATORS[0], so_luong_trong_nam: 3, so_luong_luy_ke: 25 });
    expect(rows.body.items[1].data.ghi_chu).toBe('31/12/2024'); // a date cell in a text column reads the Vietnamese way
  });

  it('serves a template workbook that, once filled in, uploads cleanly through its hidden key row', async () => {
    const template = await t
      .http()
      .get('/api/v1/obligations/TT35-BUU-CHINH/schemas/1/template.xlsx')
      .set('authorization', await t.tokenFor(officer('22')))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(template.status).toBe(200);
    expect(template.headers['content-type']).toBe(XLSX_TYPE);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(template.body as Buffer).buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(expect.arrayContaining(['BC-STTTT', 'Hướng dẫn']));
    const sheet = workbook.getWorksheet('BC-STTTT') as ExcelJS.Worksheet;
    expect((sheet.getRow(1).values as unknown[]).slice(1, 6).map(String).map((v) => v.replace(/\s*\(\*\)$/, ''))).toEqual(TT35_HEADER);
    expect(sheet.getRow(2).hidden).toBe(true);
    expect((sheet.getRow(2).values as unknown[]).slice(1, 6)).toEqual(['stt', 'chi_tieu', 'so_luong_trong_nam', 'so_luong_luy_ke', 'ghi_chu']);
    tt35Rows().forEach((row, i) => (sheet.getRow(3 + i).values = row));
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await upload(t, '22', filled, 'mau-da-dien.xlsx', XLSX_TYPE);
    expect(response.status).toBe(201);
    expect(response.body.version).toMatchObject({ valid: true, rowsRead: 4 });
  });

  it('accepts JSON rows keyed by field key or label', async () => {
    const body = JSON.stringify({
      rows: TT35_INDICATORS.map((indicator, i) => ({ chi_tieu: indicator, 'Số lượng trong năm': i, so_luong_luy_ke: i * 10 })),
    });
    const response = await upload(t, '24', Buffer.from(body), 'bao-cao.json', 'application/json');
    expect(response.status).toBe(201);
    expect(response.body.version).toMatchObject({ format: 'json', valid: true, rowsRead: 4 });
  });

  it('decodes UTF-16 CSV with a byte-order mark', async () => {
    const text = [TT35_HEADER, ...tt35Rows()].map((row) => row.map((cell) => `"${cell}"`).join(',')).join('\r\n');
    const response = await upload(t, '25', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'utf16.csv', 'text/csv');
    expect(response.status).toBe(201);
    expect(response.body.version.valid).toBe(true);
  });

  it('refuses a Windows-1258 CSV with a 422 telling how to save as UTF-8, writing nothing', async () => {
    const before = await snapshot();
    const legacy = Buffer.from('Ch\xec ti\xeau,S\xf4\xcc l\xfd\xf4\xecng\r\n', 'latin1');
    const response = await upload(t, '26', legacy, 'cu.csv', 'text/csv');
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('unsupported_encoding');
    expect(response.body.detail).toContain('UTF-8');
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['a PNG renamed .xlsx', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]), 'anh.xlsx', 'not_a_spreadsheet'],
    ['a legacy .xls workbook', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512, 0)]), 'cu.xls', 'legacy_xls'],
  ])('refuses %s with 415 by content sniffing', async (_case, content, name, code) => {
    const response = await upload(t, '27', content, name, XLSX_TYPE);
    expect(response.status).toBe(415);
    expect(response.body.code).toBe(code);
  });

  it('refuses a macro-enabled workbook (.xlsm) with 415', async () => {
    const zip = await JSZip.loadAsync(await xlsx((sheet) => (sheet.getRow(1).values = TT35_HEADER)));
    zip.file('xl/vbaProject.bin', Buffer.alloc(128, 7));
    const content = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const response = await upload(t, '27', content, 'macro.xlsm', 'application/vnd.ms-excel.sheet.macroEnabled.12');
    expect(response.status).toBe(415);
    expect(response.body.code).toBe('macro_workbook');
  });

  it('refuses a zip bomb with 413 before inflating it, writing nothing', async () => {
    const zip = await JSZip.loadAsync(await xlsx((sheet) => (sheet.getRow(1).values = TT35_HEADER)));
    const sheetPath = Object.keys(zip.files).find((name) => /^xl\/worksheets\/sheet1\.xml$/.test(name)) as string;
    zip.file(sheetPath, Buffer.alloc(60 * 1024 * 1024, 0x20));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = await snapshot();
    const rssBefore = process.memoryUsage().rss;
    const response = await upload(t, '27', bomb, 'bom.xlsx', XLSX_TYPE);
    expect(response.status).toBe(413);
    expect(response.body.code).toBe('xlsx_compression_ratio');
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(50 * 1024 * 1024);
    expect(await snapshot()).toEqual(before);
  });

  it('keeps both versions and a consistent status when two uploads for one submission arrive at once', async () => {
    const [a, b] = await Promise.all([
      upload(t, '30', csv([TT35_HEADER, ...tt35Rows([1, 1, 1, 1], [5, 5, 5, 5])]), 'a.csv'),
      upload(t, '30', csv([TT35_HEADER, ...tt35Rows([2, 2, 2, 2], [6, 6, 6, 6])]), 'b.csv'),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect([a.body.version.number, b.body.version.number].sort()).toEqual([1, 2]);
    const submission = await t.http().get(path('30')).set('authorization', await t.tokenFor(officer('30')));
    expect(submission.body).toMatchObject({ status: 'draft', versionCount: 2, currentVersion: 2 });
    const audit = await db.query(`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1`, [submission.body.id]);
    expect(audit[0].n).toBe(2);
  });

  describe('with small limits', () => {
    let small: TestApp;
    beforeAll(async () => {
      const restore = overrideEnv({ UPLOAD_MAX_BYTES: '4096', UPLOAD_MAX_ROWS: '3' });
      try {
        small = await startTestApp('all', { clock: new FakeClock(new Date(NOW)) });
      } finally {
        restore();
      }
    });
    afterAll(() => small.close());

    it('answers 413 in Vietnamese for a file over the size limit, with the limit as a number', async () => {
      const response = await upload(small, '31', Buffer.alloc(5000, 0x41), 'to.csv', 'text/csv');
      expect(response.status).toBe(413);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
      expect(response.body).toMatchObject({ code: 'file_too_large', title: 'Tệp quá lớn', detail: 'Tệp tải lên quá lớn. Dung lượng tối đa là 4 KB.', limits: { limitBytes: 4096 } });
    });

    it('answers 400 in Vietnamese for a multipart body cut short or malformed', async () => {
      const token = await small.tokenFor(officer('31'));
      const broken = await small
        .http()
        .post(`${path('31')}/versions`)
        .set('authorization', token)
        .set('content-type', 'multipart/form-data; boundary=XYZ')
        .send('--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\na,b\r\n');
      expect(broken.status).toBe(400);
      expect(broken.body).toMatchObject({ code: 'malformed_multipart', title: 'Yêu cầu không hợp lệ' });
      expect(broken.body.detail).toMatch(/^Nội dung multipart\/form-data không đọc được/);
      const header = await small
        .http()
        .post(`${path('31')}/versions`)
        .set('authorization', token)
        .set('content-type', 'multipart/form-data; boundary=XYZ')
        .send('--XYZ\r\nthis is not a header\r\n\r\nx\r\n--XYZ--\r\n');
      expect(header.status).toBe(400);
      expect(header.body.code).toBe('malformed_multipart');
      const otherField = await small.http().post(`${path('31')}/versions`).set('authorization', token).attach('tep', Buffer.from('a,b\n'), 'a.csv');
      expect(otherField.status).toBe(400);
      expect(otherField.body).toMatchObject({ code: 'unexpected_file_field', detail: 'Chỉ gửi một tệp, trong trường "file" của biểu mẫu.' });
    });

    it('answers 413 for too many rows and leaves the database exactly as it was', async () => {
      const before = await snapshot();
      const response = await upload(small, '31', csv([TT35_HEADER, ...tt35Rows()]), 'nhieu-dong.csv', 'text/csv');
      expect(response.status).toBe(413);
      expect(response.body.code).toBe('too_many_rows');
      expect(await snapshot()).toEqual(before);
    });
  });
});
