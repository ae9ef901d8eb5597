import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { Delivery } from '../../src/mail/delivery.entity';
import { MAIL_QUEUE, mailJobId } from '../../src/mail/mail-job';
import type { MailMessage, MailStatus } from '../../src/mail/mail-message.entity';
import { type MailTemplate, renderMailTemplate } from '../../src/mail/mail-template';
import { MailDeliverer } from '../../src/mail/mail-deliverer';
import { type EnqueueMail, MailService } from '../../src/mail/mail.service';
import { MailProcessor } from '../../src/mail/mail.processor';
import { outboxFileName } from '../../src/mail/outbox-file';
import { startTestApp, type TestApp } from '../support/app';
import { overrideEnv } from '../support/env-override';
import { parseMail } from '../support/mime';
import { SmtpSink } from '../support/smtp-sink';
import { waitFor } from '../support/wait-for';

const RETURNED: MailTemplate = {
  subject: 'Báo cáo {{obligation}} kỳ {{period}} đã bị trả lại',
  body: 'Kính gửi {{unit}},\n\nBáo cáo của đơn vị đã bị trả lại với nhận xét: “{{comment}}”.\nĐề nghị đơn vị chỉnh sửa và nộp lại.',
  action: { label: 'Xem báo cáo', url: '{{link}}' },
  footer: 'Trân trọng,\nHệ thống báo cáo định kỳ',
};
const VALUES = {
  obligation: 'TT35-BUU-CHINH',
  period: 'Quý 1/2024',
  unit: 'Sở Khoa học và Công nghệ Hà Nội',
  comment: 'Số liệu <tổng> & chi tiết không khớp',
  link: 'http://localhost:3000/submissions/1?tab=review&x=1',
};
const SUBJECT = 'Báo cáo TT35-BUU-CHINH kỳ Quý 1/2024 đã bị trả lại';
const OFFICER = 'officer.01@baocao.local';

let sequence = 0;
/** Keys contain ':' on purpose: BullMQ refuses it in job ids, so this exercises mailJobId. */
const newKey = (name: string) => `test:${name}:${Date.now().toString(36)}:${(sequence += 1)}`;

function harness(get: () => TestApp) {
  const mail = () => get().app.get(MailService);
  const queue = () => get().app.get<Queue>(getQueueToken(MAIL_QUEUE));
  const input = (key: string, extra: Partial<EnqueueMail> = {}): EnqueueMail => ({
    key,
    kind: 'test.review',
    to: [OFFICER],
    content: renderMailTemplate(RETURNED, VALUES),
    ...extra,
  });
  return {
    mail,
    queue,
    input,
    /** Enqueues in a transaction of its own that commits. */
    commit: (key: string, extra: Partial<EnqueueMail> = {}) =>
      get().app.get(DataSource).transaction((manager) => mail().enqueue(manager, input(key, extra))),
    deliveries: async (key: string): Promise<Delivery[]> => {
      const message = await mail().findByKey(key);
      return message ? mail().deliveriesOf(message.id) : [];
    },
    waitForStatus: (key: string, status: MailStatus): Promise<MailMessage> =>
      waitFor(`message ${key} to be ${status}`, async () => {
        const message = await mail().findByKey(key);
        return message?.status === status ? message : undefined;
      }),
  };
}

