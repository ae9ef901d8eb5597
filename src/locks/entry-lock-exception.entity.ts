import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Lets one unit upload and submit for a locked period until `endsAt`; expires by itself. */
@Entity('entry_lock_exceptions')
@Index('ix_entry_lock_exceptions_target', ['obligationId', 'periodKey', 'unitId'])
export class EntryLockException {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  obligationId: string;

  @Column({ type: 'varchar', length: 16 })
  periodKey: string;

  @Column({ type: 'uuid' })
  unitId: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'uuid', nullable: true })
  grantedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  grantedAt: Date;
}
