import { ADMIN, officer, startTestApp, type TestApp } from '../support/app';
import { createTestObligation } from '../support/obligations';

describe('Bodies as data with validity: the ministry, its receiving units and the provincial departments', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await createTestObligation(t, { code: 'CO-QUAN-THEO-NGAY', issuingBody: 'Bộ Thông tin và Truyền thông', receivingBody: 'Vụ Bưu chính' });
  });
  afterAll(() => t.close());

  const get = async (path: string, as = ADMIN) => t.http().get(path).set('authorization', await t.tokenFor(as));
  const put = async (code: string, body: object, as = ADMIN) => t.http().put(`/api/v1/obligations/${code}/bodies`).set('authorization', await t.tokenFor(as)).send(body);

  it('seeds the ministry before and after 01/03/2025 with the legal basis of the change', async () => {
    const { body } = await get('/api/v1/obligations/TT35-BUU-CHINH');
    expect(body.bodies.map((b: { role: string; name: string; validFrom: string; validTo: string | null }) => [b.role, b.name, b.validFrom, b.validTo])).toEqual([
      ['issuing', 'Bộ Thông tin và Truyền thông', '2017-01-01', '2025-02-28'],
      ['issuing', 'Bộ Khoa học và Công nghệ', '2025-03-01', null],
      ['receiving', 'Vụ Bưu chính, Bộ Thông tin và Truyền thông', '2017-01-01', '2025-02-28'],
      ['receiving', 'Vụ Bưu chính, Bộ Khoa học và Công nghệ', '2025-03-01', null],
    ]);
    expect(body.bodies[1].legalBasis).toMatch(/Nghị quyết 176\/2025\/QH15.*Nghị định 55\/2025\/NĐ-CP/);
    expect(body.bodiesToday).toMatchObject({ issuingBody: 'Bộ Khoa học và Công nghệ', receivingBody: 'Vụ Bưu chính, Bộ Khoa học và Công nghệ' });
  });

  it("names each unit's department as on the day asked: the Sở TT&TT until 28/02/2025, the Sở KH&CN from 01/03/2025", async () => {
    const before = await get('/api/v1/units?code=20&activeOn=2025-02-28');
    expect(before.body.items[0].departmentName).toBe('Sở Thông tin và Truyền thông tỉnh Lạng Sơn');
    const after = await get('/api/v1/units?code=20&activeOn=2025-03-01');
    expect(after.body.items[0].departmentName).toBe('Sở Khoa học và Công nghệ tỉnh Lạng Sơn');
    // A unit that ceased: its department on its last day.
    const yenBai = await get('/api/v1/units?code=15&activeOn=2025-06-30');
    expect((await get(`/api/v1/units/${yenBai.body.items[0].id}`)).body.departmentName).toBe('Sở Khoa học và Công nghệ tỉnh Yên Bái');
  });

  it('lets an administrator replace the dated bodies, audited, with 422 for overlaps, 409 for a stale revision and 403 for others', async () => {
    const current = (await get('/api/v1/obligations/CO-QUAN-THEO-NGAY')).body;
    expect(current.bodies).toEqual([]);
    expect(current.bodiesToday).toMatchObject({ issuingBody: 'Bộ Thông tin và Truyền thông', receivingBody: 'Vụ Bưu chính' });
    const bodies = [
      { role: 'issuing', name: 'Bộ Thông tin và Truyền thông', validFrom: '2017-01-01', validTo: '2025-02-28', legalBasis: null },
      { role: 'issuing', name: 'Bộ Khoa học và Công nghệ', validFrom: '2025-03-01', validTo: null, legalBasis: 'Nghị định 55/2025/NĐ-CP' },
    ];
    const overlapping = await put('CO-QUAN-THEO-NGAY', { expectedRevision: current.revision, bodies: [...bodies, { role: 'issuing', name: 'Bộ Khác', validFrom: '2025-01-01', validTo: null, legalBasis: null }] });
    expect(overlapping.status).toBe(422);
    expect(overlapping.body.errors.map((e: { code: string }) => e.code)).toEqual(['overlapping_names', 'overlapping_names']);
    expect((await put('CO-QUAN-THEO-NGAY', { expectedRevision: current.revision, bodies }, officer('01'))).status).toBe(403);
    const replaced = await put('CO-QUAN-THEO-NGAY', { expectedRevision: current.revision, bodies });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toHaveLength(2);
    const after = (await get('/api/v1/obligations/CO-QUAN-THEO-NGAY')).body;
    expect(after.revision).toBe(current.revision + 1);
    expect(after.bodiesToday.issuingBody).toBe('Bộ Khoa học và Công nghệ');
    expect((await put('CO-QUAN-THEO-NGAY', { expectedRevision: current.revision, bodies })).status).toBe(409);
    const audit = await get('/api/v1/audit?action=obligation.bodies_replaced');
    expect(audit.body.items.find((event: { entityId: string }) => event.entityId === 'CO-QUAN-THEO-NGAY')).toMatchObject({ before: { bodies: [] }, after: { bodies: expect.any(Array) } });
  });
});