describe('Mail through SMTP', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let restoreEnv: () => void;
  const h = harness(() => t);

  beforeAll(async () => {
    sink = await SmtpSink.start();
    restoreEnv = overrideEnv({ SMTP_URL: sink.url, MAIL_BACKOFF_MS: '100', MAIL_MAX_ATTEMPTS: '8', MAIL_POOL_SIZE: '2' });
    t = await startTestApp();
  });
  afterAll(async () => {
    await h.queue().obliterate({ force: true });
    await t.close();
    restoreEnv();
    await sink.stop();
  });

  it('records and queues nothing when the enqueuing transaction rolls back', async () => {
    const key = newKey('rollback');
    await expect(
      t.app.get(DataSource).transaction(async (manager) => {
        await h.mail().enqueue(manager, h.input(key));
        throw new Error('nghiệp vụ thất bại');
      }),
    ).rejects.toThrow('nghiệp vụ thất bại');
    expect(await h.mail().findByKey(key)).toBeNull();
    expect(await h.queue().getJob(mailJobId(key))).toBeUndefined();

    const later = newKey('after-rollback');
    await h.commit(later);
    await h.waitForStatus(later, 'sent');
    expect(sink.withKey(later)).toHaveLength(1);
    expect(sink.withKey(key)).toHaveLength(0);
  });

  it('drops a message enqueued in a savepoint that rolls back, while the outer transaction commits', async () => {
    const kept = newKey('outer');
    const dropped = newKey('savepoint');
    await t.app.get(DataSource).transaction(async (manager) => {
      await h.mail().enqueue(manager, h.input(kept));
      await expect(
        manager.transaction(async (inner) => {
          await h.mail().enqueue(inner, h.input(dropped));
          throw new Error('savepoint rolled back');
        }),
      ).rejects.toThrow('savepoint rolled back');
    });
    await h.waitForStatus(kept, 'sent');
    expect(await h.mail().findByKey(dropped)).toBeNull();
    expect(await h.queue().getJob(mailJobId(dropped))).toBeUndefined();
  });

  it('sends exactly one e-mail once the transaction commits: RFC 2047 subject, text and HTML parts', async () => {
    const key = newKey('commit');
    const content = renderMailTemplate(RETURNED, VALUES);
    // Decomposed diacritics (as some keyboards and PDFs produce) are stored and sent as NFC.
    const result = await h.commit(key, { content: { ...content, subject: content.subject.normalize('NFD') } });
    expect(result).toEqual({ created: true });
    expect(await h.queue().getJob(mailJobId(key))).toBeDefined();

    const message = await h.waitForStatus(key, 'sent');
    expect(message).toMatchObject({ attempts: 1, lastError: null, subject: SUBJECT, to: [OFFICER], cc: [] });
    expect(message.sentAt).toBeInstanceOf(Date);
    const deliveries = await h.mail().deliveriesOf(message.id);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ attempt: 1, outcome: 'sent', error: null });
    expect(deliveries[0].smtpResponse).toMatch(/^250/);

    const received = sink.withKey(key);
    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail.rawSubject).toMatch(/^=\?UTF-8\?[BQ]\?.+\?=$/i);
    expect(mail.subject).toBe(SUBJECT);
    expect(mail.subject).toBe(mail.subject.normalize('NFC'));
    expect(mail.envelopeTo).toEqual([OFFICER]);
    expect(mail.headers.get('from')).toContain('<no-reply@baocao.local>');
    expect(mail.headers.get('message-id')).toBe(`<${message.id}@baocao.local>`);
    expect(mail.contentType).toBe('multipart/alternative');
    expect(mail.text).toContain('Kính gửi Sở Khoa học và Công nghệ Hà Nội,');
    expect(mail.text).toContain('“Số liệu <tổng> & chi tiết không khớp”');
    expect(mail.text).toContain('Xem báo cáo: http://localhost:3000/submissions/1?tab=review&x=1');
    expect(mail.html).toContain('<p>Kính gửi Sở Khoa học và Công nghệ Hà Nội,</p>');
    expect(mail.html).toContain('Số liệu &lt;tổng&gt; &amp; chi tiết không khớp');
    expect(mail.html).toContain('<a href="http://localhost:3000/submissions/1?tab=review&amp;x=1">Xem báo cáo</a>');
    expect(mail.html).not.toContain('<tổng>');
  });

  it('sends a key once however often it is enqueued', async () => {
    const key = newKey('twice');
    expect(await h.commit(key)).toEqual({ created: true });
    expect(await h.commit(key, { content: { subject: 'Khác', html: '<p>Khác</p>', text: 'Khác' } })).toEqual({ created: false });
    const message = await h.waitForStatus(key, 'sent');
    expect(message.subject).toBe(SUBJECT);
    expect(await h.commit(key)).toEqual({ created: false });
    expect(sink.withKey(key)).toHaveLength(1);
    expect(await h.mail().deliveriesOf(message.id)).toHaveLength(1);
  });

  it('never lets two workers send the same message', async () => {
    const key = newKey('race');
    const worker = t.app.get(MailProcessor).worker;
    await worker.pause();
    try {
      await h.commit(key);
      const deliverer = t.app.get(MailDeliverer);
      const outcomes = (await Promise.all([deliverer.deliver(key), deliverer.deliver(key), deliverer.deliver(key)])).map((r) => r.outcome);
      expect(outcomes.filter((outcome) => outcome === 'sent')).toHaveLength(1);
      expect(outcomes.filter((outcome) => outcome !== 'sent').every((outcome) => outcome === 'busy' || outcome === 'ignored')).toBe(true);
    } finally {
      worker.resume();
    }
    // The queued job still runs, finds the message sent and leaves it alone.
    await waitFor('the job to complete', async () => (await h.queue().getJob(mailJobId(key)))?.isCompleted());
    expect(sink.withKey(key)).toHaveLength(1);
    expect(await h.deliveries(key)).toMatchObject([{ outcome: 'sent' }]);
  });

  it('cancels a message its guard refuses just before sending, and records a skipped delivery', async () => {
    const stillOwing = newKey('guard-owing');
    const complied = newKey('guard-complied');
    const checked: string[] = [];
    const unregister = h.mail().registerGuard('test.reminder', async (message) => {
      checked.push(message.key);
      return message.context.submissionId !== 'complied-meanwhile';
    });
    try {
      await h.commit(complied, { kind: 'test.reminder', context: { submissionId: 'complied-meanwhile' } });
      await h.commit(stillOwing, { kind: 'test.reminder', context: { submissionId: 'still-owing' } });

      const cancelled = await h.waitForStatus(complied, 'cancelled');
      await h.waitForStatus(stillOwing, 'sent');
      expect(cancelled).toMatchObject({ attempts: 0, sentAt: null });
      expect(await h.deliveries(complied)).toMatchObject([{ attempt: 1, outcome: 'skipped', smtpResponse: null }]);
      expect(sink.withKey(complied)).toHaveLength(0);
      expect(sink.withKey(stillOwing)).toHaveLength(1);
      expect(checked.sort()).toEqual([complied, stillOwing].sort());
    } finally {
      unregister();
    }
  });

  it('gives an SQL guard the facts read with the locked message, and cancels what it refuses', async () => {
    const send = newKey('sql-guard-send');
    const drop = newKey('sql-guard-drop');
    const seen = new Map<string, unknown>();
    const unregister = h.mail().registerGuard('test.sql-guard', {
      facts: `jsonb_build_object('decision', m.context ->> 'decision', 'status', m.status,
                                 'known', (SELECT count(*) FROM mail_messages other WHERE other.key = m.key))`,
      allows: (message, facts) => {
        seen.set(message.key, facts);
        return (facts as { decision: string }).decision === 'send';
      },
    });
    try {
      await h.commit(send, { kind: 'test.sql-guard', context: { decision: 'send' } });
      await h.commit(drop, { kind: 'test.sql-guard', context: { decision: 'drop' } });

      expect(await h.waitForStatus(drop, 'cancelled')).toMatchObject({ attempts: 0, sentAt: null });
      await h.waitForStatus(send, 'sent');
      expect(seen.get(send)).toEqual({ decision: 'send', status: 'queued', known: 1 });
      expect(seen.get(drop)).toEqual({ decision: 'drop', status: 'queued', known: 1 });
      expect(await h.deliveries(drop)).toMatchObject([{ attempt: 1, outcome: 'skipped' }]);
      expect(sink.withKey(drop)).toHaveLength(0);
      expect(sink.withKey(send)).toHaveLength(1);
    } finally {
      unregister();
    }
  });

  it('rolls back when a guard fails, leaving no transaction open on the connection, and sends on the retry', async () => {
    const key = newKey('guard-throws');
    const worker = t.app.get(MailProcessor).worker;
    await worker.pause();
    const unregister = h.mail().registerGuard('test.failing-guard', async () => {
      throw new Error('the guard could not decide');
    });
    try {
      await h.commit(key, { kind: 'test.failing-guard' });
      await expect(t.app.get(MailDeliverer).deliver(key)).rejects.toThrow('the guard could not decide');
      // From a connection of its own: one taken from the app's pool could be the very one left open.
      const observer = new Client({ connectionString: process.env.DATABASE_URL });
      await observer.connect();
      try {
        const { rows } = await observer.query(`SELECT count(*)::int AS open FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`);
        expect(rows).toEqual([{ open: 0 }]);
      } finally {
        await observer.end();
      }
      expect(await h.mail().findByKey(key)).toMatchObject({ status: 'queued', attempts: 0 });
      expect(await h.deliveries(key)).toEqual([]);
    } finally {
      unregister();
      worker.resume();
    }
    await h.waitForStatus(key, 'sent');
    expect(sink.withKey(key)).toHaveLength(1);
  });

  it('gives up at once on a permanent rejection (550): failed, one attempt, no retries', async () => {
    const key = newKey('550');
    const nobody = 'khong-ton-tai@baocao.local';
    sink.rejectAddress(nobody);
    await h.commit(key, { to: [nobody] });

    const message = await h.waitForStatus(key, 'failed');
    expect(message.attempts).toBe(1);
    expect(message.lastError).toMatch(/550|recipients were rejected/);
    const deliveries = await h.deliveries(key);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ attempt: 1, outcome: 'permanent_failure' });
    expect(deliveries[0].smtpResponse).toMatch(/^550/);

    const job = await waitFor('the job to fail', async () => {
      const found = await h.queue().getJob(mailJobId(key));
      return found && (await found.getState()) === 'failed' ? found : undefined;
    });
    expect(job.attemptsMade).toBe(1);
    expect(sink.withKey(key)).toHaveLength(0);
  });

  it('retries after a temporary refusal (451) and records each transient failure', async () => {
    const key = newKey('451');
    sink.failTemporarily(2);
    await h.commit(key);

    const message = await h.waitForStatus(key, 'sent');
    expect(message.attempts).toBe(3);
    const deliveries = await h.deliveries(key);
    expect(deliveries.map((delivery) => delivery.outcome)).toEqual(['transient_failure', 'transient_failure', 'sent']);
    expect(deliveries[0].smtpResponse).toMatch(/^451/);
    expect(sink.withKey(key)).toHaveLength(1);
  });

  it('keeps e-mail waiting while the SMTP server is down and sends it once the server is back', async () => {
    const key = newKey('outage');
    await sink.stop();
    try {
      await h.commit(key);
      await waitFor('two failed attempts', async () => (await h.deliveries(key)).length >= 2);
      expect((await h.mail().findByKey(key))?.status).toBe('queued');
    } finally {
      await sink.restart();
    }

    const message = await h.waitForStatus(key, 'sent');
    const deliveries = await h.deliveries(key);
    expect(deliveries.length).toBeGreaterThanOrEqual(3);
    expect(deliveries.slice(0, -1).every((delivery) => delivery.outcome === 'transient_failure')).toBe(true);
    expect(deliveries[0].error).toMatch(/ECONNREFUSED|ECONNECTION|ESOCKET/);
    expect(deliveries.at(-1)?.outcome).toBe('sent');
    expect(message.attempts).toBe(deliveries.length);
    expect(sink.withKey(key)).toHaveLength(1);
  });

  it('re-queues pending messages from PostgreSQL after Redis lost the queue, and sends them once', async () => {
    const key = newKey('redis-loss');
    const worker = t.app.get(MailProcessor).worker;
    await worker.pause();
    try {
      await h.commit(key);
      expect(await h.queue().getJob(mailJobId(key))).toBeDefined();
      await h.queue().obliterate({ force: true });
      expect(await h.queue().getJob(mailJobId(key))).toBeUndefined();
    } finally {
      worker.resume();
    }
    expect((await h.mail().findByKey(key))?.status).toBe('queued');

    const added = await Promise.all([h.mail().requeuePending(), h.mail().requeuePending()]);
    expect(added[0] + added[1]).toBeGreaterThanOrEqual(1);
    await h.waitForStatus(key, 'sent');
    await h.mail().requeuePending();
    expect(sink.withKey(key)).toHaveLength(1);
    expect(await h.deliveries(key)).toMatchObject([{ outcome: 'sent' }]);
  });

  it('replaces an orphaned job (its data left in Redis, but in no list a worker reads) and sends the message once', async () => {
    const key = newKey('orphan');
    const worker = t.app.get(MailProcessor).worker;
    await worker.pause();
    try {
      await h.commit(key);
      const redis = new Redis(process.env.REDIS_URL as string);
      try {
        expect(await redis.lrem(h.queue().toKey('wait'), 0, mailJobId(key))).toBe(1);
      } finally {
        redis.disconnect();
      }
      expect(await (await h.queue().getJob(mailJobId(key)))?.getState()).toBe('unknown');

      expect(await h.mail().requeuePending()).toBe(1);
      expect(await (await h.queue().getJob(mailJobId(key)))?.getState()).toBe('waiting');
    } finally {
      worker.resume();
    }
    await h.waitForStatus(key, 'sent');
    expect(sink.withKey(key)).toHaveLength(1);
  });
});

