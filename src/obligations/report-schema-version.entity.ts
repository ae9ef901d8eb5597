import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { ReportSchemaDefinition } from '../validation/domain/schema-definition';
import { Obligation } from './obligation.entity';

/**
 * One version of an obligation's report schema. Editable until a submission uses it
 * (`lockedAt`), immutable afterwards; a change then needs a new version.
 */
@Entity('report_schema_versions')
@Unique('uq_report_schema_versions_obligation_version', ['obligationId', 'version'])
export class ReportSchemaVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_report_schema_versions_obligation')
  @Column({ type: 'uuid' })
  obligationId: string;

  @ManyToOne(() => Obligation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'obligation_id', foreignKeyConstraintName: 'fk_report_schema_versions_obligation' })
  obligation?: Obligation;

  @Column({ type: 'int' })
  version: number;

  /** Periods starting on or after this day use this version (the latest such version wins). */
  @Column({ type: 'date' })
  effectiveFrom: string;

  @Column({ type: 'jsonb' })
  definition: ReportSchemaDefinition;

  @Column({ type: 'text', nullable: true })
  changeNote: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  lockedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;
}
