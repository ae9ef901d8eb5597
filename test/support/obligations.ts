import { ADMIN, type TestApp } from './app';

/** A yearly obligation of all provinces, created through the API; each suite overrides what it tests. */
const TEST_OBLIGATION = {
  title: 'Báo cáo thử nghiệm',
  legalDocument: 'Văn bản thử nghiệm',
  issuingBody: 'Bộ Khoa học và Công nghệ',
  periodType: 'yearly',
  cutoffKind: 'calendar',
  deadlineRule: { kind: 'day_of_month', monthOffset: 1, day: 31 },
  targetScope: 'all_provinces',
  compliesWhen: 'approved',
  activeFrom: '2017-01-01',
};

/** Creates an obligation of a suite's own as admin (other suites rely on the seeded ones) and checks it was created. */
export async function createTestObligation(t: TestApp, fields: { code: string } & Record<string, unknown>): Promise<void> {
  const created = await t
    .http()
    .post('/api/v1/obligations')
    .set('authorization', await t.tokenFor(ADMIN))
    .send({ ...TEST_OBLIGATION, ...fields });
  expect(created.status).toBe(201);
}
