import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Obligation } from './obligation.entity';

export const BODY_ROLES = ['issuing', 'receiving'] as const;
export type BodyRole = (typeof BODY_ROLES)[number];

/**
 * The name of an obligation's issuing or receiving body over a span of days: ministries merge and
 * rename (Bộ Thông tin và Truyền thông -> Bộ Khoa học và Công nghệ from 01/03/2025), so receipts,
 * e-mails and exports name the body in force on their day. Days no row covers fall back to the
 * obligation's own `issuingBody` / `receivingBody`.
 */
@Entity('obligation_bodies')
@Unique('uq_obligation_bodies_role_from', ['obligationId', 'role', 'validFrom'])
@Check('ck_obligation_bodies_role', `role IN ('issuing', 'receiving')`)
@Check('ck_obligation_bodies_validity', `valid_to IS NULL OR valid_to >= valid_from`)
export class ObligationBody {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  obligationId: string;

  @ManyToOne(() => Obligation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'obligation_id', foreignKeyConstraintName: 'fk_obligation_bodies_obligation' })
  obligation?: Obligation;

  @Column({ type: 'varchar', length: 16 })
  role: BodyRole;

  @Column({ type: 'text' })
  name: string;

  /** First day the name applies (inclusive). */
  @Column({ type: 'date' })
  validFrom: string;

  /** Last day the name applies (inclusive); null while it still does. */
  @Column({ type: 'date', nullable: true })
  validTo: string | null;

  /** The document that made the change, e.g. `Nghị định 55/2025/NĐ-CP`; "(cần xác minh)" marks a reading still to be checked. */
  @Column({ type: 'text', nullable: true })
  legalBasis: string | null;
}
