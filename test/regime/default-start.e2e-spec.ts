import { getDataSourceToken } from '@nestjs/typeorm';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { runPendingMigrations } from '../../src/bootstrap/migrate';
import { loadReferenceData } from '../../src/bootstrap/reference-data';
import { ADMIN, COMPLIANCE, formerOfficer, officer, startTestApp, type TestApp } from '../support/app';
import { overrideEnv } from '../support/env-override';
import { FakeClock } from '../support/fake-clock';
import { DEMO_PASSWORD, TEST_ADMIN_URL, testDatabaseUrl } from '../support/test-env';

/** A database of this suite's own: what a fresh install holds is the subject. */
async function ownDatabase(suffix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${new URL(testDatabaseUrl()).pathname.slice(1)}_${suffix}`;
  const url = new URL(TEST_ADMIN_URL);
  url.pathname = `/${name}`;
  const admin = new Client({ connectionString: TEST_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await runPendingMigrations(url.toString());
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

// The examples, asked of an install started the default way in December 2026.
describe('A default start in December 2026: the administrative map as of today', () => {
  const clock = new FakeClock(new Date('2026-12-07T03:00:00Z'));
  let t: TestApp;
  let db: DataSource;
  let drop: () => Promise<void>;
  let restoreEnv: () => void;

  beforeAll(async () => {
    const own = await ownDatabase('default_start');
    drop = own.drop;
    restoreEnv = overrideEnv({ DATABASE_URL: own.url });
    t = await startTestApp('all', { clock });
    db = t.app.get(getDataSourceToken());
  });
  afterAll(async () => {
    await t.close();
    restoreEnv();
    await drop();
  });

  const get = async (path: string, as = COMPLIANCE) => t.http().get(path).set('authorization', await t.tokenFor(as));
  const expected = async (code: string, period: string) => (await get(`/api/v1/compliance/obligations/${code}/periods/${period}`)).body.expected as number;

  it('expects the 34 units of today for 2026-Q3, the 63 until 30/06/2025 and the 34 from 01/07/2025', async () => {
    expect(await expected('BC-QUY-TTTT-TINH', '2026-Q3')).toBe(34);
    expect(await expected('BC-QUY-TTTT-TINH', '2025-Q2')).toBe(63);
    expect(await expected('BC-QUY-TTTT-TINH', '2025-Q3')).toBe(34);
    expect(await expected('TT35-BUU-CHINH', '2024-Y')).toBe(63);
    expect(await expected('TT35-BUU-CHINH', '2025-Y')).toBe(34);
  });

  it("has demo officers for today's units (officer.<code>@) and for the ceased ones (officer.<code>-2008@)", async () => {
    const units = async (query: string) => (await get(`/api/v1/units?${query}`, ADMIN)).body.items as Array<{ id: string; code: string; name: string }>;
    const [hcm] = await units('code=79');
    const [oldHcm] = await units('code=79&activeOn=2025-06-30');
    const [yenBai] = await units('code=15&activeOn=2025-06-30');
    const login = async (email: string) => (await t.http().post('/api/v1/auth/login').send({ email, password: DEMO_PASSWORD })).body.user;
    expect(await login(officer('79'))).toMatchObject({ unitId: hcm.id });
    expect(await login(formerOfficer('79'))).toMatchObject({ unitId: oldHcm.id });
    expect(await login(formerOfficer('15'))).toMatchObject({ unitId: yenBai.id, fullName: 'Cán bộ Yên Bái đến 30/06/2025 (demo)' });
    expect(yenBai.name).toBe('Yên Bái');
    const [{ n: officers }] = await db.query(`SELECT count(*)::int AS n FROM users WHERE role = 'province_officer'`);
    expect(officers).toBe(63 + 23);
  });

  it('leaves the map as it is on the next start: nothing created twice, one import on record', async () => {
    const count = async () => (await db.query('SELECT count(*)::int AS n FROM reporting_units'))[0].n as number;
    const before = await count();
    await loadReferenceData(t.app);
    expect(await count()).toBe(before);
    // The 2008 reference no longer renames what the reorganisation renamed.
    const [hue] = await db.query(`SELECT name, kind FROM reporting_units WHERE code = '46'`);
    expect(hue).toEqual({ name: 'Thành phố Huế', kind: 'municipality' });
    const imports = await get('/api/v1/audit?action=units.merger_imported', ADMIN);
    expect(imports.body.total).toBe(1);
  });

  it("gives an install from before these seeds the dated bodies and schema version 2 on its next start, keeping an administrator's own bodies", async () => {
    const quarterly = (await get('/api/v1/obligations/BC-QUY-TTTT-TINH', ADMIN)).body;
    await db.query('DELETE FROM obligation_bodies WHERE obligation_id = $1', [quarterly.id]);
    await db.query('DELETE FROM report_schema_versions WHERE obligation_id = $1 AND version = 2', [quarterly.id]);
    const tt35 = (await get('/api/v1/obligations/TT35-BUU-CHINH', ADMIN)).body;
    const own = [{ role: 'issuing', name: 'Bộ Khoa học và Công nghệ', validFrom: '2017-01-01', validTo: null, legalBasis: 'Quyết định của quản trị viên' }];
    const replaced = await t.http().put('/api/v1/obligations/TT35-BUU-CHINH/bodies').set('authorization', await t.tokenFor(ADMIN)).send({ expectedRevision: tt35.revision, bodies: own });
    expect(replaced.status).toBe(200);

    await loadReferenceData(t.app);
    const after = (await get('/api/v1/obligations/BC-QUY-TTTT-TINH', ADMIN)).body;
    expect(after.bodies).toHaveLength(4);
    expect(after.latestSchemaVersion).toBe(2);
    expect((await get('/api/v1/obligations/TT35-BUU-CHINH', ADMIN)).body.bodies).toEqual(own);
  });
});

describe('A start on an install whose map the shipped reorganisation does not fit', () => {
  it('leaves that map as it is and still starts', async () => {
    const own = await ownDatabase('other_map');
    const restoreEnv = overrideEnv({ DATABASE_URL: own.url });
    const pg = new Client({ connectionString: own.url });
    await pg.connect();
    let t: TestApp | undefined;
    try {
      // An install whose Hà Giang already ended on another day (its own history): the 2025 mapping no longer applies.
      await pg.query(`INSERT INTO reporting_units (code, name, name_ascii, kind, valid_from, valid_to) VALUES ('02', 'Hà Giang', 'Ha Giang', 'province', '2008-08-01', '2024-12-31')`);
      t = await startTestApp('all', { clock: new FakeClock(new Date('2026-12-07T03:00:00Z')) });
      const { rows } = await pg.query(`SELECT count(*)::int AS n FROM reporting_units WHERE valid_from >= '2025-07-01'`);
      expect(rows[0].n).toBe(0);
      const today = await t.http().get('/api/v1/units').set('authorization', await t.tokenFor(ADMIN));
      expect(today.body.total).toBe(62);
    } finally {
      await t?.close();
      await pg.end();
      restoreEnv();
      await own.drop();
    }
  });
});
