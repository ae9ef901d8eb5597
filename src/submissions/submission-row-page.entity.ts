import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { TypedRow } from '../validation/domain/cell-value';
import { SubmissionVersion } from './submission-version.entity';

/** One stored row of a version: the file's row number and the values that passed coercion. */
export interface StoredRow {
  n: number;
  d: TypedRow;
}

/**
 * A version's typed rows in pages of consecutive rows (`rows` is a jsonb array of {n, d}), so that a
 * 100,000-row upload is a hundred inserts rather than a hundred thousand. Read them one row at a time
 * through the `submission_rows` view (version_id, row_number, data).
 */
@Entity('submission_row_pages')
@Check('ck_submission_row_pages_range', 'first_row <= last_row AND row_count > 0')
export class SubmissionRowPage {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_submission_row_pages' })
  versionId: string;

  @ManyToOne(() => SubmissionVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'fk_submission_row_pages_version' })
  version?: SubmissionVersion;

  @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'pk_submission_row_pages' })
  firstRow: number;

  @Column({ type: 'int' })
  lastRow: number;

  @Column({ type: 'int' })
  rowCount: number;

  @Column({ type: 'jsonb' })
  rows: StoredRow[];
}
