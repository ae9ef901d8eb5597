import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';

export const UNIT_KINDS = ['municipality', 'province', 'ministry', 'commune'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/**
 * A body that must report: a province or centrally-run city by default.
 * Identified by code plus validity: codes were reused with new meanings after the 2025 merger.
 */
@Entity('reporting_units')
@Unique('uq_reporting_units_code_valid_from', ['code', 'validFrom'])
@Check('ck_reporting_units_kind', `kind IN ('municipality', 'province', 'ministry', 'commune')`)
@Check('ck_reporting_units_validity', `valid_to IS NULL OR valid_to >= valid_from`)
export class ReportingUnit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_reporting_units_code')
  @Column({ type: 'varchar', length: 16 })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  nameAscii: string;

  @Column({ type: 'varchar', length: 16 })
  kind: UnitKind;

  @Column({ type: 'text', nullable: true })
  region: string | null;

  /** First day the unit exists (inclusive). */
  @Column({ type: 'date' })
  validFrom: string;

  /** Last day the unit exists (inclusive); null while it still exists. */
  @Column({ type: 'date', nullable: true })
  validTo: string | null;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => ReportingUnit, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_reporting_units_parent' })
  parent?: ReportingUnit | null;

  /** The unit this one merged into, when it ceased to exist. */
  @Column({ type: 'uuid', nullable: true })
  successorId: string | null;

  @ManyToOne(() => ReportingUnit, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'successor_id', foreignKeyConstraintName: 'fk_reporting_units_successor' })
  successor?: ReportingUnit | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  submitterEmails: string[];

  @Column({ type: 'text', nullable: true })
  leadershipEmail: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
