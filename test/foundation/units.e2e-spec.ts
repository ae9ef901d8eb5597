import { UnitsService } from '../../src/units/units.service';
import { ADMIN, officer, startTestApp, type TestApp } from '../support/app';

describe('Reporting units (GET /api/v1/units)', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp();
    token = await t.tokenFor(officer('31'));
  });
  afterAll(() => t.close());

  const list = (query = '') => t.http().get(`/api/v1/units${query}`).set('authorization', token);

  it('lists the 34 units of today (since 1 July 2025) with official codes and Vietnamese names in NFC', async () => {
    const response = await list();
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(34);
    const byCode = Object.fromEntries(response.body.items.map((unit: { code: string }) => [unit.code, unit]));
    // Unchanged units keep their row (and history); merged groups have a new unit from 1 July 2025.
    expect(byCode['01']).toMatchObject({ name: 'Thành phố Hà Nội', kind: 'municipality', region: 'Đồng bằng sông Hồng', validFrom: '2008-08-01', validTo: null });
    expect(byCode['79']).toMatchObject({ name: 'Thành phố Hồ Chí Minh', validFrom: '2025-07-01', validTo: null });
    expect(byCode['96']).toMatchObject({ name: 'Cà Mau', kind: 'province', region: 'Đồng bằng sông Cửu Long', validFrom: '2025-07-01' });
    expect(byCode['46']).toMatchObject({ name: 'Thành phố Huế', kind: 'municipality', validFrom: '2008-08-01' });
    for (const unit of response.body.items) expect(unit.name).toBe(unit.name.normalize('NFC'));
    expect(response.body.items.map((unit: { code: string }) => unit.code)).toEqual([...response.body.items.map((unit: { code: string }) => unit.code)].sort());
  });

  it('lists the 63 provinces on any day before 1 July 2025, with the codes that were later reused', async () => {
    const before = await list('?activeOn=2025-06-30');
    expect(before.body.total).toBe(63);
    const byCode = Object.fromEntries(before.body.items.map((unit: { code: string }) => [unit.code, unit]));
    expect(byCode['15']).toMatchObject({ name: 'Yên Bái', validTo: '2025-06-30' });
    expect(byCode['02']).toMatchObject({ name: 'Hà Giang', validTo: '2025-06-30' });
    expect((await list('?code=15')).body.items[0]).toMatchObject({ name: 'Lào Cai', validFrom: '2025-07-01' });
    expect(byCode['15'].successorId).toBe((await list('?code=15')).body.items[0].id);
    expect((await list('?all=true')).body.total).toBe(63 + 23);
  });

  it('filters by kind, region, code and diacritics-insensitive name', async () => {
    const municipalities = await list('?kind=municipality');
    expect(municipalities.body.items.map((unit: { code: string }) => unit.code)).toEqual(['01', '31', '46', '48', '79', '92']);
    const highlands = await list(`?region=${encodeURIComponent('Tây Nguyên')}&activeOn=2024-12-31`);
    expect(highlands.body.total).toBe(5);
    expect((await list('?q=ha%20noi')).body.items.map((unit: { code: string }) => unit.code)).toEqual(['01']);
    expect((await list(`?q=${encodeURIComponent('HÀ NỘI')}`)).body.items.map((unit: { code: string }) => unit.code)).toEqual(['01']);
    expect((await list('?code=79')).body.items[0].name).toBe('Thành phố Hồ Chí Minh');
  });

  it('respects validity: no unit existed before 1 August 2008 in this data set', async () => {
    expect((await list('?activeOn=2008-07-31')).body.total).toBe(0);
    expect((await list('?activeOn=2008-08-01')).body.total).toBe(63);
  });

  it('rejects a bad filter with a 422 naming the parameter', async () => {
    const response = await list('?kind=village&activeOn=31/12/2024');
    expect(response.status).toBe(422);
    expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['activeOn', 'kind']);
  });

  it('reads one unit, with 404 for an unknown id and 400 for a malformed one', async () => {
    const hanoi = (await list('?code=01')).body.items[0];
    expect((await t.http().get(`/api/v1/units/${hanoi.id}`).set('authorization', token)).body.code).toBe('01');
    const missing = await t.http().get('/api/v1/units/00000000-0000-4000-8000-000000000000').set('authorization', token);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('not_found');
    expect((await t.http().get('/api/v1/units/not-a-uuid').set('authorization', token)).status).toBe(400);
  });

  it('loads reference data idempotently: a second load changes nothing', async () => {
    const before = (await t.http().get('/api/v1/units?all=true').set('authorization', await t.tokenFor(ADMIN))).body;
    await t.app.get(UnitsService).loadProvinces();
    const after = (await t.http().get('/api/v1/units?all=true').set('authorization', await t.tokenFor(ADMIN))).body;
    expect(after).toEqual(before);
  });
});
