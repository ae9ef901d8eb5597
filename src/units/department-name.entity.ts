import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ReportingUnit } from './reporting-unit.entity';

/**
 * What a unit's reporting department is called over a span of days, as a pattern over the unit's
 * place name: `Sở Thông tin và Truyền thông {place}` until 28/02/2025, `Sở Khoa học và Công nghệ
 * {place}` from 01/03/2025. A row without unit applies to every unit; a unit's own row wins.
 */
@Entity('department_names')
@Index('uq_department_names_general_from', ['validFrom'], { unique: true, where: 'unit_id IS NULL' })
@Index('uq_department_names_unit_from', ['unitId', 'validFrom'], { unique: true, where: 'unit_id IS NOT NULL' })
@Check('ck_department_names_validity', `valid_to IS NULL OR valid_to >= valid_from`)
@Check('ck_department_names_pattern', `name_pattern LIKE '%{place}%'`)
export class DepartmentName {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', nullable: true })
  unitId: string | null;

  @ManyToOne(() => ReportingUnit, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_department_names_unit' })
  unit?: ReportingUnit | null;

  /** The name with `{place}` for the unit's place name (`tỉnh Hà Giang`, `Thành phố Hà Nội`). */
  @Column({ type: 'text' })
  namePattern: string;

  @Column({ type: 'date' })
  validFrom: string;

  @Column({ type: 'date', nullable: true })
  validTo: string | null;

  @Column({ type: 'text', nullable: true })
  legalBasis: string | null;
}
