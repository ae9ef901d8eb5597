import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { ReportSchemaVersion } from '../obligations/report-schema-version.entity';
import type { ValidationReport } from '../validation/domain/validation-report';
import { Submission } from './submission.entity';

/** Every upload, valid or not, with its validation report (its original bytes: SubmissionVersionChunk). Never changed. */
@Entity('submission_versions')
@Unique('uq_submission_versions_number', ['submissionId', 'number'])
@Unique('uq_submission_versions_sha256', ['submissionId', 'sha256'])
export class SubmissionVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  submissionId: string;

  @ManyToOne(() => Submission, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submission_id', foreignKeyConstraintName: 'fk_submission_versions_submission' })
  submission?: Submission;

  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'uuid' })
  schemaVersionId: string;

  @ManyToOne(() => ReportSchemaVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'schema_version_id', foreignKeyConstraintName: 'fk_submission_versions_schema' })
  schemaVersion?: ReportSchemaVersion;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'int' })
  sizeBytes: number;

  @Column({ type: 'varchar', length: 200 })
  mediaType: string;

  @Column({ type: 'varchar', length: 8 })
  format: 'csv' | 'xlsx' | 'json';

  @Column({ type: 'varchar', length: 255 })
  originalName: string;

  @Column({ type: 'boolean' })
  valid: boolean;

  @Column({ type: 'int' })
  rowsRead: number;

  @Column({ type: 'int' })
  errorCount: number;

  @Column({ type: 'int' })
  warningCount: number;

  @Column({ type: 'jsonb', select: false })
  report: ValidationReport;

  @Index('ix_submission_versions_uploaded_by')
  @Column({ type: 'uuid', nullable: true })
  uploadedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  uploadedAt: Date;
}
