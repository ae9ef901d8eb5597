import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SubmissionVersion } from './submission-version.entity';

/** One MiB of a version's original bytes, in order by `seq` (original-file-chunks.ts writes and reads them). */
@Entity('submission_version_chunks')
export class SubmissionVersionChunk {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_submission_version_chunks' })
  versionId: string;

  @ManyToOne(() => SubmissionVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'fk_submission_version_chunks_version' })
  version?: SubmissionVersion;

  @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'pk_submission_version_chunks' })
  seq: number;

  @Column({ type: 'bytea' })
  data: Buffer;
}
