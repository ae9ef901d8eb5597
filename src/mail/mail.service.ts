import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource, EntityManager, MoreThan } from 'typeorm';
import { AfterCommit } from './after-commit';
import { Delivery } from './delivery.entity';
import { type MailContent, normalizeContent } from './mail-content';
import { type MailGuard, MailGuards } from './mail-guards';
import { MAIL_QUEUE, type MailJobData, mailJobId, SEND_MAIL_JOB } from './mail-job';
import { MailMessage } from './mail-message.entity';

export interface EnqueueMail {
  /** Idempotency key (at most 200 characters), e.g. `review.returned:<reviewId>`: a key is only ever sent once. */
  key: string;
  /** e.g. `review.returned`, `reminder`; selects the guard run before sending. */
  kind: string;
  to: string[];
  cc?: string[];
  /** Rendered now and stored; see renderMailTemplate. */
  content: MailContent;
  /** Ids the guard needs, e.g. `{ submissionId }`. */
  context?: Record<string, unknown>;
}

// How long a commit waits for Redis to take the job. Longer (Redis down) and the job is added once Redis
// answers, or by requeuePending(): the row is already safe in PostgreSQL.
const DISPATCH_WAIT_MS = 2000;
const REQUEUE_BATCH = 200;
const REPLACEABLE_JOB_STATES = new Set<string>(['completed', 'failed', 'unknown']);

/**
 * Outgoing e-mail. PostgreSQL holds every message and its deliveries; the `mail` queue only carries
 * the work, and a worker (MailWorkerModule) sends.
 *
 * Usage, inside the caller's own transaction:
 *
 *   await this.db.transaction(async (manager) => {
 *     await manager.getRepository(Review).save(review);
 *     await this.mail.enqueue(manager, {
 *       key: `review.returned:${review.id}`,
 *       kind: 'review.returned',
 *       to: unit.submitterEmails,
 *       content: renderMailTemplate(REVIEW_RETURNED, { unit: unit.name, comment: review.comment }),
 *       context: { submissionId: review.submissionId },
 *     });
 *   });
 *
 * The row is written by the caller's transaction, so it commits or rolls back with the caller's
 * change. The job is handed to the queue by MailService itself, right after that transaction commits
 * (nothing to call afterwards; nothing is queued when it rolls back).
 */
@Injectable()
export class MailService {
  private readonly logger = new Logger(MailService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(MAIL_QUEUE) private readonly queue: Queue<MailJobData>,
    private readonly afterCommit: AfterCommit,
    private readonly guards: MailGuards,
  ) {}

  /**
   * Records the message in the caller's transaction (`manager`) unless its key exists already, and
   * queues it for sending once that transaction commits (at once when `manager` is not in a
   * transaction). `created` is false for a key seen before: nothing new is recorded or sent.
   */
  async enqueue(manager: EntityManager, input: EnqueueMail): Promise<{ created: boolean }> {
    const [created] = await this.enqueueMany(manager, [input]);
    return { created: created === input.key.trim() };
  }

  /**
   * The same for many messages in one statement (a reminder campaign batch); returns the keys that
   * were new. Each new message gets its job once the caller's transaction commits.
   */
  async enqueueMany(manager: EntityManager, inputs: readonly EnqueueMail[]): Promise<string[]> {
    if (inputs.length === 0) return [];
    const rows = inputs.map(checkedMail);
    const inserted: Array<{ key: string }> = await manager.query(
      `INSERT INTO mail_messages (key, kind, "to", cc, subject, html, text, context)
       SELECT m.key, m.kind, r."to", r.cc, m.subject, m.html, m.text, m.context
         FROM jsonb_to_recordset($1::jsonb) AS m(key text, kind text, recipients jsonb, subject text, html text, text text, context jsonb)
         CROSS JOIN LATERAL (SELECT ARRAY(SELECT jsonb_array_elements_text(m.recipients -> 'to')) AS "to",
                                    ARRAY(SELECT jsonb_array_elements_text(m.recipients -> 'cc')) AS cc) AS r
       ON CONFLICT (key) DO NOTHING
       RETURNING key`,
      [JSON.stringify(rows)],
    );
    const created = inserted.map((row) => row.key);
    if (created.length > 0) await this.afterCommit.run(manager, () => this.dispatch(created));
    return created;
  }

