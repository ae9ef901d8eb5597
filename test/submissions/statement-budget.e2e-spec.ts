import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Submission } from '../../src/submissions/submission.entity';
import { lockOrCreateSubmission } from '../../src/submissions/locked-submission';
import { ADMIN, officerBefore2025Merger as officer, startTestApp, type TestApp, unitIdsByCode } from '../support/app';
import { FakeClock } from '../support/fake-clock';
import { csv } from '../support/report-files';
import { createTestObligation } from '../support/obligations';

// Every statement any pg client of this test's app sends (pg is loaded once per test file).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pg = require('pg') as { Client: { prototype: { query: (...args: unknown[]) => unknown } } };
const sent: string[] = [];
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
  const statement = args[0];
  sent.push(typeof statement === 'string' ? statement : String((statement as { text?: string })?.text));
  return query.apply(this, args);
};

/**
 * The deadline burst (issue #15) is bound by statements per request: each costs a round trip and a
 * socket write on both sides. These budgets hold what was reached; raise one only knowingly.
 */
const CODE = 'TEST-SO-CAU-LENH';
const HEADER = ['Mã', 'Số lượng'];

describe('Statements per upload and per submit', () => {
  let t: TestApp;
  let db: DataSource;
  let units: Record<string, string>;
  const clock = new FakeClock(new Date('2025-01-20T03:00:00Z'));

  beforeAll(async () => {
    t = await startTestApp('all', { clock });
    await createTestObligation(t, { code: CODE });
    const schema = await t
      .http()
      .post(`/api/v1/obligations/${CODE}/schemas`)
      .set('authorization', await t.tokenFor(ADMIN))
      .send({
        effectiveFrom: '2017-01-01',
        definition: {
          keyFields: ['ma'],
          fields: [
            { key: 'ma', label: HEADER[0], type: 'text', required: true },
            { key: 'so_luong', label: HEADER[1], type: 'integer', required: true },
          ],
        },
      });
    expect(schema.status).toBe(201);
    db = t.app.get(getDataSourceToken());
    units = await unitIdsByCode(t, '2025-06-30');
  });
  afterAll(() => t.close());

  const base = (unit: string) => `/api/v1/obligations/${CODE}/periods/2024-Y/units/${units[unit]}/submission`;
  const counted = async (run: () => PromiseLike<{ status: number }>) => {
    sent.length = 0;
    const { status } = await run();
    return { status, statements: [...sent] };
  };

  it.each(['01', '02'])('a first upload and its submit stay within budget (unit %s)', async (unit) => {
    const token = await t.tokenFor(officer(unit));
    const file = csv([HEADER, ['A1', 3], ['A2', 12], ['A3', 4]]);
    const upload = await counted(() => t.http().post(`${base(unit)}/versions`).set('authorization', token).attach('file', file, 'bao-cao.csv'));
    expect(upload.status).toBe(201);
    // Eleven: ten, and one insert per MiB of the original (one here). The app's first upload also reads
    // the calendar and locks the schema version (two more statements).
    expect(upload.statements.filter((sql) => sql.includes('submission_version_chunks'))).toHaveLength(1);
    expect(upload.statements.length).toBeLessThanOrEqual(unit === '01' ? 13 : 11);
    const submit = await counted(() => t.http().post(`${base(unit)}/submit`).set('authorization', token).send({}));
    expect(submit.status).toBe(200);
    expect(submit.statements.length).toBeLessThanOrEqual(11);
  });

  it('locks an existing submission and gives it as TypeORM reads it', async () => {
    const read = await db.getRepository(Submission).findOneByOrFail({ unitId: units['01'], periodKey: '2024-Y', obligation: { code: CODE } });
    const locked = await db.transaction((manager) => lockOrCreateSubmission(manager, read.obligationId, read.periodKey, read.unitId));
    expect(locked).toBeInstanceOf(Submission);
    expect(locked).toEqual(read);
    expect(read.dueDate).toEqual(expect.any(String));
    expect(read.firstSubmittedAt).toEqual(expect.any(Date));
  });
});
