import type { DataSource } from 'typeorm';
import type { SubmissionStatus } from '../../../src/submissions/domain/submission-status';

export interface UnitFixture {
  code: string;
  name: string;
  kind?: 'province' | 'municipality' | 'ministry' | 'commune';
  validFrom: string;
  validTo?: string | null;
}

/** Adds a reporting unit directly; returns its id. */
export async function addUnit(db: DataSource, unit: UnitFixture): Promise<string> {
  const [row] = await db.query(
    `INSERT INTO reporting_units (code, name, name_ascii, kind, valid_from, valid_to) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [unit.code, unit.name, unit.name, unit.kind ?? 'province', unit.validFrom, unit.validTo ?? null],
  );
  return row.id;
}

/**
 * Unit ids by code: a code reused by the 2025 reorganisation names the unit of 2008-2025 (these
 * specs work on periods before it); units added with a code of their own are included whatever their dates.
 */
export async function unitIds(db: DataSource): Promise<Record<string, string>> {
  const rows: Array<{ code: string; id: string }> = await db.query(
    `SELECT code, id FROM reporting_units
      ORDER BY (valid_from <= '2025-06-30' AND (valid_to IS NULL OR valid_to >= '2025-06-30')), valid_from`,
  );
  return Object.fromEntries(rows.map((row) => [row.code, row.id]));
}

export async function obligationId(db: DataSource, code: string): Promise<string> {
  const [row] = await db.query('SELECT id FROM obligations WHERE code = $1', [code]);
  return row.id;
}

export interface SubmissionFixture {
  obligationId: string;
  periodKey: string;
  unitId: string;
  status: SubmissionStatus;
  /** First (and latest) submission; on time or late against dueDate. */
  submittedAt?: string;
  dueDate?: string;
  onTime?: boolean;
  daysLate?: number;
}

/** A submission row in the status a test needs, without files (completion never reads versions). */
export async function putSubmission(db: DataSource, fixture: SubmissionFixture): Promise<void> {
  await db.query(
    `INSERT INTO submissions (obligation_id, period_key, unit_id, status, first_submitted_at, submitted_at, due_date, on_time, days_late, version_count, revision)
     VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8, $9, 1)`,
    [
      fixture.obligationId,
      fixture.periodKey,
      fixture.unitId,
      fixture.status,
      fixture.submittedAt ?? null,
      fixture.submittedAt ? (fixture.dueDate ?? null) : null,
      fixture.submittedAt ? (fixture.onTime ?? true) : null,
      fixture.submittedAt ? (fixture.daysLate ?? 0) : null,
      fixture.status === 'not_started' ? 0 : 1,
    ],
  );
}
