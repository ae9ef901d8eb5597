import { ADMIN, officerBefore2025Merger, startTestApp, type TestApp, unitIdsByCode } from '../../support/app';
import { FakeClock } from '../../support/fake-clock';
import { createTestObligation } from '../../support/obligations';
import { csv } from '../../support/report-files';

/** The unit whose officer acts in these suites, and the one whose data he must never reach. */
export const OWN_UNIT = '01';
export const OTHER_UNIT = '79';
export const PERIOD = '2024-Y';

export interface SubmittedReport {
  unitId: string;
  submissionId: string;
  receiptId: string;
  base: string;
}

export interface SecurityWorld {
  t: TestApp;
  clock: FakeClock;
  obligation: string;
  units: Record<string, string>;
  own: SubmittedReport;
  other: SubmittedReport;
  /** A user an administrator may act on (an officer of a third unit). */
  userId: string;
  close: () => Promise<void>;
}

const HEADER = ['Chỉ tiêu', 'Số lượng'];

/**
 * The application with one obligation of units 01 and 79 for 2024, each of which has uploaded and
 * submitted a report (so versions, rows, files, receipts and reviews exist on both sides).
 */
export async function startSecurityWorld(obligation: string): Promise<SecurityWorld> {
  const clock = new FakeClock(new Date('2025-01-20T03:00:00Z'));
  const t = await startTestApp('api', { clock });
  // 2024: the units of 2008-2025 and their officers (unit 79's is officer.79-2008@ since the 2025 map).
  const units = await unitIdsByCode(t, '2024-12-31');
  const admin = await t.tokenFor(ADMIN);
  await createTestObligation(t, { code: obligation, title: 'Báo cáo thử nghiệm an ninh', targetScope: 'listed_units', targetUnitCodes: [OWN_UNIT, OTHER_UNIT] });
  const schema = await t
    .http()
    .post(`/api/v1/obligations/${obligation}/schemas`)
    .set('authorization', admin)
    .send({
      effectiveFrom: '2017-01-01',
      definition: {
        keyFields: ['chi_tieu'],
        fields: [
          { key: 'chi_tieu', label: HEADER[0], type: 'text', required: true },
          { key: 'so_luong', label: HEADER[1], type: 'integer', required: true, min: 0 },
        ],
      },
    });
  if (schema.status !== 201) throw new Error(`schema: ${schema.status} ${JSON.stringify(schema.body)}`);

  const report = async (unit: string): Promise<SubmittedReport> => {
    const token = await t.tokenFor(officerBefore2025Merger(unit));
    const base = `/api/v1/obligations/${obligation}/periods/${PERIOD}/units/${units[unit]}/submission`;
    const upload = await t.http().post(`${base}/versions`).set('authorization', token).attach('file', csv([HEADER, ['Bưu cục', 12], ['Điểm phục vụ', 30]]), 'bao-cao.csv');
    if (upload.status !== 201) throw new Error(`upload of ${unit}: ${upload.status} ${JSON.stringify(upload.body)}`);
    const submitted = await t.http().post(`${base}/submit`).set('authorization', token).send({});
    if (submitted.status !== 200) throw new Error(`submit of ${unit}: ${submitted.status} ${JSON.stringify(submitted.body)}`);
    return { unitId: units[unit], submissionId: submitted.body.id, receiptId: submitted.body.receipt.id, base };
  };
  const own = await report(OWN_UNIT);
  const other = await report(OTHER_UNIT);
  const users = await t.http().get(`/api/v1/users?unitId=${units['48']}`).set('authorization', admin);
  return { t, clock, obligation, units, own, other, userId: users.body.items[0].id, close: () => t.close() };
}
