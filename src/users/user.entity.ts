import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { UserRole } from '../access/roles';
import { ReportingUnit } from '../units/reporting-unit.entity';

@Entity('users')
@Check('ck_users_role', `role IN ('province_officer', 'ministry_reviewer', 'compliance_officer', 'admin')`)
@Check('ck_users_officer_unit', `(role = 'province_officer') = (unit_id IS NOT NULL)`)
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; unique. */
  @Index('uq_users_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'text' })
  fullName: string;

  @Column({ type: 'text', select: false })
  passwordHash: string;

  @Column({ type: 'varchar', length: 32 })
  role: UserRole;

  /** The unit a province officer reports for; null for ministry roles. */
  @Index('ix_users_unit_id')
  @Column({ type: 'uuid', nullable: true })
  unitId: string | null;

  @ManyToOne(() => ReportingUnit, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_users_unit' })
  unit?: ReportingUnit | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  passwordChangedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
