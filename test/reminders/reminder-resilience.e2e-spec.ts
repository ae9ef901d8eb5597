import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { MAIL_QUEUE } from '../../src/mail/mail-job';
import { CampaignRunner } from '../../src/reminders/campaign-runner';
import { ReminderScheduler } from '../../src/reminders/reminder-scheduler';
import { Obligation } from '../../src/obligations/obligation.entity';
import { parsePeriodKey } from '../../src/periods/domain';
import { WorkingCalendarService } from '../../src/periods/working-calendar.service';
import { startTestApp, type TestApp } from '../support/app';
import { waitFor } from '../support/wait-for';
import { createObligation, createUnits, remindersOf, retire, type TestObligation, type TestUnit } from './support/fixtures';
import { loseRedisData } from './support/redis-loss';
import { type ReminderWorld, startReminderWorld, vietnam } from './support/reminder-world';

const PERIOD = '2025-M02';

describe('Reminders under concurrency, Redis loss and SMTP outage', () => {
  let w: ReminderWorld;
  let other: TestApp;

  beforeAll(async () => {
    w = await startReminderWorld('rem_resilience', { start: '2025-03-04T10:00:00' });
    await w.db.query(`UPDATE obligations SET retired_at = now()`);
    // A second process of the same deployment: its own scheduler and mail worker, same database, Redis and SMTP.
    other = await startTestApp('all', { clock: w.clock });
  });
  afterAll(async () => {
    await other.close();
    await w.close();
  });

  const emailsOf = (obligation: TestObligation) => w.sink.messages.filter((mail) => mail.headers.get('x-baocao-mail-key')?.startsWith(`reminder:${obligation.code}:`));
  /** Every planned reminder of the obligation reached the sink exactly once. */
  const expectEachOnce = async (obligation: TestObligation, expected: number) => {
    const planned = (await remindersOf(w.db, obligation.id)).filter((row) => row.status === 'planned');
    expect(planned).toHaveLength(expected);
    expect(planned.map((row) => w.sink.withKey(row.mailKey as string).length)).toEqual(planned.map(() => 1));
    expect(emailsOf(obligation)).toHaveLength(expected);
  };

  it('plans and sends each stage once when two schedulers tick at the same moment, twice over', async () => {
    const units = await createUnits(w.db, 'DT', Array.from({ length: 40 }, (_, i) => ({ submitterEmails: [`vanthu.dt${i + 1}@so.gov.vn`] })));
    const obligation = await createObligation(w.db, 'NHAC-DONG-THOI', { units });
    w.clock.set(vietnam('2025-03-04T10:00:00'));
    const ticks = await Promise.all([w.t.app.get(ReminderScheduler).tick(), other.app.get(ReminderScheduler).tick(), w.t.app.get(ReminderScheduler).tick()]);
    expect(ticks.map((tick) => tick.planned).reduce((a, b) => a + b)).toBe(40);
    const again = await Promise.all([w.t.app.get(ReminderScheduler).tick(), other.app.get(ReminderScheduler).tick()]);
    expect(again.map((tick) => tick.planned)).toEqual([0, 0]);
    await w.settled(obligation.id);
    await expectEachOnce(obligation, 40);
    await retire(w.db, obligation);
  });

  it('relies on the unique key, not only on the planning lock: two campaign runs racing without the lock insert and send each reminder once', async () => {
    const units = await createUnits(w.db, 'KD', Array.from({ length: 30 }, (_, i) => ({ submitterEmails: [`vanthu.kd${i + 1}@so.gov.vn`] })));
    const obligation = await createObligation(w.db, 'NHAC-KHOA-DUY-NHAT', { units });
    const entity = await w.db.getRepository(Obligation).findOneByOrFail({ id: obligation.id });
    const calendar = await w.t.app.get(WorkingCalendarService).calendar();
    const campaign = { period: parsePeriodKey(PERIOD), dueDate: '2025-03-11' };
    const now = vietnam('2025-03-10T09:00:00');
    const outcomes = await Promise.all(
      [w.t.app, other.app, w.t.app, other.app].map((app) => app.get(CampaignRunner).run(entity, campaign, now, { trigger: 'schedule', calendar })),
    );
    expect(outcomes.map((outcome) => outcome.planned).reduce((a, b) => a + b)).toBe(30);
    expect(outcomes.map((outcome) => outcome.planned + outcome.alreadyRecorded)).toEqual([30, 30, 30, 30]);
    await w.settled(obligation.id);
    await expectEachOnce(obligation, 30);
    await retire(w.db, obligation);
  });

  it('re-queues every planned e-mail from PostgreSQL after Redis lost all its data, and sends each once', async () => {
    const units = await createUnits(w.db, 'RD', Array.from({ length: 25 }, (_, i) => ({ submitterEmails: [`vanthu.rd${i + 1}@so.gov.vn`] })));
    const obligation = await createObligation(w.db, 'NHAC-MAT-REDIS', { units });
    const mailQueue = w.t.app.get<Queue>(getQueueToken(MAIL_QUEUE));
    // Paused in Redis, for both processes: the jobs wait there until Redis loses them.
    await mailQueue.pause();
    try {
      expect((await w.tick('2025-03-04T10:00:00')).planned).toBe(25);
      expect(await mailQueue.getWaitingCount()).toBeGreaterThanOrEqual(25);
      expect(await loseRedisData(w.env.REDIS_PREFIX)).toBeGreaterThan(0);
      expect(await mailQueue.getWaitingCount()).toBe(0);
    } finally {
      await mailQueue.resume();
    }
    const queued = await remindersOf(w.db, obligation.id);
    expect(queued.map((row) => row.mailStatus)).toEqual(queued.map(() => 'queued'));

    const [first, second] = await Promise.all([w.tick('2025-03-04T10:05:00'), other.app.get(ReminderScheduler).tick()]);
    expect(first.planned + second.planned).toBe(0);
    expect(first.requeued + second.requeued).toBe(25);
    await w.settled(obligation.id);
    await w.tick('2025-03-04T10:10:00');
    await expectEachOnce(obligation, 25);
    await retire(w.db, obligation);
  });

  it('keeps reminders waiting while the SMTP server is down and delivers each once when it is back', async () => {
    const units: TestUnit[] = await createUnits(w.db, 'SM', Array.from({ length: 5 }, (_, i) => ({ submitterEmails: [`vanthu.sm${i + 1}@so.gov.vn`] })));
    const obligation = await createObligation(w.db, 'NHAC-MAY-CHU-THU', { units });
    const attempts = async () =>
      (await w.db.query(
        `SELECT d.outcome, count(*)::int AS count FROM mail_deliveries d JOIN mail_messages m ON m.id = d.message_id
          JOIN reminders r ON r.mail_key = m.key WHERE r.obligation_id = $1 GROUP BY d.outcome`,
        [obligation.id],
      )) as Array<{ outcome: string; count: number }>;
    await w.sink.stop();
    try {
      expect((await w.tick('2025-03-11T10:00:00')).planned).toBe(5);
      await waitFor('each reminder to fail at least once', async () => (await attempts()).find((row) => row.outcome === 'transient_failure' && row.count >= 5));
      const waiting = await remindersOf(w.db, obligation.id);
      expect(waiting.map((row) => row.mailStatus)).toEqual(waiting.map(() => 'queued'));
    } finally {
      await w.sink.restart();
    }
    await w.settled(obligation.id);
    expect((await attempts()).find((row) => row.outcome === 'sent')?.count).toBe(5);
    await expectEachOnce(obligation, 5);
    const [delivered] = await remindersOf(w.db, obligation.id);
    expect(delivered.mailStatus).toBe('sent');
    await retire(w.db, obligation);
  });
});
