import { DataSource } from 'typeorm';
import type { ProcessRole } from '../../../src/app.module';
import { MailProcessor } from '../../../src/mail/mail.processor';
import { reminderMailKey } from '../../../src/reminders/reminder-queue';
import { ReminderScheduler, type TickResult } from '../../../src/reminders/reminder-scheduler';
import { startTestApp, type TestApp } from '../../support/app';
import { overrideEnv } from '../../support/env-override';
import { FakeClock } from '../../support/fake-clock';
import { type ReceivedMail, SmtpSink } from '../../support/smtp-sink';
import { waitFor } from '../../support/wait-for';
import { createPrivateDatabase } from './private-database';

export interface ReminderWorld {
  t: TestApp;
  db: DataSource;
  sink: SmtpSink;
  clock: FakeClock;
  env: Record<string, string>;
  /** Moves the fake clock to `at` (Vietnam time if no offset is given) and runs one scheduler tick. */
  tick: (at: string) => Promise<TickResult>;
  /** Waits until no reminder e-mail of the obligation is still queued. */
  settled: (obligationId: string) => Promise<void>;
  /** Reminder e-mails the sink received for an obligation, as `unitId stage` → mails. */
  received: (obligationCode: string, periodKey: string, unitId: string, stage: string) => ReceivedMail[];
  pauseMail: () => Promise<void>;
  resumeMail: () => void;
  close: () => Promise<void>;
}

export const vietnam = (at: string) => new Date(/[Zz]|[+-]\d{2}:\d{2}$/.test(at) ? at : `${at}+07:00`);

/**
 * The application against a private database, an SMTP sink and a fake clock, with the scheduler's
 * repeatable job off (NODE_ENV=test): tests drive ticks directly.
 */
export async function startReminderWorld(name: string, options: { start: string; env?: Record<string, string | undefined>; role?: ProcessRole }): Promise<ReminderWorld> {
  const sink = await SmtpSink.start();
  const database = await createPrivateDatabase(name);
  const env = {
    DATABASE_URL: database.url,
    REDIS_PREFIX: `${process.env.REDIS_PREFIX}-${name}`,
    SMTP_URL: sink.url,
    MAIL_BACKOFF_MS: '100',
    MAIL_POOL_SIZE: '3',
    REMINDER_HORIZON_DAYS: '30',
    ...options.env,
  };
  const restoreEnv = overrideEnv(env);
  const clock = new FakeClock(vietnam(options.start));
  const t = await startTestApp(options.role ?? 'all', { clock });
  const db = t.app.get(DataSource);
  return {
    t,
    db,
    sink,
    clock,
    env: Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    tick: (at) => {
      clock.set(vietnam(at));
      return t.app.get(ReminderScheduler).tick();
    },
    settled: async (obligationId) => {
      await waitFor(`reminder e-mails of ${obligationId} to leave the queue`, async () => {
        const [{ count }] = await db.query(
          `SELECT count(*)::int AS count FROM reminders r JOIN mail_messages m ON m.key = r.mail_key WHERE r.obligation_id = $1 AND m.status = 'queued'`,
          [obligationId],
        );
        return count === 0;
      });
    },
    received: (obligationCode, periodKey, unitId, stage) => sink.withKey(reminderMailKey(obligationCode, periodKey, unitId, stage)),
    pauseMail: () => t.app.get(MailProcessor).worker.pause(),
    resumeMail: () => t.app.get(MailProcessor).worker.resume(),
    close: async () => {
      await t.close();
      restoreEnv();
      await sink.stop();
      await database.drop();
    },
  };
}
