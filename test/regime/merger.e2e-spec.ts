import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { runPendingMigrations } from '../../src/bootstrap/migrate';
import { ADMIN, formerOfficer, officer, REVIEWER, startTestApp, type TestApp } from '../support/app';
import { overrideEnv } from '../support/env-override';
import { FakeClock } from '../support/fake-clock';
import { csv, QUARTERLY_HEADER } from '../support/report-files';
import { TEST_ADMIN_URL, testDatabaseUrl } from '../support/test-env';
import { trackSeededFromStart } from '../support/obligations';

const MERGER_CSV = readFileSync(join(__dirname, '..', '..', 'src', 'units', 'reference', 'provinces-2025-merger.csv'), 'utf8');
/** A quarterly row; its data cut-off date (the report's reference date) must lie in the quarter reported. */
const row = (items: string, cutoff = '14/06/2025', rate = '30', filings = '2.000') => [items, '100', '1.000', '500', '10', '10', '5', '20', rate, cutoff, 'Nguyễn Văn A', '', filings];

// The merger changes which units exist, so this suite runs on a database of its own.
describe('Merger-aware history: 63 -> 34 provinces on 1 July 2025', () => {
  const name = `${new URL(testDatabaseUrl()).pathname.slice(1)}_merger`;
  const url = new URL(TEST_ADMIN_URL);
  url.pathname = `/${name}`;
  const admin = new Client({ connectionString: TEST_ADMIN_URL });
  const clock = new FakeClock(new Date('2025-07-01T03:00:00Z'));
  let t: TestApp;
  let restoreEnv: () => void;

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await runPendingMigrations(url.toString());
    restoreEnv = overrideEnv({ DATABASE_URL: url.toString() });
    t = await startTestApp('all', { clock });
    await trackSeededFromStart(t, 'TT35-BUU-CHINH', 'BC-QUY-TTTT-TINH');
  });
  afterAll(async () => {
    await t.close();
    restoreEnv();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  const units = async (query: string) => (await t.http().get(`/api/v1/units?${query}`).set('authorization', await t.tokenFor(ADMIN))).body;
  const idOf = async (code: string, activeOn: string) => (await units(`code=${code}&activeOn=${activeOn}`)).items[0].id as string;
  const path = (period: string, unitId: string) => `/api/v1/obligations/BC-QUY-TTTT-TINH/periods/${period}/units/${unitId}/submission`;
  const uploadApproved = async (period: string, unitId: string, officerEmail: string, items: string, rate?: string, filings?: string) => {
    const token = await t.tokenFor(officerEmail);
    const up = await t.http().post(`${path(period, unitId)}/versions`).set('authorization', token).attach('file', csv([QUARTERLY_HEADER, row(items, '14/06/2025', rate, filings)]), 'quy.csv');
    expect(up.body.version?.valid).toBe(true);
    const sent = await t.http().post(`${path(period, unitId)}/submit`).set('authorization', token).send({});
    const decided = await t
      .http()
      .post(`/api/v1/submissions/${sent.body.id}/decisions`)
      .set('authorization', await t.tokenFor(REVIEWER))
      .send({ decision: 'approve', versionNumber: 1, expectedRevision: sent.body.revision });
    expect(decided.body.status).toBe('approved');
  };

  it('holds the map as data on a default start, with validity dates and successor links; importing it again changes nothing', async () => {
    expect((await units('activeOn=2025-06-30')).total).toBe(63);
    expect((await units('activeOn=2025-07-01')).total).toBe(34);
    const audit = await t.http().get('/api/v1/audit?action=units.merger_imported').set('authorization', await t.tokenFor(ADMIN));
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ actorId: null, reason: expect.stringContaining('Nghị quyết 202/2025/QH15'), after: { created: 23, renamed: 1, unchanged: 10, retired: 52 } });
    const again = await t
      .http()
      .post('/api/v1/units/mergers')
      .set('authorization', await t.tokenFor(ADMIN))
      .send({ effectiveFrom: '2025-07-01', legalBasis: 'Nghị quyết 202/2025/QH15', csv: MERGER_CSV });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: 0, retired: 0 });
    expect((await units('activeOn=2025-07-01')).total).toBe(34);
    const hcm = (await units('code=79&activeOn=2025-07-01')).items[0];
    const oldBinhDuong = (await units('code=74&activeOn=2025-06-30')).items[0];
    expect(oldBinhDuong).toMatchObject({ validTo: '2025-06-30', successorId: hcm.id });
    expect((await units('code=46&activeOn=2025-07-01')).items[0]).toMatchObject({ name: 'Thành phố Huế', kind: 'municipality' });
    const refused = await t
      .http()
      .post('/api/v1/units/mergers')
      .set('authorization', await t.tokenFor(officer('01')))
      .send({ effectiveFrom: '2026-01-01', legalBasis: 'x', csv: MERGER_CSV });
    expect(refused.status).toBe(403);
  });

  it('expects the old units before the merger and the successor after it', async () => {
    const oldHaGiang = await idOf('02', '2025-06-30');
    const newTuyenQuang = await idOf('08', '2025-07-01');
    clock.set('2025-09-20T03:00:00Z');
    const oldInQ3 = await t.http().post(`${path('2025-Q3', oldHaGiang)}/versions`).set('authorization', await t.tokenFor(formerOfficer('02'))).attach('file', csv([QUARTERLY_HEADER, row('1')]), 'q.csv');
    expect(oldInQ3.status).toBe(422);
    expect(oldInQ3.body.code).toBe('unit_not_expected');
    const newInQ2 = await t.http().get(path('2025-Q2', newTuyenQuang)).set('authorization', await t.tokenFor(ADMIN));
    expect(newInQ2.status).toBe(422);
  });

  it('sums the old units’ approved values into their successor across Q2/2025 -> Q3/2025', async () => {
    const oldHaGiang = await idOf('02', '2025-06-30');
    const oldTuyenQuang = await idOf('08', '2025-06-30');
    const newTuyenQuang = await idOf('08', '2025-07-01');
    clock.set('2025-07-01T03:00:00Z');
    await uploadApproved('2025-Q2', oldHaGiang, formerOfficer('02'), '120.000', '20', '1.000');
    await uploadApproved('2025-Q2', oldTuyenQuang, formerOfficer('08'), '180.000', '50', '3.000');
    const created = await t
      .http()
      .post('/api/v1/users')
      .set('authorization', await t.tokenFor(ADMIN))
      .send({ email: 'vanthu@skhcn.tuyenquang.gov.vn', fullName: 'Văn thư Sở KH&CN Tuyên Quang', role: 'province_officer', unitId: newTuyenQuang, password: 'mat-khau-tuyen-quang' });
    expect(created.status).toBe(201);
    clock.set('2025-09-20T03:00:00Z');
    const token = await t.tokenFor('vanthu@skhcn.tuyenquang.gov.vn', 'mat-khau-tuyen-quang');
    const up = await t.http().post(`${path('2025-Q3', newTuyenQuang)}/versions`).set('authorization', token).attach('file', csv([QUARTERLY_HEADER, row('330.000', '14/09/2025')]), 'q3.csv');
    const sent = await t.http().post(`${path('2025-Q3', newTuyenQuang)}/submit`).set('authorization', token).send({});
    expect(up.status).toBe(201);
    await t
      .http()
      .post(`/api/v1/submissions/${sent.body.id}/decisions`)
      .set('authorization', await t.tokenFor(REVIEWER))
      .send({ decision: 'approve', versionNumber: 1, expectedRevision: sent.body.revision });

    const trend = await t.http().get(`/api/v1/obligations/BC-QUY-TTTT-TINH/units/${newTuyenQuang}/trend?from=2025-Q2&to=2025-Q3`).set('authorization', token);
    expect(trend.status).toBe(200);
    const [q2, q3] = trend.body.periods;
    expect(q2.periodKey).toBe('2025-Q2');
    expect(q2.units.map((u: { code: string; approved: boolean }) => [u.code, u.approved])).toEqual([
      ['02', true],
      ['08', true],
    ]);
    expect(q2.values.san_luong_buu_gui).toBe(300000);
    // Weighted by the filings of each: (20 x 1.000 + 50 x 3.000) / 4.000, not the mean 35.
    expect(q2.values.ty_le_ho_so_truc_tuyen_toan_trinh).toBe(42.5);
    expect(q2.values.tong_so_ho_so_tthc).toBe(4000);
    expect(q3.units.map((u: { code: string }) => u.code)).toEqual(['08']);
    expect(q3.values.san_luong_buu_gui).toBe(330000);
    const review = await t.http().get(`/api/v1/submissions/${sent.body.id}/review`).set('authorization', await t.tokenFor(REVIEWER));
    expect(review.body.previousPeriod).toMatchObject({ periodKey: '2025-Q2', status: 'approved', predecessors: ['02', '08'] });
    expect(review.body.previousPeriod.changes.find((c: { field: string }) => c.field === 'san_luong_buu_gui')).toMatchObject({ current: 330000, previous: 300000, change: 30000, percent: 10 });
    const foreign = await t.http().get(`/api/v1/obligations/BC-QUY-TTTT-TINH/units/${newTuyenQuang}/trend?from=2025-Q2&to=2025-Q3`).set('authorization', await t.tokenFor(officer('01')));
    expect(foreign.status).toBe(403);
  });
});
