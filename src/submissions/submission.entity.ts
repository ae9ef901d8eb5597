import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Obligation } from '../obligations/obligation.entity';
import { ReportingUnit } from '../units/reporting-unit.entity';
import type { SubmissionStatus } from './domain/submission-status';

/** One per (obligation, period, unit): its status and the version it stands on. */
@Entity('submissions')
@Unique('uq_submissions_obligation_period_unit', ['obligationId', 'periodKey', 'unitId'])
@Index('ix_submissions_period_status', ['obligationId', 'periodKey', 'status'])
@Check('ck_submissions_status', `status IN ('not_started', 'draft', 'submitted', 'returned', 'approved')`)
export class Submission {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  obligationId: string;

  @ManyToOne(() => Obligation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'obligation_id', foreignKeyConstraintName: 'fk_submissions_obligation' })
  obligation?: Obligation;

  @Column({ type: 'varchar', length: 16 })
  periodKey: string;

  @Index('ix_submissions_unit')
  @Column({ type: 'uuid' })
  unitId: string;

  @ManyToOne(() => ReportingUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_submissions_unit' })
  unit?: ReportingUnit;

  @Column({ type: 'varchar', length: 16 })
  status: SubmissionStatus;

  /** The latest uploaded version. */
  @Column({ type: 'uuid', nullable: true })
  currentVersionId: string | null;

  /** The version last submitted for review. */
  @Column({ type: 'uuid', nullable: true })
  submittedVersionId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  firstSubmittedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  /** The due date in force when it was (first) submitted. */
  @Column({ type: 'date', nullable: true })
  dueDate: string | null;

  /** Whether the first submission came by the due date; later resubmissions after a return do not change it. */
  @Column({ type: 'boolean', nullable: true })
  onTime: boolean | null;

  @Column({ type: 'int', nullable: true })
  daysLate: number | null;

  @Column({ type: 'int', default: 0 })
  versionCount: number;

  /** Loaded as history by a compliance officer or administrator (approved without a submit; neither on time nor late). */
  @Column({ type: 'boolean', default: false })
  backfilled: boolean;

  @VersionColumn()
  revision: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
