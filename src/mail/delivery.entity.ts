import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { MailMessage } from './mail-message.entity';

export const DELIVERY_OUTCOMES = ['sent', 'transient_failure', 'permanent_failure', 'skipped'] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

/** One attempt to send a mail message and what came of it (the SMTP reply when there was one). */
@Entity('mail_deliveries')
@Unique('uq_mail_deliveries_message_attempt', ['messageId', 'attempt'])
@Check('ck_mail_deliveries_outcome', `outcome IN ('sent', 'transient_failure', 'permanent_failure', 'skipped')`)
export class Delivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  messageId: string;

  @ManyToOne(() => MailMessage, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'message_id', foreignKeyConstraintName: 'fk_mail_deliveries_message' })
  message?: MailMessage;

  /** 1 for the first attempt of the message. */
  @Column({ type: 'integer' })
  attempt: number;

  @Column({ type: 'timestamptz' })
  startedAt: Date;

  @Column({ type: 'timestamptz' })
  finishedAt: Date;

  @Column({ type: 'varchar', length: 32 })
  outcome: DeliveryOutcome;

  @Column({ type: 'text', nullable: true })
  smtpResponse: string | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;
}