describe('Mail in the api role', () => {
  it('queues e-mail without sending it: only worker roles have the processor', async () => {
    const t = await startTestApp('api');
    const h = harness(() => t);
    const key = newKey('api-role');
    try {
      expect(() => t.app.get(MailProcessor)).toThrow();
      await h.commit(key);
      const job = await h.queue().getJob(mailJobId(key));
      expect(await job?.getState()).toBe('waiting');
      expect(job?.data).toEqual({ key });
      expect((await h.mail().findByKey(key))?.status).toBe('queued');
    } finally {
      // Leave nothing for the workers of later apps in this run to send.
      await t.app.get(DataSource).query(`UPDATE mail_messages SET status = 'cancelled' WHERE key = $1`, [key]);
      await h.queue().obliterate({ force: true });
      await t.close();
    }
  });
});

describe('Mail shutdown', () => {
  it('closes the worker and the SMTP connection pool when the application stops', async () => {
    const sink = await SmtpSink.start();
    const restoreEnv = overrideEnv({ SMTP_URL: sink.url, MAIL_BACKOFF_MS: '100' });
    try {
      const t = await startTestApp();
      const h = harness(() => t);
      const key = newKey('shutdown');
      await h.commit(key);
      await h.waitForStatus(key, 'sent');
      expect(sink.openConnections).toBeGreaterThan(0);
      await t.close();
      expect(t.app.get(MailProcessor).worker.isRunning()).toBe(false);
      await waitFor('the pooled SMTP connections to close', () => sink.openConnections === 0, { timeoutMs: 5000 });
    } finally {
      restoreEnv();
      await sink.stop();
    }
  });
});

