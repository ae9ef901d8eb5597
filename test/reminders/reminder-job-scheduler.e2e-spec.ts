import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { MAIL_QUEUE } from '../../src/mail/mail-job';
import { REMINDERS_QUEUE, TICK_SCHEDULER_ID } from '../../src/reminders/reminder-queue';
import { TickSchedule } from '../../src/reminders/tick-schedule';
import { waitFor } from '../support/wait-for';
import { createObligation, createUnits, remindersOf } from './support/fixtures';
import { loseRedisData } from './support/redis-loss';
import { type ReminderWorld, startReminderWorld } from './support/reminder-world';

describe('The repeatable reminder job (BullMQ job scheduler)', () => {
  let w: ReminderWorld;
  const remindersQueue = () => w.t.app.get<Queue>(getQueueToken(REMINDERS_QUEUE));

  beforeAll(async () => {
    w = await startReminderWorld('rem_job', {
      start: '2025-03-04T10:00:00',
      env: { REMINDER_SCHEDULER_ENABLED: 'true', REMINDER_TICK_EVERY_MS: '1000' },
    });
    await w.db.query(`UPDATE obligations SET retired_at = now()`);
  });
  afterAll(async () => {
    await remindersQueue().removeJobScheduler(TICK_SCHEDULER_ID);
    await w.close();
  });

  it('is registered by the worker and its jobs run the tick: reminders go out without anyone calling it', async () => {
    expect(await remindersQueue().getJobScheduler(TICK_SCHEDULER_ID)).toMatchObject({ key: TICK_SCHEDULER_ID, every: 1000, name: 'tick' });
    const units = await createUnits(w.db, 'LH', [{ submitterEmails: ['vanthu.lh1@so.gov.vn'] }, { submitterEmails: ['vanthu.lh2@so.gov.vn'] }]);
    const obligation = await createObligation(w.db, 'NHAC-LAP-LICH', { units });

    const sent = await waitFor('the scheduled tick to send both before-7d reminders', async () => {
      const rows = await remindersOf(w.db, obligation.id);
      return rows.length === 2 && rows.every((row) => row.mailStatus === 'sent') ? rows : undefined;
    });
    expect(sent.map((row) => row.stage)).toEqual(['before-7d', 'before-7d']);
    expect(await remindersQueue().getCompletedCount()).toBeGreaterThan(0);
    for (const row of sent) expect(w.sink.withKey(row.mailKey as string)).toHaveLength(1);
  });

  it('comes back by itself after Redis lost all its data, and the planned e-mails go out once', async () => {
    const units = await createUnits(w.db, 'PH', Array.from({ length: 10 }, (_, i) => ({ submitterEmails: [`vanthu.ph${i + 1}@so.gov.vn`] })));
    const obligation = await createObligation(w.db, 'NHAC-PHUC-HOI', { units });
    const mailQueue = w.t.app.get<Queue>(getQueueToken(MAIL_QUEUE));
    const watchdog = jest.spyOn(w.t.app.get(TickSchedule), 'ensure');
    await mailQueue.pause();
    try {
      await waitFor('the scheduled tick to plan the 10 reminders', async () => (await remindersOf(w.db, obligation.id)).length === 10);
    } finally {
      expect(await loseRedisData(w.env.REDIS_PREFIX)).toBeGreaterThan(0);
    }

    await waitFor('the worker to notice and re-create the job scheduler', async () => (await Promise.all(watchdog.mock.results.map((result) => result.value))).includes(true));
    expect(await remindersQueue().getJobScheduler(TICK_SCHEDULER_ID)).toMatchObject({ every: 1000 });
    await w.settled(obligation.id);
    const rows = await remindersOf(w.db, obligation.id);
    expect(rows.map((row) => row.mailStatus)).toEqual(rows.map(() => 'sent'));
    for (const row of rows) expect(w.sink.withKey(row.mailKey as string)).toHaveLength(1);
  });
});
