import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export interface WarningJustification {
  /** Index of the warning in the version's report.issues. */
  issue: number;
  text: string;
}

/** Why a version with warnings was submitted anyway: one text for all, or one per warning. Shown to reviewers. */
@Entity('version_justifications')
export class VersionJustification {
  @PrimaryColumn({ type: 'uuid' })
  versionId: string;

  @Column({ type: 'text', nullable: true })
  general: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  perWarning: WarningJustification[];

  @Column({ type: 'uuid', nullable: true })
  justifiedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  justifiedAt: Date;
}
