import type { EntityManager } from 'typeorm';
import { Submission } from './submission.entity';

type SubmissionChanges = Partial<Pick<Submission, 'status' | 'currentVersionId' | 'versionCount' | 'submittedVersionId' | 'submittedAt' | 'firstSubmittedAt' | 'dueDate' | 'onTime' | 'daysLate'>>;

/**
 * Writes changes to a submission the caller holds locked (FOR UPDATE) in one UPDATE, bumping its
 * revision and update time as TypeORM's save() does, without save()'s SELECT of the row it already has.
 * Returns the submission with the changes and its new revision and update time.
 */
export async function updateLockedSubmission(manager: EntityManager, submission: Submission, changes: SubmissionChanges): Promise<Submission> {
  const metadata = manager.connection.getMetadata(Submission);
  const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
  const assignments = entries.map(([property], index) => `"${metadata.findColumnWithPropertyName(property)!.databaseName}" = $${index + 2}`);
  // An UPDATE answers [rows, affected count] through EntityManager.query.
  const [rows]: [Array<{ revision: number; updated_at: Date }>, number] = await manager.query(
    `UPDATE submissions SET ${[...assignments, 'revision = revision + 1', 'updated_at = CURRENT_TIMESTAMP'].join(', ')} WHERE id = $1 RETURNING revision, updated_at`,
    [submission.id, ...entries.map(([, value]) => value)],
  );
  const [row] = rows;
  return Object.assign(submission, changes, { revision: row.revision, updatedAt: row.updated_at });
}

/**
 * Creates a target's submission row if there is none and locks it (FOR UPDATE), in one statement:
 * on a conflict the no-op update locks the existing row, waiting as SELECT … FOR UPDATE would for a
 * concurrent upload of the same submission, and RETURNING gives its latest state.
 */
export async function lockOrCreateSubmission(manager: EntityManager, obligationId: string, periodKey: string, unitId: string): Promise<Submission> {
  const [row]: Array<Record<string, unknown>> = await manager.query(
    `INSERT INTO submissions AS s (obligation_id, period_key, unit_id, status, revision) VALUES ($1, $2, $3, 'not_started', 1)
     ON CONFLICT ON CONSTRAINT uq_submissions_obligation_period_unit DO UPDATE SET status = s.status
     RETURNING s.*`,
    [obligationId, periodKey, unitId],
  );
  const metadata = manager.connection.getMetadata(Submission);
  const submission = metadata.create() as Submission;
  for (const column of metadata.columns) {
    if (!column.isVirtual) column.setEntityValue(submission, manager.connection.driver.prepareHydratedValue(row[column.databaseName], column));
  }
  return submission;
}