describe('Mail without SMTP_URL (outbox)', () => {
  let t: TestApp;
  let outbox: string;
  let restoreEnv: () => void;
  const h = harness(() => t);

  beforeAll(async () => {
    outbox = await mkdtemp(join(tmpdir(), 'baocao-outbox-'));
    restoreEnv = overrideEnv({ SMTP_URL: undefined, OUTBOX_DIR: outbox, MAIL_BACKOFF_MS: '100' });
    t = await startTestApp();
  });
  afterAll(async () => {
    await h.queue().obliterate({ force: true });
    await t.close();
    restoreEnv();
    await rm(outbox, { recursive: true, force: true });
  });

  it('writes each e-mail as an .eml file named after its key', async () => {
    const key = newKey('outbox');
    await h.commit(key);
    const message = await h.waitForStatus(key, 'sent');
    const file = join(outbox, outboxFileName(key));
    expect(file).toBe(join(outbox, `${key.replace(/:/g, '%3A')}.eml`));

    const eml = parseMail(await readFile(file, 'utf8'));
    expect(eml.rawSubject).toMatch(/^=\?UTF-8\?[BQ]\?/i);
    expect(eml.subject).toBe(SUBJECT);
    expect(eml.headers.get('to')).toBe(OFFICER);
    expect(eml.text).toContain('Đề nghị đơn vị chỉnh sửa và nộp lại.');
    expect(eml.html).toContain('Số liệu &lt;tổng&gt;');
    expect(await h.mail().deliveriesOf(message.id)).toMatchObject([{ outcome: 'sent', smtpResponse: `written to ${file}` }]);
  });

  it('fails an invalid address permanently without writing anything', async () => {
    const key = newKey('invalid-address');
    await h.commit(key, { to: ['khong phai dia chi'] });
    const message = await h.waitForStatus(key, 'failed');
    expect(message.lastError).toBe('invalid address: khong phai dia chi');
    expect(await h.deliveries(key)).toMatchObject([{ attempt: 1, outcome: 'permanent_failure' }]);
    await expect(readFile(join(outbox, outboxFileName(key)))).rejects.toThrow(/ENOENT/);
  });
});
