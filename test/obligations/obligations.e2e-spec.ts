import { getDataSourceToken } from '@nestjs/typeorm';
import { ADMIN, COMPLIANCE, officer, REVIEWER, startTestApp, type TestApp } from '../support/app';

const NEW_OBLIGATION = {
  code: 'TT02-BAO-CAO-THANG',
  title: 'Báo cáo tháng công tác quản lý nhà nước',
  legalDocument: 'Thông tư 02/2023/TT-BTTTT',
  legalArticle: 'Điều 6',
  issuingBody: 'Bộ Thông tin và Truyền thông',
  periodType: 'monthly',
  cutoffKind: 'decree09',
  deadlineRule: { kind: 'day_of_month', monthOffset: 0, day: 15 },
  targetScope: 'listed_units',
  targetUnitCodes: ['01', '79'],
  compliesWhen: 'submitted',
  activeFrom: '2023-03-01',
};

describe('Obligations (/api/v1/obligations)', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.tokenFor(ADMIN);
  });
  afterAll(() => t.close());

  const auditCount = async () => {
    const [{ count }] = await t.app.get(getDataSourceToken()).query('SELECT count(*)::int AS count FROM audit_events');
    return count as number;
  };

  it('seeds the Circular 35/2016 postal-licensing report and a quarterly report, with their legal basis', async () => {
    const response = await t.http().get('/api/v1/obligations').set('authorization', await t.tokenFor(officer('01')));
    expect(response.status).toBe(200);
    const byCode = Object.fromEntries(response.body.items.map((o: { code: string }) => [o.code, o]));
    expect(byCode['TT35-BUU-CHINH']).toMatchObject({
      periodType: 'yearly',
      cutoffKind: 'calendar',
      deadlineRule: { kind: 'day_of_month', monthOffset: 1, day: 31 },
      compliesWhen: 'approved',
      latestSchemaVersion: 1,
    });
    expect(byCode['TT35-BUU-CHINH'].legalDocument).toContain('Thông tư 35/2016/TT-BTTTT');
    expect(byCode['TT35-BUU-CHINH'].legalArticle).toContain('01/BC-STTTT');
    expect(byCode['BC-QUY-TTTT-TINH']).toMatchObject({ periodType: 'quarterly', cutoffKind: 'decree09' });
    expect(byCode['BC-QUY-TTTT-TINH'].legalDocument).toContain('Nghị định 09/2019/NĐ-CP');
  });

  it('lets only admins create, change and retire obligations', async () => {
    for (const email of [officer('01'), REVIEWER, COMPLIANCE]) {
      const token = await t.tokenFor(email);
      expect((await t.http().post('/api/v1/obligations').set('authorization', token).send(NEW_OBLIGATION)).status).toBe(403);
      expect((await t.http().patch('/api/v1/obligations/TT35-BUU-CHINH').set('authorization', token).send({ expectedRevision: 1, title: 'x' })).status).toBe(403);
      expect((await t.http().post('/api/v1/obligations/TT35-BUU-CHINH/retire').set('authorization', token).send({ reason: 'không' })).status).toBe(403);
    }
    const created = await t.http().post('/api/v1/obligations').set('authorization', admin).send(NEW_OBLIGATION);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'TT02-BAO-CAO-THANG', revision: 1, latestSchemaVersion: null, targetUnitCodes: ['01', '79'] });
    expect(created.body.reminderPolicy).toEqual({ daysBefore: [7, 2], onDueDate: true, overdueEveryDays: 3, escalateAfterDays: 7, monthlyCapPerUnit: 10 });

    const changed = await t.http().patch('/api/v1/obligations/TT02-BAO-CAO-THANG').set('authorization', admin).send({ expectedRevision: 1, title: 'Báo cáo tháng (sửa đổi)' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ title: 'Báo cáo tháng (sửa đổi)', revision: 2 });
    const stale = await t.http().patch('/api/v1/obligations/TT02-BAO-CAO-THANG').set('authorization', admin).send({ expectedRevision: 1, title: 'Bản cũ' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'stale_revision', currentRevision: 2 });

    const retired = await t.http().post('/api/v1/obligations/TT02-BAO-CAO-THANG/retire').set('authorization', admin).send({ reason: 'Thay bằng báo cáo quý' });
    expect(retired.status).toBe(200);
    expect(retired.body.retiredReason).toBe('Thay bằng báo cáo quý');
    expect((await t.http().post('/api/v1/obligations/TT02-BAO-CAO-THANG/retire').set('authorization', admin).send({ reason: 'lần nữa' })).status).toBe(409);
    const active = await t.http().get('/api/v1/obligations').set('authorization', admin);
    expect(active.body.items.map((o: { code: string }) => o.code)).not.toContain('TT02-BAO-CAO-THANG');
    const all = await t.http().get('/api/v1/obligations?includeRetired=true').set('authorization', admin);
    expect(all.body.items.map((o: { code: string }) => o.code)).toContain('TT02-BAO-CAO-THANG');

    const [event] = await t.app
      .get(getDataSourceToken())
      .query(`SELECT before, after FROM audit_events WHERE action = 'obligation.updated' AND entity_id = 'TT02-BAO-CAO-THANG'`);
    expect(event.before.title).toBe('Báo cáo tháng công tác quản lý nhà nước');
    expect(event.after.title).toBe('Báo cáo tháng (sửa đổi)');
  });

  it('rejects a bad deadline rule, reminder policy and unknown target units with a 422 naming each field, writing nothing', async () => {
    const before = await auditCount();
    const response = await t
      .http()
      .post('/api/v1/obligations')
      .set('authorization', admin)
      .send({
        ...NEW_OBLIGATION,
        code: 'BAD-RULES',
        deadlineRule: { kind: 'day_of_month', monthOffset: 1, day: 32 },
        reminderPolicy: { daysBefore: [7, 7], onDueDate: 'yes', overdueEveryDays: 3, escalateAfterDays: 7, monthlyCapPerUnit: 10 },
        targetUnitCodes: ['01', '99'],
      });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      ['deadlineRule.day', 'reminderPolicy.daysBefore', 'reminderPolicy.onDueDate', 'targetUnitCodes'].sort(),
    );
    expect(response.body.errors.find((e: { field: string }) => e.field === 'targetUnitCodes').message).toContain('99');
    expect((await t.http().get('/api/v1/obligations/BAD-RULES').set('authorization', admin)).status).toBe(404);
    expect(await auditCount()).toBe(before);
  });
});
