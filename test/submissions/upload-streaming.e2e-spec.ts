import { createHash, randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SPOOL_FILE_PREFIX } from '../../src/submissions/intake/spooling-storage';
// These specs act in periods before the 2025 reorganisation: the 63 units of 2008-2025 and their officers.
import { ADMIN, officerBefore2025Merger as officer, startTestApp, type TestApp, unitIdsByCode } from '../support/app';
import { overrideEnv } from '../support/env-override';
import { FakeClock } from '../support/fake-clock';
import { csv, TT35_HEADER, tt35Rows, xlsx } from '../support/report-files';
import { createTestObligation } from '../support/obligations';

const NOW = '2025-01-20T03:00:00Z';
/** A report of this suite's own (the seeded ones are shared with other suites of the run): TT35's columns, yearly, due 31/01. */
const CODE = 'KT-TAI-LEN-LUONG';
const MIB = 1024 * 1024;
const MAX_BYTES = 3 * MIB;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The spool files in the OS temp directory (uploads in flight); a handled request leaves none. */
const spoolFiles = () => readdirSync(tmpdir()).filter((name) => name.startsWith(SPOOL_FILE_PREFIX));

/** The spool files that were not there `before`, once gone (waits a few seconds at most): a request handled leaves none. */
async function spoolFilesLeft(before: string[]): Promise<string[]> {
  const added = () => spoolFiles().filter((name) => !before.includes(name));
  for (let i = 0; i < 100 && added().length > 0; i++) await sleep(50);
  return added();
}

/** A valid TT35 CSV of about `bytes`: its four rows, each after lines of empty cells (which are skipped). */
function bigValidCsv(bytes: number): Buffer {
  const padding = ',,,,\r\n'.repeat(Math.ceil(bytes / 4 / 6));
  return Buffer.concat([csv([TT35_HEADER]), ...csv(tt35Rows()).toString('utf8').split('\r\n').filter(Boolean).flatMap((line) => [Buffer.from(padding), Buffer.from(`${line}\r\n`)])]);
}

