import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SubmissionVersion } from './submission-version.entity';

/** A typed data row of a version (fields that passed coercion), keyed by the file's row number. */
@Entity('submission_rows')
export class SubmissionRow {
  @PrimaryColumn({ type: 'uuid' })
  versionId: string;

  @ManyToOne(() => SubmissionVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'fk_submission_rows_version' })
  version?: SubmissionVersion;

  @PrimaryColumn({ type: 'int' })
  rowNumber: number;

  @Column({ type: 'jsonb' })
  data: Record<string, number | string | boolean | null>;
}