  /**
   * Makes sure every `queued` message has a job: after Redis lost its data, or for messages whose
   * retries ran out during a long SMTP outage. Safe to call any time and from several processes
   * (job ids are the message keys; the worker only sends a message that is still `queued`).
   * Returns how many jobs were added.
   */
  async requeuePending(): Promise<number> {
    let added = 0;
    let afterKey = '';
    for (;;) {
      const batch = await this.db.getRepository(MailMessage).find({
        select: { key: true },
        where: { status: 'queued', key: MoreThan(afterKey) },
        order: { key: 'ASC' },
        take: REQUEUE_BATCH,
      });
      if (batch.length === 0) break;
      const results = await Promise.all(batch.map((message) => this.ensureJob(message.key)));
      added += results.filter(Boolean).length;
      afterKey = batch[batch.length - 1].key;
    }
    if (added > 0) this.logger.log(`Re-queued ${added} pending e-mail(s)`);
    return added;
  }

  /**
   * A check run just before a message of `kind` is sent; false cancels the message (recorded as a
   * `skipped` delivery), an exception makes the job retry later. A function, or an SqlMailGuard whose
   * facts are read in the statement that locks the message (cheaper for kinds sent in bulk). Register
   * from a module's onModuleInit (workers start after that). Returns a function that unregisters it.
   */
  registerGuard(kind: string, guard: MailGuard): () => void {
    return this.guards.register(kind, guard);
  }

  findByKey(key: string): Promise<MailMessage | null> {
    return this.db.getRepository(MailMessage).findOneBy({ key });
  }

  deliveriesOf(messageId: string): Promise<Delivery[]> {
    return this.db.getRepository(Delivery).find({ where: { messageId }, order: { attempt: 'ASC' } });
  }

  /** One job per key, all in one round trip to Redis. */
  private async dispatch(keys: string[]): Promise<void> {
    const jobs = keys.map((key) => ({ name: SEND_MAIL_JOB, data: { key }, opts: { jobId: mailJobId(key) } }));
    const adding = this.queue.addBulk(jobs).then(
      () => true,
      (error: unknown) => {
        this.logger.error(`could not queue ${describe(keys)} (they stay queued in PostgreSQL): ${(error as Error).message}`);
        return false;
      },
    );
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), DISPATCH_WAIT_MS);
    });
    const outcome = await Promise.race([adding, timeout]);
    clearTimeout(timer);
    if (outcome === 'timeout') this.logger.warn(`Redis is slow to take ${describe(keys)}; they will be queued when Redis answers`);
  }

  /**
   * Adds the job unless one is still waiting or running; replaces a finished one (completed or failed)
   * and an orphan (`unknown`: its data survived in Redis but no list holds it, so no worker would take it).
   */
  private async ensureJob(key: string): Promise<boolean> {
    const jobId = mailJobId(key);
    const existing = await this.queue.getJob(jobId);
    if (existing) {
      const state = await existing.getState();
      if (!REPLACEABLE_JOB_STATES.has(state)) return false;
      // Finished since the message was read as queued: it is sent (or given up) by now, not lost.
      if (state === 'completed' && !(await this.db.getRepository(MailMessage).existsBy({ key, status: 'queued' }))) return false;
      try {
        await existing.remove();
      } catch {
        return false; // picked up meanwhile
      }
    }
    await this.queue.add(SEND_MAIL_JOB, { key }, { jobId });
    return true;
  }
}

const describe = (keys: string[]) => (keys.length === 1 ? `e-mail ${keys[0]}` : `${keys.length} e-mails (${keys[0]}, ...)`);

/** Validates and normalises one message for insertion. */
function checkedMail(input: EnqueueMail) {
  const key = input.key.trim();
  if (key.length === 0 || key.length > 200) throw new Error('mail key must have 1 to 200 characters');
  if (input.kind.trim().length === 0) throw new Error('mail kind must not be empty');
  const to = input.to.map((address) => address.trim()).filter((address) => address.length > 0);
  if (to.length === 0) throw new Error(`mail ${key} has no recipient`);
  const cc = (input.cc ?? []).map((address) => address.trim()).filter((address) => address.length > 0);
  const content = normalizeContent(input.content);
  return { key, kind: input.kind.trim(), recipients: { to, cc }, subject: content.subject, html: content.html, text: content.text, context: input.context ?? {} };
}
