import Redis from 'ioredis';
import { ReminderScheduler } from '../../src/reminders/reminder-scheduler';
import { createObligation, createUnits, remindersOf } from '../reminders/support/fixtures';
import { GatedSmtpSink } from '../reminders/support/gated-smtp-sink';
import { type ReminderWorld, startReminderWorld } from '../reminders/support/reminder-world';
import { startWorkerProcess, type WorkerProcess } from '../reminders/support/worker-process';
import { waitFor } from '../support/wait-for';
import { Drill } from './support/drill';

const UNITS = 30;
const SENT_BEFORE_KILL = 10;

/**
 * BullMQ hands a dead worker's active jobs to another worker once their lock (30 s) has expired and a
 * stalled check has seen them twice (every 30 s). This does now what those 30 to 60 seconds would do:
 * the locks are gone and the jobs are marked as stalled candidates, so the next worker's first check
 * moves them back to waiting.
 */
async function expireLocksOfDeadWorker(prefix: string): Promise<number> {
  const redis = new Redis(process.env.REDIS_URL as string);
  try {
    const base = `${prefix}:bull:mail`;
    const active = await redis.lrange(`${base}:active`, 0, -1);
    for (const id of active) await redis.del(`${base}:${id}:lock`);
    await redis.del(`${base}:stalled-check`);
    if (active.length > 0) await redis.sadd(`${base}:stalled`, ...active);
    return active.length;
  } finally {
    redis.disconnect();
  }
}

describe('Drill: a worker process killed with SIGKILL in the middle of a batch of reminders', () => {
  let w: ReminderWorld;
  let sink: GatedSmtpSink;
  let worker: WorkerProcess | undefined;

  beforeAll(async () => {
    sink = await GatedSmtpSink.start();
    // Planning happens here (api role: no mail worker in this process); a separate worker process sends.
    w = await startReminderWorld('rem_kill', { start: '2025-03-04T10:00:00', role: 'api', env: { SMTP_URL: sink.url, MAIL_POOL_SIZE: '2' } });
    await w.db.query(`UPDATE obligations SET retired_at = now()`);
  });
  afterAll(async () => {
    if (worker && worker.child.exitCode === null && worker.child.signalCode === null) {
      worker.child.kill('SIGTERM');
      await worker.exited;
    }
    await w.close();
    await sink.stop();
  });

  it('still delivers every planned reminder exactly once after a restart', async () => {
    const drill = new Drill('A worker process killed with SIGKILL in the middle of a batch of reminders');
    const units = await createUnits(w.db, 'KILL', Array.from({ length: UNITS }, (_, i) => ({ submitterEmails: [`vanthu.kill${i + 1}@so.gov.vn`] })));
    const obligation = await createObligation(w.db, 'NHAC-SIGKILL', { units });
    expect((await w.tick('2025-03-04T10:00:00')).planned).toBe(UNITS);
    const sentInDatabase = async () => (await remindersOf(w.db, obligation.id)).filter((row) => row.mailStatus === 'sent').length;
    const env = { DATABASE_URL: w.env.DATABASE_URL, REDIS_PREFIX: w.env.REDIS_PREFIX, SMTP_URL: sink.url, MAIL_POOL_SIZE: '2', MAIL_BACKOFF_MS: '100' };

    sink.holdAfter(SENT_BEFORE_KILL);
    worker = await startWorkerProcess(env);
    // Mid-batch: some e-mails sent and recorded, the next ones in flight (held before their data), the rest waiting.
    await waitFor('the worker to be mid-batch', async () => sink.accepted === SENT_BEFORE_KILL && sink.holding > 0 && (await sentInDatabase()) === SENT_BEFORE_KILL, { timeoutMs: 20000 });
    const inFlight = sink.holding;
    worker.child.kill('SIGKILL');
    const exit = await worker.exited;
    drill.check(
      `the worker dies with SIGKILL mid-batch: ${SENT_BEFORE_KILL} of ${UNITS} sent, others in flight`,
      `exit ${JSON.stringify(exit)} with ${SENT_BEFORE_KILL} sent and ${inFlight} in flight`,
      exit.signal === 'SIGKILL' && inFlight > 0,
    );
    const orphaned = await expireLocksOfDeadWorker(w.env.REDIS_PREFIX);
    sink.release();

    worker = await startWorkerProcess(env);
    await waitFor('every reminder to be sent', async () => (await sentInDatabase()) === UNITS, { timeoutMs: 20000 });
    drill.check(
      "a new worker takes over the dead worker's jobs (once their BullMQ lock has expired) and the rest of the queue",
      `${orphaned} orphaned active jobs; ${await sentInDatabase()} of ${UNITS} sent in the end`,
      orphaned > 0 && (await sentInDatabase()) === UNITS,
    );
    const again = (await w.t.app.get(ReminderScheduler).tick()).planned;
    const keys = (await remindersOf(w.db, obligation.id)).map((row) => row.mailKey as string);
    const counts = keys.map((key) => sink.countByKey.get(key) ?? 0);
    drill.check(
      `every one of the ${UNITS} reminders is delivered exactly once, and a later tick plans nothing more`,
      `the SMTP server received ${sink.accepted}: ${counts.filter((n) => n === 1).length} once, ${counts.filter((n) => n === 0).length} never, ${counts.filter((n) => n > 1).length} more than once; next tick planned ${again}`,
      new Set(keys).size === UNITS && counts.every((n) => n === 1) && sink.accepted === UNITS && again === 0,
    );
    drill.finish();
  }, 60000);
});
