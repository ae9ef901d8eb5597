import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import type { DeliveryOutcome } from './delivery.entity';
import { isMailAddress } from './mail-address';
import { MailGuards } from './mail-guards';
import type { MailMessage } from './mail-message.entity';
import { MailTransport } from './mail-transport';
import { PreparedStatement, queryAll, sqlLiteral, withPooledConnection } from './pooled-connection';
import { classifySendFailure, type SendFailure } from './send-failure';

export type DeliverResult =
  | { outcome: 'sent' | 'skipped' }
  /** Nothing to do: unknown key, or no longer queued. */
  | { outcome: 'ignored' }
  /** Locked by another transaction (another worker sending it): look again later. */
  | { outcome: 'busy' }
  | { outcome: 'transient_failure' | 'permanent_failure'; error: string };

type Claimed = MailMessage & { guardFacts: unknown };

/** What an attempt changes on the message besides its Delivery row. */
type MessageChange = Pick<MailMessage, 'status' | 'attempts' | 'sentAt' | 'lastError'>;

/** The message, locked, with what its SQL guard needs (see MailGuards): one statement, no extra round trip. */
const claimStatement = (factsSql: string) =>
  new PreparedStatement(
    `SELECT m.id, m.key, m.kind, m."to", m.cc, m.subject, m.html, m.text, m.status, m.attempts, m.last_error AS "lastError",
            m.created_at AS "createdAt", m.sent_at AS "sentAt", m.context, ${factsSql} AS "guardFacts"
       FROM mail_messages m WHERE m.key = $1 FOR UPDATE OF m SKIP LOCKED`,
    ['text'],
  );

/** The attempt's Delivery row and the message's new state, in one statement. */
const RECORD = new PreparedStatement(
  `WITH attempt AS (
     INSERT INTO mail_deliveries (message_id, attempt, started_at, finished_at, outcome, smtp_response, error)
     VALUES ($1, $2, $3, now(), $4, $5, $6)
   )
   UPDATE mail_messages SET status = $7, attempts = $8, sent_at = $9, last_error = $10 WHERE id = $1`,
  ['uuid', 'integer', 'timestamptz', 'text', 'text', 'text', 'text', 'integer', 'timestamptz', 'text'],
);

/**
 * Sends one queued message, at most once at a time: the row stays locked (FOR UPDATE SKIP LOCKED)
 * from the status check until the outcome is recorded, so a second worker holding the same key
 * backs off instead of sending it again.
 *
 * Plain pg rather than the ORM: this runs once per e-mail, and two round trips (`BEGIN` + claim,
 * record + `COMMIT`) instead of five halved what PostgreSQL and the worker spend per e-mail.
 */
@Injectable()
export class MailDeliverer {
  private readonly claims = new Map<string, PreparedStatement>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly guards: MailGuards,
    private readonly transport: MailTransport,
  ) {}

  deliver(key: string): Promise<DeliverResult> {
    const guards = this.guards.current();
    const claim = this.claimFor(guards.factsSql);
    return withPooledConnection(this.db, async (client) => {
      await claim.prepareOn(client);
      await RECORD.prepareOn(client);
      const [, claimed] = await queryAll(client, `BEGIN; ${claim.call(key)}`);
      const row = claimed.rows[0] as Claimed | undefined;
      if (!row) {
        // Locked rows are skipped, so "not found" may mean another transaction holds it: try again later.
        const [{ rows }] = await queryAll(client, `SELECT EXISTS (SELECT 1 FROM mail_messages WHERE key = ${sqlLiteral(key)} AND status = 'queued') AS queued; ROLLBACK`);
        return { outcome: rows[0].queued ? 'busy' : 'ignored' };
      }
      const { guardFacts, ...message } = row;
      if (message.status !== 'queued') {
        await client.query('ROLLBACK');
        return { outcome: 'ignored' };
      }

      const startedAt = new Date();
      if (!(await guards.allows(message, guardFacts))) {
        await this.finish(client, message, { outcome: 'skipped', startedAt, smtpResponse: null, error: null }, { ...message, status: 'cancelled' });
        return { outcome: 'skipped' };
      }

      const attempts = message.attempts + 1;
      const invalid = [...message.to, ...message.cc].filter((address) => !isMailAddress(address));
      if (invalid.length > 0) {
        const failure: SendFailure = { kind: 'permanent', smtpResponse: null, error: `invalid address: ${invalid.join(', ')}` };
        return this.finishFailed(client, message, attempts, startedAt, failure);
      }

      let sent;
      try {
        const { id: messageId, to, cc, subject, html, text } = message;
        sent = await this.transport.send({ key, messageId, to, cc, subject, html, text });
      } catch (error) {
        return this.finishFailed(client, message, attempts, startedAt, classifySendFailure(error));
      }
      const error = sent.rejected.length > 0 ? `rejected recipients: ${sent.rejected.join(', ')}` : null;
      await this.finish(
        client,
        message,
        { outcome: 'sent', startedAt, smtpResponse: sent.response, error },
        { status: 'sent', attempts, sentAt: new Date(), lastError: error },
      );
      return { outcome: 'sent' };
    });
  }

  private claimFor(factsSql: string): PreparedStatement {
    let claim = this.claims.get(factsSql);
    if (!claim) {
      claim = claimStatement(factsSql);
      this.claims.set(factsSql, claim);
    }
    return claim;
  }

  private async finishFailed(client: PoolClient, message: MailMessage, attempts: number, startedAt: Date, failure: SendFailure): Promise<DeliverResult> {
    const outcome = failure.kind === 'permanent' ? 'permanent_failure' : 'transient_failure';
    // A transient failure leaves the message queued: it goes out once the server is back, on a retry or requeuePending().
    await this.finish(
      client,
      message,
      { outcome, startedAt, smtpResponse: failure.smtpResponse, error: failure.error },
      { status: failure.kind === 'permanent' ? 'failed' : 'queued', attempts, sentAt: message.sentAt, lastError: failure.error },
    );
    return { outcome, error: failure.error };
  }

  /** Records the attempt and commits, in one round trip; the lock on the message ends with it. */
  private async finish(
    client: PoolClient,
    message: MailMessage,
    delivery: { outcome: DeliveryOutcome; startedAt: Date; smtpResponse: string | null; error: string | null },
    change: MessageChange,
  ): Promise<void> {
    const record = RECORD.call(
      message.id,
      message.attempts + 1,
      delivery.startedAt,
      delivery.outcome,
      delivery.smtpResponse,
      delivery.error,
      change.status,
      change.attempts,
      change.sentAt,
      change.lastError,
    );
    await queryAll(client, `${record}; COMMIT`);
  }
}
