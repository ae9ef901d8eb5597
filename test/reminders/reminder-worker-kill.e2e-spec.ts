import Redis from 'ioredis';
import { ReminderScheduler } from '../../src/reminders/reminder-scheduler';
import { waitFor } from '../support/wait-for';
import { createObligation, createUnits, remindersOf } from './support/fixtures';
import { GatedSmtpSink } from './support/gated-smtp-sink';
import { type ReminderWorld, startReminderWorld } from './support/reminder-world';
import { startWorkerProcess, type WorkerProcess } from './support/worker-process';

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

describe('A worker process killed with SIGKILL in the middle of a batch of reminders', () => {
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
    const units = await createUnits(w.db, 'KILL', Array.from({ length: UNITS }, (_, i) => ({ submitterEmails: [`vanthu.kill${i + 1}@so.gov.vn`] })));
    const obligation = await createObligation(w.db, 'NHAC-SIGKILL', { units });
    expect((await w.tick('2025-03-04T10:00:00')).planned).toBe(UNITS);
    const sentInDatabase = async () => (await remindersOf(w.db, obligation.id)).filter((row) => row.mailStatus === 'sent').length;
    const env = { DATABASE_URL: w.env.DATABASE_URL, REDIS_PREFIX: w.env.REDIS_PREFIX, SMTP_URL: sink.url, MAIL_POOL_SIZE: '2', MAIL_BACKOFF_MS: '100' };

    sink.holdAfter(SENT_BEFORE_KILL);
    worker = await startWorkerProcess(env);
    // Mid-batch: some e-mails sent and recorded, the next ones in flight (held before their data), the rest waiting.
    await waitFor('the worker to be mid-batch', async () => sink.accepted === SENT_BEFORE_KILL && sink.holding > 0 && (await sentInDatabase()) === SENT_BEFORE_KILL, { timeoutMs: 20000 });
    worker.child.kill('SIGKILL');
    expect(await worker.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(await expireLocksOfDeadWorker(w.env.REDIS_PREFIX)).toBeGreaterThan(0);
    sink.release();

    worker = await startWorkerProcess(env);
    await waitFor('every reminder to be sent', async () => (await sentInDatabase()) === UNITS, { timeoutMs: 20000 });
    expect((await w.t.app.get(ReminderScheduler).tick()).planned).toBe(0);

    const keys = (await remindersOf(w.db, obligation.id)).map((row) => row.mailKey as string);
    expect(new Set(keys).size).toBe(UNITS);
    expect(keys.map((key) => sink.countByKey.get(key))).toEqual(keys.map(() => 1));
    expect(sink.accepted).toBe(UNITS);
  }, 60000);
});
