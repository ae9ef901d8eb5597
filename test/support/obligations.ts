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
  // Tracked since it applies: the suites replay history as if baocao had followed it from the start.
  trackedFrom: '2017-01-01',
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

/**
 * Tracks seeded obligations from the day they apply (activeFrom) instead of from the first start:
 * suites that replay past periods through the normal cycle (upload, submit, reminders) need them tracked.
 */
export async function trackSeededFromStart(t: TestApp, ...codes: string[]): Promise<void> {
  const token = await t.tokenFor(ADMIN);
  for (const code of codes) {
    const current = await t.http().get(`/api/v1/obligations/${code}`).set('authorization', token);
    if (current.body.trackedFrom === current.body.activeFrom) continue;
    const patched = await t.http().patch(`/api/v1/obligations/${code}`).set('authorization', token).send({ expectedRevision: current.body.revision, trackedFrom: current.body.activeFrom });
    expect(patched.status).toBe(200);
  }
}
