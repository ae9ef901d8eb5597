import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { DeliveryOutcome } from './delivery.entity';
import { isMailAddress } from './mail-address';
import { MailGuards } from './mail-guards';
import type { MailMessage } from './mail-message.entity';
import { MailTransport } from './mail-transport';
import { classifySendFailure, type SendFailure } from './send-failure';

export type DeliverResult =
  | { outcome: 'sent' | 'skipped' }
  /** Nothing to do: unknown key, or no longer queued. */
  | { outcome: 'ignored' }
  /** Locked by another transaction (another worker sending it): look again later. */
  | { outcome: 'busy' }
  | { outcome: 'transient_failure' | 'permanent_failure'; error: string };

/**
 * Sends one queued message, at most once at a time: the row stays locked (FOR UPDATE SKIP LOCKED)
 * from the status check until the outcome is recorded, so a second worker holding the same key
 * backs off instead of sending it again.
 */
@Injectable()
export class MailDeliverer {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly guards: MailGuards,
    private readonly transport: MailTransport,
  ) {}

  // Raw SQL on this path: it runs once per e-mail, and the ORM's per-query work showed in the reminder benchmark.
  deliver(key: string): Promise<DeliverResult> {
    return this.db.transaction(async (manager) => {
      const [message]: MailMessage[] = await manager.query(
        `SELECT id, key, kind, "to", cc, subject, html, text, status, attempts, last_error AS "lastError",
                created_at AS "createdAt", sent_at AS "sentAt", context
           FROM mail_messages WHERE key = $1 FOR UPDATE SKIP LOCKED`,
        [key],
      );
      if (!message) {
        // Locked rows are skipped, so "not found" may mean another transaction holds it: try again later.
        const [{ queued }] = await manager.query(`SELECT EXISTS (SELECT 1 FROM mail_messages WHERE key = $1 AND status = 'queued') AS queued`, [key]);
        return { outcome: queued ? 'busy' : 'ignored' };
      }
      if (message.status !== 'queued') return { outcome: 'ignored' };

      const startedAt = new Date();
      if (!(await this.guards.allows(message))) {
        await this.record(manager, message, { outcome: 'skipped', startedAt, smtpResponse: null, error: null }, { status: 'cancelled' });
        return { outcome: 'skipped' };
      }

      const attempts = message.attempts + 1;
      const invalid = [...message.to, ...message.cc].filter((address) => !isMailAddress(address));
      if (invalid.length > 0) {
        const failure: SendFailure = { kind: 'permanent', smtpResponse: null, error: `invalid address: ${invalid.join(', ')}` };
        return this.recordFailure(manager, message, attempts, startedAt, failure);
      }

      try {
        const { id: messageId, to, cc, subject, html, text } = message;
        const sent = await this.transport.send({ key, messageId, to, cc, subject, html, text });
        const error = sent.rejected.length > 0 ? `rejected recipients: ${sent.rejected.join(', ')}` : null;
        await this.record(
          manager,
          message,
          { outcome: 'sent', startedAt, smtpResponse: sent.response, error },
          { status: 'sent', attempts, sentAt: new Date(), lastError: error },
        );
        return { outcome: 'sent' };
      } catch (error) {
        return this.recordFailure(manager, message, attempts, startedAt, classifySendFailure(error));
      }
    });
  }

  private async recordFailure(
    manager: EntityManager,
    message: MailMessage,
    attempts: number,
    startedAt: Date,
    failure: SendFailure,
  ): Promise<DeliverResult> {
    const outcome = failure.kind === 'permanent' ? 'permanent_failure' : 'transient_failure';
    // A transient failure leaves the message queued: it goes out once the server is back, on a retry or requeuePending().
    await this.record(
      manager,
      message,
      { outcome, startedAt, smtpResponse: failure.smtpResponse, error: failure.error },
      { status: failure.kind === 'permanent' ? 'failed' : 'queued', attempts, lastError: failure.error },
    );
    return { outcome, error: failure.error };
  }

  /** The attempt's Delivery row and the message's new state, in one statement. */
  private async record(
    manager: EntityManager,
    message: MailMessage,
    delivery: { outcome: DeliveryOutcome; startedAt: Date; smtpResponse: string | null; error: string | null },
    change: Partial<Pick<MailMessage, 'status' | 'attempts' | 'sentAt' | 'lastError'>>,
  ): Promise<void> {
    await manager.query(
      `WITH attempt AS (
         INSERT INTO mail_deliveries (message_id, attempt, started_at, finished_at, outcome, smtp_response, error)
         VALUES ($1, $2, $3, now(), $4, $5, $6)
       )
       UPDATE mail_messages
          SET status = COALESCE($7, status), attempts = COALESCE($8, attempts), sent_at = COALESCE($9, sent_at),
              last_error = CASE WHEN $10::boolean THEN $11 ELSE last_error END
        WHERE id = $1`,
      [
        message.id,
        message.attempts + 1,
        delivery.startedAt,
        delivery.outcome,
        delivery.smtpResponse,
        delivery.error,
        change.status ?? null,
        change.attempts ?? null,
        change.sentAt ?? null,
        'lastError' in change,
        change.lastError ?? null,
      ],
    );
  }
}
