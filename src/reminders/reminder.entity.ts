import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Obligation } from '../obligations/obligation.entity';
import type { SubmissionStatus } from '../submissions/domain/submission-status';
import { ReportingUnit } from '../units/reporting-unit.entity';

/**
 * What planning decided for a stage: `planned` (an e-mail was queued; from then on the mail message
 * tells whether it was sent, cancelled or failed), or skipped with the reason recorded.
 */
export const REMINDER_PLAN_STATUSES = ['planned', 'skipped_cap', 'skipped_no_address'] as const;
export type ReminderPlanStatus = (typeof REMINDER_PLAN_STATUSES)[number];

export const REMINDER_TRIGGERS = ['schedule', 'manual'] as const;
export type ReminderTrigger = (typeof REMINDER_TRIGGERS)[number];

/** One reminder stage for one unit and period; the unique key makes planning and sending idempotent. */
@Entity('reminders')
@Unique('uq_reminders_stage', ['obligationId', 'periodKey', 'unitId', 'stage'])
@Index('ix_reminders_unit_planned_at', ['unitId', 'plannedAt'])
@Check('ck_reminders_status', `status IN ('planned', 'skipped_cap', 'skipped_no_address')`)
@Check('ck_reminders_trigger', `trigger IN ('schedule', 'manual')`)
@Check('ck_reminders_mail_key', `(status = 'planned') = (mail_key IS NOT NULL)`)
export class Reminder {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  obligationId: string;

  @ManyToOne(() => Obligation, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'obligation_id', foreignKeyConstraintName: 'fk_reminders_obligation' })
  obligation?: Obligation;

  @Column({ type: 'varchar', length: 16 })
  periodKey: string;

  @Column({ type: 'uuid' })
  unitId: string;

  @ManyToOne(() => ReportingUnit, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_reminders_unit' })
  unit?: ReportingUnit;

  /** `before-7d`, `due`, `overdue-2`, `escalation`, `manual-2025-02-10` (see domain/reminder-stage.ts). */
  @Column({ type: 'varchar', length: 32 })
  stage: string;

  @Column({ type: 'varchar', length: 16 })
  trigger: ReminderTrigger;

  @Column({ type: 'varchar', length: 24 })
  status: ReminderPlanStatus;

  /** Why it was skipped, in Vietnamese. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'date' })
  dueDate: string;

  /** Calendar days (Vietnam) from planning to the due date; negative when overdue. */
  @Column({ type: 'integer' })
  daysUntilDue: number;

  /** The unit's leadership is copied. */
  @Column({ type: 'boolean', default: false })
  escalated: boolean;

  /** Status of the unit's report when the reminder was planned. */
  @Column({ type: 'varchar', length: 16 })
  submissionStatus: SubmissionStatus;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  to: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  cc: string[];

  /** Key of the queued mail_messages row (derived from the unique key); null when skipped. */
  @Index('uq_reminders_mail_key', { unique: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  mailKey: string | null;

  /** Who asked for a manual reminder. */
  @Column({ type: 'uuid', nullable: true })
  requestedBy: string | null;

  @Column({ type: 'timestamptz' })
  plannedAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
