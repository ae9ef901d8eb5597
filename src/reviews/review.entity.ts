import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Submission } from '../submissions/submission.entity';
import { SubmissionVersion } from '../submissions/submission-version.entity';

export const REVIEW_DECISIONS = ['approve', 'return', 'reopen'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export interface ReviewRemark {
  /** Row number in the file, when the remark is about a row. */
  row?: number;
  /** Field key, when the remark is about a column or cell. */
  field?: string;
  message: string;
}

/**
 * A reviewer's decision on one submitted version. `submissionRevision` is the submission's
 * concurrency token at decision time: unique per submission, so two decisions can never both land.
 */
@Entity('reviews')
@Unique('uq_reviews_submission_revision', ['submissionId', 'submissionRevision'])
@Check('ck_reviews_decision', `decision IN ('approve', 'return', 'reopen')`)
export class Review {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_reviews_submission')
  @Column({ type: 'uuid' })
  submissionId: string;

  @ManyToOne(() => Submission, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submission_id', foreignKeyConstraintName: 'fk_reviews_submission' })
  submission?: Submission;

  @Column({ type: 'uuid' })
  versionId: string;

  @ManyToOne(() => SubmissionVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'fk_reviews_version' })
  version?: SubmissionVersion;

  @Column({ type: 'int' })
  submissionRevision: number;

  @Column({ type: 'varchar', length: 16 })
  decision: ReviewDecision;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  remarks: ReviewRemark[];

  @Column({ type: 'uuid', nullable: true })
  reviewerId: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  reviewerRole: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  decidedAt: Date;
}
