import { getDataSourceToken } from '@nestjs/typeorm';
import { ReportSchemasService } from '../../src/obligations/report-schemas.service';
import { ADMIN, officer, REVIEWER, startTestApp, type TestApp } from '../support/app';
import { createTestObligation } from '../support/obligations';

const DEFINITION = {
  sheetName: 'BC-STTTT',
  keyFields: ['chi_tieu'],
  fields: [
    { key: 'chi_tieu', label: 'Chỉ tiêu', type: 'enum', required: true, enumValues: ['Giấy phép', 'Xác nhận'] },
    { key: 'trong_nam', label: 'Số lượng trong năm', type: 'integer', required: true, min: 0 },
    { key: 'luy_ke', label: 'Số lượng lũy kế', type: 'integer', required: true, min: 0 },
  ],
  rowRules: [{ id: 'luy_ke', message: 'Lũy kế không nhỏ hơn trong năm', assert: 'luy_ke >= trong_nam' }],
  fileRules: [{ id: 'unique', kind: 'unique', fields: ['chi_tieu'] }],
};

describe('Report schema versions', () => {
  let t: TestApp;
  let admin: string;
  // An obligation of its own: other suites share the database and rely on the seeded schemas.
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.tokenFor(ADMIN);
    await createTestObligation(t, { code: 'THU-BIEU-MAU', title: 'Báo cáo thử nghiệm biểu mẫu' });
  });
  afterAll(() => t.close());

  const post = (definition: unknown, token = admin) =>
    t.http().post('/api/v1/obligations/THU-BIEU-MAU/schemas').set('authorization', token).send({ definition, effectiveFrom: '2026-01-01', changeNote: 'Thử' });

  it('adds a new version for admins only and serves every version to every role', async () => {
    expect((await post(DEFINITION, await t.tokenFor(REVIEWER))).status).toBe(403);
    const created = await post(DEFINITION);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ obligationCode: 'THU-BIEU-MAU', version: 1, effectiveFrom: '2026-01-01', locked: false });
    const list = await t.http().get('/api/v1/obligations/THU-BIEU-MAU/schemas').set('authorization', await t.tokenFor(officer('79')));
    expect(list.body.items.map((v: { version: number }) => v.version)).toEqual([1]);
    const one = await t.http().get('/api/v1/obligations/THU-BIEU-MAU/schemas/1').set('authorization', await t.tokenFor(officer('79')));
    expect(one.body.definition.fields[0].label).toBe('Chỉ tiêu');
  });

  it.each([
    [
      'a rule naming an unknown field',
      { ...DEFINITION, rowRules: [{ id: 'r', message: 'm', assert: 'luy_ke >= tong_so' }] },
      'definition.rowRules[0].assert',
      'invalid_rule',
    ],
    [
      'an ill-typed rule (arithmetic on an enum)',
      { ...DEFINITION, rowRules: [{ id: 'r', message: 'm', assert: 'chi_tieu + 1 > 0' }] },
      'definition.rowRules[0].assert',
      'invalid_rule',
    ],
    [
      'min greater than max',
      { ...DEFINITION, fields: [DEFINITION.fields[0], { ...DEFINITION.fields[1], min: 10, max: 1 }, DEFINITION.fields[2]] },
      'definition.fields[1].min',
      'min_greater_than_max',
    ],
    ['an unknown field type', { ...DEFINITION, fields: [...DEFINITION.fields, { key: 'x', label: 'X', type: 'money' }] }, 'definition.fields[3].type', 'unknown_field_type'],
    ['a unique file rule on an unknown field', { ...DEFINITION, fileRules: [{ id: 'u', kind: 'unique', fields: ['ma'] }] }, 'definition.fileRules[0].fields[0]', 'unknown_field'],
  ])('refuses %s with a 422 problem naming the field', async (_case, definition, field, code) => {
    const response = await post(definition);
    expect(response.status).toBe(422);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    expect(response.body.code).toBe('invalid_schema');
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, code })]));
  });

  it('lets an unused version be edited, and refuses with 409 once a submission used it', async () => {
    const created = await post(DEFINITION);
    const version = created.body.version as number;
    const edited = await t
      .http()
      .put(`/api/v1/obligations/THU-BIEU-MAU/schemas/${version}`)
      .set('authorization', admin)
      .send({ definition: { ...DEFINITION, sheetName: 'Biểu 01' }, effectiveFrom: '2026-01-01' });
    expect(edited.status).toBe(200);
    expect(edited.body.definition.sheetName).toBe('Biểu 01');

    const db = t.app.get(getDataSourceToken());
    await db.transaction((manager: import('typeorm').EntityManager) => t.app.get(ReportSchemasService).lock(manager, created.body.id));
    const refused = await t
      .http()
      .put(`/api/v1/obligations/THU-BIEU-MAU/schemas/${version}`)
      .set('authorization', admin)
      .send({ definition: DEFINITION, effectiveFrom: '2026-01-01' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('schema_version_locked');
    const unchanged = await t.http().get(`/api/v1/obligations/THU-BIEU-MAU/schemas/${version}`).set('authorization', admin);
    expect(unchanged.body).toMatchObject({ locked: true, definition: { sheetName: 'Biểu 01' } });
  });
});
