import { createObligation, createUnits, remindersOf } from '../reminders/support/fixtures';
import { type ReminderWorld, startReminderWorld } from '../reminders/support/reminder-world';
import { waitFor } from '../support/wait-for';
import { Drill } from './support/drill';

const UNITS = 10;
const ATTEMPTS = 3;

describe('Drill: the SMTP server down for longer than the retries of each e-mail', () => {
  let w: ReminderWorld;

  beforeAll(async () => {
    // Few, quick retries: the outage outlasts every e-mail's attempts within a second.
    w = await startReminderWorld('drill_smtp', { start: '2025-03-11T10:00:00', env: { MAIL_MAX_ATTEMPTS: String(ATTEMPTS), MAIL_BACKOFF_MS: '100' } });
    await w.db.query(`UPDATE obligations SET retired_at = now()`);
  });
  afterAll(() => w.close());

  it('keeps every reminder queued in PostgreSQL through the outage and delivers each exactly once when the server is back', async () => {
    const drill = new Drill('The SMTP server down for longer than the retries of each e-mail');
    const units = await createUnits(w.db, 'DRS', Array.from({ length: UNITS }, (_, i) => ({ submitterEmails: [`vanthu.drs${i + 1}@so.gov.vn`] })));
    const obligation = await createObligation(w.db, 'DIEN-TAP-SMTP', { units });
    const attempts = async () =>
      Object.fromEntries(
        (
          (await w.db.query(
            `SELECT d.outcome, count(*)::int AS count FROM mail_deliveries d JOIN mail_messages m ON m.id = d.message_id
              JOIN reminders r ON r.mail_key = m.key WHERE r.obligation_id = $1 GROUP BY d.outcome`,
            [obligation.id],
          )) as Array<{ outcome: string; count: number }>
        ).map((row) => [row.outcome, row.count]),
      ) as Record<string, number>;

    await w.sink.stop();
    const planned = (await w.tick('2025-03-11T10:00:00')).planned;
    await waitFor('every e-mail to use up its attempts', async () => (await attempts()).transient_failure === UNITS * ATTEMPTS, { timeoutMs: 20000 });
    // Still down a while later: the next tick hands the e-mails to the queue again, and they fail again.
    const duringOutage = await w.tick('2025-03-11T10:05:00');
    await waitFor('the re-queued e-mails to fail again', async () => (await attempts()).transient_failure === 2 * UNITS * ATTEMPTS, { timeoutMs: 20000 });
    const waiting = await remindersOf(w.db, obligation.id);
    drill.check(
      `while the SMTP server is down, each of the ${UNITS} reminders fails its ${ATTEMPTS} attempts and stays queued in PostgreSQL (none lost, none given up); a tick re-queues them`,
      `${planned} planned; attempts: ${JSON.stringify(await attempts())}; mail statuses: ${[...new Set(waiting.map((row) => row.mailStatus))].join(',')}; a tick during the outage re-queued ${duringOutage.requeued}; received ${w.sink.messages.length}`,
      planned === UNITS && waiting.every((row) => row.mailStatus === 'queued') && duringOutage.requeued === UNITS && w.sink.messages.length === 0,
    );

    await w.sink.restart();
    const back = await w.tick('2025-03-11T10:10:00');
    await w.settled(obligation.id);
    const delivered = await remindersOf(w.db, obligation.id);
    const counts = delivered.map((row) => w.sink.withKey(row.mailKey as string).length);
    drill.check(
      'once the server is back, the next tick re-queues them all and nothing new is planned',
      `re-queued ${back.requeued}, planned ${back.planned}`,
      back.requeued === UNITS && back.planned === 0,
    );
    drill.check(
      `every one of the ${UNITS} reminders is delivered exactly once; each records its failed attempts and one success`,
      `received ${w.sink.messages.length}: ${counts.filter((n) => n === 1).length} once, ${counts.filter((n) => n === 0).length} never, ${counts.filter((n) => n > 1).length} more than once; attempts: ${JSON.stringify(await attempts())}`,
      counts.every((n) => n === 1) && w.sink.messages.length === UNITS && (await attempts()).sent === UNITS && delivered.every((row) => row.mailStatus === 'sent'),
    );
    drill.finish();
  }, 60000);
});
