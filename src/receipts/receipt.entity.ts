import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ReceiptContent } from './receipt-content';

/** The receipt of record of one submit: what was received, when, from whom, signed by the server. */
@Entity('receipts')
export class Receipt {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_receipts_submission')
  @Column({ type: 'uuid' })
  submissionId: string;

  @Column({ type: 'uuid' })
  unitId: string;

  /** The signed fields, exactly as hashed (canonical JSON of this object). */
  @Column({ type: 'jsonb' })
  content: ReceiptContent;

  /** sha256 (hex) of the canonical JSON of `content`. */
  @Column({ type: 'char', length: 64 })
  hash: string;

  /** Ed25519 signature (base64) of the hash. */
  @Column({ type: 'text' })
  signature: string;

  @Column({ type: 'varchar', length: 64 })
  keyId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
