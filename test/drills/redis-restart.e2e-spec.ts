import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { MAIL_QUEUE } from '../../src/mail/mail-job';
import { createObligation, createUnits, remindersOf } from '../reminders/support/fixtures';
import { GatedSmtpSink } from '../reminders/support/gated-smtp-sink';
import { type ReminderWorld, startReminderWorld } from '../reminders/support/reminder-world';
import { waitFor } from '../support/wait-for';
import { Drill } from './support/drill';
import { ThrowawayRedis } from './support/throwaway-redis';

const UNITS = 30;
const SENT_BEFORE_RESTART = 8;

describe('Drill: Redis restarted (without persistence) in the middle of a reminder campaign', () => {
  let redis: ThrowawayRedis;
  let sink: GatedSmtpSink;
  let w: ReminderWorld;

  beforeAll(async () => {
    redis = await ThrowawayRedis.create();
    sink = await GatedSmtpSink.start();
    w = await startReminderWorld('drill_redis', { start: '2025-03-04T10:00:00', env: { REDIS_URL: redis.url, SMTP_URL: sink.url, MAIL_POOL_SIZE: '2' } });
    await w.db.query(`UPDATE obligations SET retired_at = now()`);
  }, 60000);
  afterAll(async () => {
    sink.release();
    await w?.close();
    await sink?.stop();
    await redis?.stop();
  });

  it('reconnects by itself, re-queues from PostgreSQL what Redis lost, and delivers every reminder exactly once', async () => {
    const drill = new Drill('Redis restarted (without persistence) in the middle of a reminder campaign');
    const units = await createUnits(w.db, 'DRR', Array.from({ length: UNITS }, (_, i) => ({ submitterEmails: [`vanthu.drr${i + 1}@so.gov.vn`] })));
    const obligation = await createObligation(w.db, 'DIEN-TAP-REDIS', { units });
    const mailStatuses = async () => {
      const rows = await remindersOf(w.db, obligation.id);
      return { sent: rows.filter((row) => row.mailStatus === 'sent').length, queued: rows.filter((row) => row.mailStatus === 'queued').length, keys: rows.map((row) => row.mailKey as string) };
    };

    sink.holdAfter(SENT_BEFORE_RESTART);
    const planned = (await w.tick('2025-03-04T10:00:00')).planned;
    await waitFor('the campaign to be under way', async () => sink.accepted === SENT_BEFORE_RESTART && sink.holding > 0 && (await mailStatuses()).sent === SENT_BEFORE_RESTART, { timeoutMs: 20000 });
    const before = await mailStatuses();
    const mailQueue = w.t.app.get<Queue>(getQueueToken(MAIL_QUEUE));
    const waitingInRedis = await mailQueue.getWaitingCount();
    drill.check(
      `Redis goes down mid-campaign: ${UNITS} reminders planned, ${SENT_BEFORE_RESTART} sent, some being sent, the rest waiting in Redis`,
      `${planned} planned; ${before.sent} sent, ${sink.holding} in flight, ${waitingInRedis} jobs waiting in Redis, ${before.queued} still queued in PostgreSQL`,
      planned === UNITS && before.sent === SENT_BEFORE_RESTART && sink.holding > 0 && waitingInRedis > 0,
    );

    const inFlight = sink.holding;
    await redis.stop();
    const down = await w.t.http().get('/health/ready');
    await redis.start();
    sink.release();
    // The e-mails that were in flight (held by the SMTP server, or waiting for a connection of the pool)
    // finish and are recorded in PostgreSQL; their jobs went with Redis.
    let lastSent = -1;
    await waitFor('the e-mails in flight to be sent and recorded', async () => {
      const { sent } = await mailStatuses();
      const settled = sent === lastSent && sent === sink.accepted && sent >= SENT_BEFORE_RESTART + inFlight;
      lastSent = sent;
      return settled;
    }, { timeoutMs: 20000, intervalMs: 500 });
    const finishedAfterRestart = lastSent - SENT_BEFORE_RESTART;
    const ready = await waitFor('the application to reconnect to Redis', async () => ((await w.t.http().get('/health/ready')).status === 200 ? true : undefined), { timeoutMs: 20000 });
    drill.check(
      'while Redis is down the readiness check says so (503); once it is back the application reconnects by itself, without a restart',
      `/health/ready while down: ${down.status}; after the restart: ${ready ? 200 : 'never ready'}`,
      down.status === 503 && ready === true,
    );
    const lost = await mailQueue.getWaitingCount();
    drill.check('Redis comes back empty: the waiting jobs are gone', `${lost} jobs waiting in the mail queue after the restart`, lost === 0);

    const stillQueued = (await mailStatuses()).queued;
    const tick = await w.tick('2025-03-04T10:05:00');
    drill.check(
      'the next scheduler tick re-queues, from PostgreSQL, exactly the reminder e-mails still queued there, and plans nothing twice',
      `${lastSent} sent (${finishedAfterRestart} of them were in flight when Redis went down), ${stillQueued} still queued; the tick re-queued ${tick.requeued} and planned ${tick.planned}`,
      stillQueued === UNITS - lastSent && tick.requeued === stillQueued && tick.planned === 0,
    );
    await w.settled(obligation.id);
    const after = await mailStatuses();
    const counts = after.keys.map((key) => sink.countByKey.get(key) ?? 0);
    drill.check(
      `every one of the ${UNITS} reminders is delivered exactly once`,
      `${after.sent} sent in PostgreSQL; the SMTP server received ${sink.accepted} messages: ${counts.filter((n) => n === 1).length} once, ${counts.filter((n) => n === 0).length} never, ${counts.filter((n) => n > 1).length} more than once`,
      after.sent === UNITS && sink.accepted === UNITS && counts.every((n) => n === 1),
    );
    drill.finish();
  }, 60000);
});