describe('Submissions: streamed uploads (spooled to disk, stored in chunks)', () => {
  let t: TestApp;
  let db: DataSource;
  let units: Record<string, string>;
  let restoreEnv: () => void;

  beforeAll(async () => {
    restoreEnv = overrideEnv({ UPLOAD_MAX_BYTES: String(MAX_BYTES), UPLOAD_CONCURRENCY: '2' });
    t = await startTestApp('all', { clock: new FakeClock(new Date(NOW)) });
    await createTestObligation(t, { code: CODE, title: 'Báo cáo thử tải lên theo luồng' });
    const schema = await t
      .http()
      .post(`/api/v1/obligations/${CODE}/schemas`)
      .set('authorization', await t.tokenFor(ADMIN))
      .send({
        effectiveFrom: '2017-01-01',
        definition: {
          fields: [
            { key: 'stt', label: TT35_HEADER[0], type: 'integer', required: true },
            { key: 'chi_tieu', label: TT35_HEADER[1], type: 'text', required: true },
            { key: 'so_luong_trong_nam', label: TT35_HEADER[2], type: 'integer', required: true },
            { key: 'so_luong_luy_ke', label: TT35_HEADER[3], type: 'integer', required: true },
            { key: 'ghi_chu', label: TT35_HEADER[4], type: 'text', required: false },
          ],
        },
      });
    expect(schema.status).toBe(201);
    db = t.app.get(getDataSourceToken());
    units = await unitIdsByCode(t, '2025-06-30');
  });
  afterAll(async () => {
    await t.close();
    restoreEnv();
  });

  const path = (unit: string) => `/api/v1/obligations/${CODE}/periods/2024-Y/units/${units[unit]}/submission`;
  const upload = async (unit: string, content: Buffer, name: string, type = 'text/csv', query = '') =>
    t
      .http()
      .post(`${path(unit)}/versions${query}`)
      .set('authorization', await t.tokenFor(officer(unit)))
      .attach('file', content, { filename: name, contentType: type });
  const download = async (unit: string, number: number) =>
    t
      .http()
      .get(`${path(unit)}/versions/${number}/file`)
      .set('authorization', await t.tokenFor(officer(unit)))
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      });
  const snapshot = async () =>
    (
      await db.query(`SELECT (SELECT count(*) FROM submissions)::int AS s, (SELECT count(*) FROM submission_versions)::int AS v,
        (SELECT count(*) FROM submission_version_chunks)::int AS c, (SELECT count(*) FROM submission_row_pages)::int AS r,
        (SELECT count(*) FROM audit_events)::int AS a`)
    )[0];
  const chunkSizes = async (unit: string, number: number): Promise<number[]> =>
    (
      await db.query(
        `SELECT octet_length(c.data) AS n FROM submission_version_chunks c JOIN submission_versions v ON v.id = c.version_id
          JOIN submissions s ON s.id = v.submission_id JOIN obligations o ON o.id = s.obligation_id
         WHERE o.code = $1 AND s.period_key = '2024-Y' AND s.unit_id = $2 AND v.number = $3 ORDER BY c.seq`,
        [CODE, units[unit], number],
      )
    ).map((row: { n: number }) => row.n);

  it('stores a CSV of several MiB in chunks of 1 MiB and serves it back byte for byte, leaving no spool file', async () => {
    const before = spoolFiles();
    const file = bigValidCsv(2.5 * MIB);
    const response = await upload('31', file, 'lon.csv');
    expect(response.status).toBe(201);
    expect(response.body.version).toMatchObject({ number: 1, valid: true, sizeBytes: file.length, sha256: createHash('sha256').update(file).digest('hex') });
    expect(await chunkSizes('31', 1)).toEqual([MIB, MIB, file.length - 2 * MIB]);

    const served = await download('31', 1);
    expect(served.status).toBe(200);
    expect(served.headers['content-length']).toBe(String(file.length));
    expect(served.headers['x-content-sha256']).toBe(createHash('sha256').update(file).digest('hex'));
    expect(Buffer.compare(served.body as Buffer, file)).toBe(0);
    expect(await spoolFilesLeft(before)).toEqual([]);
  });

  it('reads an XLSX larger than a chunk from its spooled file and serves it back byte for byte', async () => {
    const file = await xlsx((sheet) => {
      sheet.addRow(TT35_HEADER);
      tt35Rows().forEach((row) => sheet.addRow(row));
    }, 'BC-STTTT');
    // Incompressible padding in a second sheet, so that the zip itself spans several chunks.
    const padded = await xlsx((sheet) => {
      sheet.addRow(TT35_HEADER);
      tt35Rows().forEach((row) => sheet.addRow(row));
      const workbook = sheet.workbook;
      const extra = workbook.addWorksheet('Phụ lục');
      for (let i = 0; i < 6000; i++) extra.addRow([randomBytes(96).toString('base64'), randomBytes(96).toString('base64')]);
    }, 'BC-STTTT');
    expect(padded.length).toBeGreaterThan(1.2 * MIB);
    expect(padded.length).toBeLessThan(MAX_BYTES);
    const small = await upload('33', file, 'nho.xlsx', XLSX_TYPE);
    expect(small.status).toBe(201);
    const response = await upload('33', padded, 'lon.xlsx', XLSX_TYPE);
    expect(response.status).toBe(201);
    expect(response.body.version).toMatchObject({ number: 2, format: 'xlsx', rowsRead: 4 });
    expect((await chunkSizes('33', 2)).length).toBe(Math.ceil(padded.length / MIB));
    const served = await download('33', 2);
    expect(Buffer.compare(served.body as Buffer, padded)).toBe(0);
  });

  it('recognises the same bytes again by the sha256 counted while spooling, storing no chunk twice', async () => {
    const file = bigValidCsv(1.2 * MIB);
    expect((await upload('34', file, 'a.csv')).status).toBe(201);
    const before = await snapshot();
    const again = await upload('34', file, 'b.csv');
    expect(again.status).toBe(200);
    expect(again.body.duplicate).toBe(true);
    expect(await snapshot()).toEqual(before);
  });

  it('answers a file over the limit with 413 file_too_large, storing nothing and leaving no spool file', async () => {
    const before = await snapshot();
    const spooled = spoolFiles();
    const response = await upload('35', Buffer.alloc(MAX_BYTES + 1, 0x41), 'qua-lon.csv');
    expect(response.status).toBe(413);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    expect(response.body).toMatchObject({ code: 'file_too_large', title: 'Tệp quá lớn', detail: 'Tệp tải lên quá lớn. Dung lượng tối đa là 3 MB.', limits: { limitBytes: MAX_BYTES } });
    expect(await snapshot()).toEqual(before);
    expect(await spoolFilesLeft(spooled)).toEqual([]);

    const exactly = await upload('35', Buffer.concat([bigValidCsv(0), Buffer.alloc(MAX_BYTES - bigValidCsv(0).length, 0x0a)]), 'vua-du.csv');
    expect(exactly.status).toBe(201);
  });

  it('leaves no spool file and no row when the client goes away in the middle of the body', async () => {
    const before = await snapshot();
    const spooled = spoolFiles();
    const server = t.app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const boundary = 'ngat-giua-chung';
    const request = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: `${path('36')}/versions`,
      headers: { authorization: await t.tokenFor(officer('36')), 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(2 * MIB) },
    });
    request.on('error', () => undefined);
    request.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="dang-gui.csv"\r\nContent-Type: text/csv\r\n\r\n`);
    request.write(Buffer.alloc(512 * 1024, 0x41));
    let inFlight: string[] = [];
    for (let i = 0; i < 100 && inFlight.length === 0; i++) {
      await sleep(50);
      inFlight = spoolFiles().filter((name) => !spooled.includes(name));
    }
    expect(inFlight).toHaveLength(1);
    request.destroy();
    expect(await spoolFilesLeft(spooled)).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('spools a dry run too, storing nothing and leaving no spool file', async () => {
    const before = await snapshot();
    const spooled = spoolFiles();
    const response = await upload('37', bigValidCsv(1.5 * MIB), 'thu.csv', 'text/csv', '?dryRun=true');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ dryRun: true, summary: { rowsRead: 4 } });
    expect(await snapshot()).toEqual(before);
    expect(await spoolFilesLeft(spooled)).toEqual([]);
  });

  it('takes more uploads at once than there are upload slots, each one stored', async () => {
    const files = ['38', '40', '42', '44', '45'].map((unit, i) => ({ unit, file: bigValidCsv(1.1 * MIB + i) }));
    const responses = await Promise.all(files.map(({ unit, file }) => upload(unit, file, `${unit}.csv`)));
    expect(responses.map((response) => response.status)).toEqual([201, 201, 201, 201, 201]);
    for (const { unit, file } of files) expect(Buffer.compare((await download(unit, 1)).body as Buffer, file)).toBe(0);
  });
});
