import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { CutoffWindowKind, DeadlineRule, PeriodType } from '../periods/domain';
import type { ReminderPolicy } from './reminder-policy';

export const TARGET_SCOPES = ['all_provinces', 'listed_units'] as const;
export type TargetScope = (typeof TARGET_SCOPES)[number];
export const COMPLIANCE_STATUSES = ['submitted', 'approved'] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];

/** What must be reported, by whom, for which period and by when. */
@Entity('obligations')
@Check('ck_obligations_period_type', `period_type IN ('monthly', 'quarterly', 'half_yearly', 'nine_monthly', 'yearly')`)
@Check('ck_obligations_cutoff_kind', `cutoff_kind IN ('decree09', 'calendar')`)
@Check('ck_obligations_target_scope', `target_scope IN ('all_provinces', 'listed_units')`)
@Check('ck_obligations_complies_when', `complies_when IN ('submitted', 'approved')`)
export class Obligation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_obligations_code', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', nullable: true })
  titleEn: string | null;

  /** Document that creates the duty, e.g. `Thông tư 35/2016/TT-BTTTT`. */
  @Column({ type: 'text' })
  legalDocument: string;

  /** Article, clause or form, e.g. `Điều 4; Mẫu 01/BC-STTTT`. */
  @Column({ type: 'text', nullable: true })
  legalArticle: string | null;

  @Column({ type: 'text' })
  issuingBody: string;

  @Column({ type: 'text', nullable: true })
  receivingBody: string | null;

  @Column({ type: 'varchar', length: 16 })
  periodType: PeriodType;

  @Column({ type: 'varchar', length: 16 })
  cutoffKind: CutoffWindowKind;

  @Column({ type: 'jsonb' })
  deadlineRule: DeadlineRule;

  @Column({ type: 'varchar', length: 16 })
  targetScope: TargetScope;

  /** Unit codes for `listed_units`. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  targetUnitCodes: string[];

  @Column({ type: 'varchar', length: 16 })
  compliesWhen: ComplianceStatus;

  @Column({ type: 'jsonb' })
  reminderPolicy: ReminderPolicy;

  /** Days after the due date when uploads and submits lock (0 = never; null = the ENTRY_LOCK_AFTER_DAYS default). */
  @Column({ type: 'int', nullable: true })
  entryLockDays: number | null;

  /** First day whose periods this obligation covers. */
  @Column({ type: 'date' })
  activeFrom: string;

  /**
   * First due date baocao follows: periods due before it are history, not tracked (no completion
   * percentage, no lateness, no reminders) and are loaded by backfill.
   */
  @Column({ type: 'date' })
  trackedFrom: string;

  @Column({ type: 'timestamptz', nullable: true })
  retiredAt: Date | null;

  @Column({ type: 'text', nullable: true })
  retiredReason: string | null;

  @VersionColumn()
  revision: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
