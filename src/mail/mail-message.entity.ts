import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const MAIL_STATUSES = ['queued', 'sent', 'cancelled', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/**
 * One e-mail, rendered when it was enqueued so the record shows exactly what was sent.
 * `key` is the caller's idempotency key: the same key never produces a second e-mail.
 */
@Entity('mail_messages')
@Check('ck_mail_messages_status', `status IN ('queued', 'sent', 'cancelled', 'failed')`)
@Check('ck_mail_messages_attempts', `attempts >= 0`)
export class MailMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_mail_messages_key', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  key: string;

  /** What the e-mail is about, e.g. `review.returned` or `reminder`; selects the send-time guard. */
  @Column({ type: 'varchar', length: 64 })
  kind: string;

  @Column({ type: 'text', array: true })
  to: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  cc: string[];

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  html: string;

  @Column({ type: 'text' })
  text: string;

  @Index('ix_mail_messages_status')
  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status: MailStatus;

  /** SMTP attempts made so far. */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** Ids the send-time guard needs, e.g. `{ submissionId }`. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  context: Record<string, unknown>;
}
