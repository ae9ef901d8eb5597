import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, type InsertResult } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { TypedRow } from '../validation/domain/cell-value';
import type { FieldDefinition, ReportSchemaDefinition } from '../validation/domain/schema-definition';
import type { ValidationReport } from '../validation/domain/validation-report';
import type { SubmissionStatus } from './domain/submission-status';
import type { VersionDetailDto, VersionSummaryDto } from './dto/submission.dto';
import type { UploadSource } from '../validation/parsing/upload-source';
import { originalFileStream, readOriginalFile, storeOriginalChunks } from './original-file-chunks';
import { SubmissionRowWriter } from './submission-row-writer';
import { SubmissionVersion } from './submission-version.entity';

export interface StoredRowView {
  rowNumber: number;
  data: TypedRow;
}

/** Every column of a version, its report included (which select: false leaves out unless asked for). */
const VERSION_COLUMNS = {
  id: true,
  number: true,
  sha256: true,
  sizeBytes: true,
  mediaType: true,
  format: true,
  originalName: true,
  valid: true,
  rowsRead: true,
  errorCount: true,
  warningCount: true,
  uploadedAt: true,
  uploadedBy: true,
  schemaVersionId: true,
  submissionId: true,
  report: true,
} as const;

const SUMMARY_COLUMNS = `v.number, v.sha256, v.size_bytes AS "sizeBytes", v.media_type AS "mediaType", v.format,
  v.original_name AS "originalName", v.valid, v.rows_read AS "rowsRead", v.error_count AS "errorCount",
  v.warning_count AS "warningCount", s.version AS "schemaVersion", v.uploaded_by AS "uploadedBy", v.uploaded_at AS "uploadedAt"`;

/** One row of per-group statistics of a numeric field over approved rows (see approvedFieldStats). */
export interface ApprovedFieldStatRow {
  values: unknown[];
  field: string;
  sum: string | null;
  avg: string | null;
  count: number;
  units: number;
  weightedSum: string | null;
  weightTotal: string | null;
  weightedUnits: number;
}

/** Per-unit sums of a numeric field over approved rows, merger-aware history's input (see unitFieldSums). */
export interface UnitFieldSumRow {
  key: string;
  unit_sum: string;
  unit_rows: number;
  weighted_sum: string | null;
  weight_total: string | null;
}

/**
 * The one owner of submission storage: every statement on `submission_versions`, `submission_row_pages`
 * and the `submission_rows` view is here, so a change to how versions and rows are stored touches one
 * file. A method whose first parameter is an EntityManager runs only inside the caller's transaction;
 * one with an optional manager last reads outside a transaction unless given one.
 */
@Injectable()
export class SubmissionStorage {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  // ── Versions ────────────────────────────────────────────────────────────────────────────────────

  /** Starts inserting a version; the caller may await it later (the row writer sends its pages after it). */
  insertVersion(manager: EntityManager, version: QueryDeepPartialEntity<SubmissionVersion>): Promise<InsertResult> {
    return manager.getRepository(SubmissionVersion).insert(version);
  }

  /**
   * The outcome of validation, once every row is stored, and the submission moved on to the version
   * (status, current version, count; revision and update time bumped as TypeORM's save() does), in one
   * statement. Returns the version as stored (without its bytes), its details as `detailByNumber`
   * gives them, and the submission's new revision and update time, so nothing needs to read them again.
   */
  async recordOutcome(
    manager: EntityManager,
    versionId: string,
    report: ValidationReport,
    submission: { id: string; status: SubmissionStatus },
  ): Promise<{ version: SubmissionVersion; detail: VersionDetailDto; revision: number; updatedAt: Date }> {
    const [row]: Array<VersionDetailDto & { id: string; submissionId: string; schemaVersionId: string; submissionRevision: number; submissionUpdatedAt: Date }> =
      await manager.query(
        `WITH version AS (
           UPDATE submission_versions v SET valid = $2, rows_read = $3, error_count = $4, warning_count = $5, report = $6::jsonb
             FROM report_schema_versions s
            WHERE v.id = $1 AND s.id = v.schema_version_id
            RETURNING ${SUMMARY_COLUMNS}, v.report, v.id, v.submission_id AS "submissionId", v.schema_version_id AS "schemaVersionId"
         ), submission AS (
           UPDATE submissions SET status = $8, current_version_id = $1, version_count = (SELECT number FROM version),
                  revision = revision + 1, updated_at = CURRENT_TIMESTAMP
            WHERE id = $7 AND EXISTS (SELECT 1 FROM version)
            RETURNING revision, updated_at
         )
         SELECT version.*, submission.revision AS "submissionRevision", submission.updated_at AS "submissionUpdatedAt" FROM version, submission`,
        [versionId, report.valid, report.rowsRead, report.errorCount, report.warningCount, JSON.stringify(report), submission.id, submission.status],
      );
    if (!row) throw new Error(`version ${versionId} or submission ${submission.id} vanished while the outcome was recorded`);
    const { id, submissionId, schemaVersionId, submissionRevision, submissionUpdatedAt, ...detail } = row;
    const { schemaVersion: _schemaVersion, ...columns } = detail;
    const version = Object.assign(new SubmissionVersion(), { ...columns, id, submissionId, schemaVersionId });
    return { version, detail, revision: submissionRevision, updatedAt: submissionUpdatedAt };
  }

  /** The version of a submission holding these exact bytes, without them. */
  versionBySha(manager: EntityManager, submissionId: string, sha256: string): Promise<SubmissionVersion | null> {
    return manager.getRepository(SubmissionVersion).findOne({ where: { submissionId, sha256 }, select: VERSION_COLUMNS });
  }

  /** The number of the version of a submission holding these exact bytes, null when none. */
  async numberBySha(submissionId: string, sha256: string): Promise<number | null> {
    const [duplicate] = await this.db.query('SELECT number FROM submission_versions WHERE submission_id = $1 AND sha256 = $2', [submissionId, sha256]);
    return duplicate?.number ?? null;
  }

  /** What a submit needs of a version: validity, counts, bytes' hash and report. */
  versionToSubmit(manager: EntityManager, submissionId: string, number: number): Promise<SubmissionVersion | null> {
    return manager.getRepository(SubmissionVersion).findOne({
      where: { submissionId, number },
      select: { id: true, number: true, valid: true, errorCount: true, warningCount: true, sha256: true, report: true },
    });
  }

  /** Details of a version by its id (the report included). */
  async detailById(versionId: string): Promise<VersionDetailDto | undefined> {
    const [row] = await this.db.query(
      `SELECT ${SUMMARY_COLUMNS}, v.report FROM submission_versions v JOIN report_schema_versions s ON s.id = v.schema_version_id WHERE v.id = $1`,
      [versionId],
    );
    return row;
  }

  /** Details of a submission's version by its number (the report included). */
  async detailByNumber(submissionId: string, number: number): Promise<VersionDetailDto | undefined> {
    const [row] = await this.db.query(
      `SELECT ${SUMMARY_COLUMNS}, v.report FROM submission_versions v JOIN report_schema_versions s ON s.id = v.schema_version_id
       WHERE v.submission_id = $1 AND v.number = $2`,
      [submissionId, number],
    );
    return row;
  }

  /** Every version of a submission, oldest first. */
  summaries(submissionId: string): Promise<VersionSummaryDto[]> {
    return this.db.query(
      `SELECT ${SUMMARY_COLUMNS} FROM submission_versions v JOIN report_schema_versions s ON s.id = v.schema_version_id
       WHERE v.submission_id = $1 ORDER BY v.number`,
      [submissionId],
    );
  }

  /** What a download of a submission's version needs to know (its bytes: originalStream). */
  async originalFile(submissionId: string, number: number): Promise<{ id: string; length: number; mediaType: string; originalName: string; sha256: string } | undefined> {
    const [row] = await this.db.query(
      `SELECT id, size_bytes AS "length", media_type AS "mediaType", original_name AS "originalName", sha256 FROM submission_versions
       WHERE submission_id = $1 AND number = $2`,
      [submissionId, number],
    );
    return row;
  }

  /** The version with the report and the schema it was validated against, for annotating its file (bytes: originalBytes). */
  async fileWithReport(
    obligationId: string,
    periodKey: string,
    unitId: string,
    number: number,
  ): Promise<{ id: string; format: string; originalName: string; mediaType: string; report: ValidationReport; definition: ReportSchemaDefinition } | undefined> {
    const [version] = await this.db.query(
      `SELECT v.id, v.format, v.original_name AS "originalName", v.media_type AS "mediaType", v.report, s.definition
         FROM submission_versions v JOIN submissions sub ON sub.id = v.submission_id JOIN report_schema_versions s ON s.id = v.schema_version_id
        WHERE sub.obligation_id = $1 AND sub.period_key = $2 AND sub.unit_id = $3 AND v.number = $4`,
      [obligationId, periodKey, unitId, number],
    );
    return version;
  }

  /** Stores a version's original bytes in chunks, inside the caller's transaction, after the version's row. */
  storeOriginal(manager: EntityManager, versionId: string, original: UploadSource): Promise<number> {
    return storeOriginalChunks(manager, versionId, original);
  }

  /** A version's original bytes as a stream, one chunk fetched at a time. */
  originalStream(versionId: string): Readable {
    return originalFileStream(this.db, versionId);
  }

  /** A version's original bytes whole in memory (the annotated workbook, capped in rows). */
  originalBytes(versionId: string): Promise<Buffer> {
    return readOriginalFile(this.db, versionId);
  }

  /** The id of a submission's version by its number. */
  async idByNumber(submissionId: string, number: number): Promise<string | null> {
    const [version] = await this.db.query('SELECT id FROM submission_versions WHERE submission_id = $1 AND number = $2', [submissionId, number]);
    return version?.id ?? null;
  }

  /** Some versions of a submission by number, with the schema each was validated against. */
  withDefinitions(submissionId: string, numbers: number[]): Promise<Array<{ id: string; number: number; definition: ReportSchemaDefinition }>> {
    return this.db.query(
      `SELECT v.id, v.number, s.definition FROM submission_versions v JOIN report_schema_versions s ON s.id = v.schema_version_id
        WHERE v.submission_id = $1 AND v.number = ANY($2::int[])`,
      [submissionId, numbers],
    );
  }

  /** A version's number by its id, undefined when there is none. */
  async numberOf(versionId: string | null, manager: EntityManager = this.db.manager): Promise<{ id: string; number: number } | undefined> {
    const [version] = await manager.query('SELECT id, number FROM submission_versions WHERE id = $1', [versionId]);
    return version;
  }

  /** The numbers of some versions by id. */
  async numbersOf(versionIds: string[], manager: EntityManager = this.db.manager): Promise<Map<string, number>> {
    const numbers = new Map<string, number>();
    if (versionIds.length === 0) return numbers;
    const rows: Array<{ id: string; number: number }> = await manager.query('SELECT id, number FROM submission_versions WHERE id = ANY($1)', [versionIds]);
    rows.forEach((row) => numbers.set(row.id, row.number));
    return numbers;
  }

  /** Number, hash and rows read of a version, to tell whether the same file was loaded before. */
  async fingerprint(versionId: string, manager: EntityManager = this.db.manager): Promise<{ number: number; sha256: string; rowsRead: number } | undefined> {
    const [version] = await manager.query('SELECT number, sha256, rows_read AS "rowsRead" FROM submission_versions WHERE id = $1', [versionId]);
    return version;
  }

  /** The schema a version was validated against. */
  async definitionOf(versionId: string, manager: EntityManager = this.db.manager): Promise<ReportSchemaDefinition | undefined> {
    const [schema]: Array<{ definition: ReportSchemaDefinition }> = await manager.query(
      'SELECT s.definition FROM submission_versions v JOIN report_schema_versions s ON s.id = v.schema_version_id WHERE v.id = $1',
      [versionId],
    );
    return schema?.definition;
  }

  /** The fields of the schema each version was validated against. */
  fieldsOf(versionIds: string[]): Promise<Array<{ id: string; fields: FieldDefinition[] }>> {
    return this.db.query(
      `SELECT v.id, s.definition -> 'fields' AS fields FROM submission_versions v JOIN report_schema_versions s ON s.id = v.schema_version_id WHERE v.id = ANY($1::uuid[])`,
      [versionIds],
    );
  }

  // ── Versions seen from their submissions ────────────────────────────────────────────────────────

  /** A unit's submissions keyed by obligation and period, with their current version's number and validity. */
  currentVersionsOfUnit(
    unitId: string,
  ): Promise<Array<{ key: string; id: string; status: SubmissionStatus; currentVersion: number | null; currentVersionValid: boolean | null }>> {
    return this.db.query(
      `SELECT s.obligation_id || '/' || s.period_key AS key, s.id, s.status, v.number AS "currentVersion", v.valid AS "currentVersionValid"
         FROM submissions s LEFT JOIN submission_versions v ON v.id = s.current_version_id
        WHERE s.unit_id = $1`,
      [unitId],
    );
  }

  /** A unit's submission of a period with its submitted version's id and number, undefined when none. */
  async submittedOf(
    obligationId: string,
    periodKey: string,
    unitId: string,
  ): Promise<{ status: SubmissionStatus; versionId: string | null; number: number | null } | undefined> {
    const [other] = await this.db.query(
      `SELECT s.status, s.submitted_version_id AS "versionId", v.number FROM submissions s LEFT JOIN submission_versions v ON v.id = s.submitted_version_id
        WHERE s.obligation_id = $1 AND s.period_key = $2 AND s.unit_id = $3`,
      [obligationId, periodKey, unitId],
    );
    return other;
  }

  /** The approved submissions of some units for a period, with the submitted version and its schema. */
  approvedVersionsOf(
    obligationId: string,
    periodKey: string,
    unitIds: string[],
  ): Promise<Array<{ unit_id: string; version_id: string; definition: { fields: FieldDefinition[] } }>> {
    return this.db.query(
      `SELECT s.unit_id, s.submitted_version_id AS version_id, sv.definition
         FROM submissions s JOIN submission_versions v ON v.id = s.submitted_version_id JOIN report_schema_versions sv ON sv.id = v.schema_version_id
        WHERE s.obligation_id = $1 AND s.period_key = $2 AND s.unit_id = ANY($3::uuid[]) AND s.status = 'approved'`,
      [obligationId, periodKey, unitIds],
    );
  }

  /** How many approved submissions of a period have a submitted version, and how many of those on another schema version. */
  async approvedCount(obligationId: string, periodKey: string, schemaVersionId: string | null): Promise<{ units: number; other: number }> {
    const [included]: Array<{ units: number; other: number }> = await this.db.query(
      `SELECT count(*)::int AS units, count(*) FILTER (WHERE v.schema_version_id IS DISTINCT FROM $3::uuid)::int AS other
         FROM submissions s JOIN submission_versions v ON v.id = s.submitted_version_id
        WHERE s.obligation_id = $1 AND s.period_key = $2 AND s.status = 'approved'`,
      [obligationId, periodKey, schemaVersionId],
    );
    return included;
  }

  // ── Rows ────────────────────────────────────────────────────────────────────────────────────────

  /** A writer storing a new version's typed rows page by page; `before`: a statement its first page must follow. */
  rowWriter(manager: EntityManager, versionId: string, before?: Promise<unknown>): SubmissionRowWriter {
    return new SubmissionRowWriter(
      (page) =>
        manager.query(`INSERT INTO submission_row_pages (version_id, first_row, last_row, row_count, rows) VALUES ($1, $2, $3, $4, $5::jsonb)`, [
          versionId,
          page.firstRow,
          page.lastRow,
          page.rowCount,
          page.rows,
        ]),
      before,
    );
  }

  /** Removes the rows stored so far for a version being written (before a second reading of the file). */
  async deleteRows(manager: EntityManager, versionId: string): Promise<void> {
    await manager.query('DELETE FROM submission_row_pages WHERE version_id = $1', [versionId]);
  }

  /** How many typed rows a version has, from the page headers alone. */
  async rowCount(versionId: string): Promise<number> {
    const [{ total }] = await this.db.query('SELECT COALESCE(sum(row_count), 0)::int AS total FROM submission_row_pages WHERE version_id = $1', [versionId]);
    return total;
  }

  /** Every typed row of a version in file order. */
  allRows(versionId: string): Promise<StoredRowView[]> {
    return this.db.query('SELECT row_number AS "rowNumber", data FROM submission_rows WHERE version_id = $1 ORDER BY row_number', [versionId]);
  }

  /**
   * Rows `offset + 1` to `offset + limit` of a version in file order, unpacking only the pages that hold
   * them (the `submission_rows` view would unpack every page of the version before skipping).
   */
  rowsSlice(versionId: string, offset: number, limit: number): Promise<StoredRowView[]> {
    return this.db.query(
      `SELECT (e.value ->> 'n')::int AS "rowNumber", e.value -> 'd' AS data
         FROM (SELECT rows, row_count, sum(row_count) OVER (ORDER BY first_row) - row_count AS before
                 FROM submission_row_pages WHERE version_id = $1) AS p
        CROSS JOIN LATERAL jsonb_array_elements(p.rows) WITH ORDINALITY AS e(value, position)
        WHERE p.before < $2::int + $3::int AND p.before + p.row_count > $2::int
          AND p.before + e.position > $2::int AND p.before + e.position <= $2::int + $3::int
        ORDER BY p.before + e.position`,
      [versionId, offset, limit],
    );
  }

  /** Sums of some numeric fields over a version's rows. */
  fieldTotals(versionId: string, keys: string[]): Promise<Array<{ key: string; total: string | null }>> {
    return this.db.query(
      `SELECT k.key, sum((r.data ->> k.key)::numeric) AS total
         FROM submission_rows r CROSS JOIN unnest($2::text[]) AS k(key)
        WHERE r.version_id = $1 AND jsonb_typeof(r.data -> k.key) = 'number'
        GROUP BY k.key`,
      [versionId, keys],
    );
  }

  /** Sums of every numeric value over each version's rows. */
  allNumericTotals(versionIds: string[]): Promise<Array<{ versionId: string; key: string; total: string }>> {
    return this.db.query(
      `SELECT r.version_id AS "versionId", e.key, sum((e.value)::text::numeric) AS total
         FROM submission_rows r CROSS JOIN LATERAL jsonb_each(r.data) AS e(key, value)
        WHERE r.version_id = ANY($1::uuid[]) AND jsonb_typeof(e.value) = 'number'
        GROUP BY r.version_id, e.key`,
      [versionIds],
    );
  }

  /** Per version and field: sum, row count and weighted sum of numeric values (`weightKeys[i]` weighs `keys[i]`, '' for none). */
  unitFieldSums(versionIds: string[], keys: string[], weightKeys: string[]): Promise<UnitFieldSumRow[]> {
    return this.db.query(
      `SELECT k.key, r.version_id AS unit_id, sum((r.data ->> k.key)::numeric) AS unit_sum, count(*)::int AS unit_rows,
              sum((r.data ->> k.key)::numeric * (r.data ->> k.weight_key)::numeric) FILTER (WHERE jsonb_typeof(r.data -> k.weight_key) = 'number') AS weighted_sum,
              sum((r.data ->> k.weight_key)::numeric) FILTER (WHERE jsonb_typeof(r.data -> k.weight_key) = 'number') AS weight_total
         FROM submission_rows r CROSS JOIN unnest($2::text[], $3::text[]) AS k(key, weight_key)
        WHERE r.version_id = ANY($1::uuid[]) AND jsonb_typeof(r.data -> k.key) = 'number'
        GROUP BY k.key, r.version_id`,
      [versionIds, keys, weightKeys],
    );
  }

  /**
   * Sums, averages and counts of numeric fields over the submitted rows of a period's approved submissions,
   * grouped by the values of `groupKeys` (`weightKeys[i]` weighs `keys[i]`, '' for none).
   */
  approvedFieldStats(obligationId: string, periodKey: string, keys: string[], groupKeys: string[], weightKeys: string[]): Promise<ApprovedFieldStatRow[]> {
    return this.db.query(
      `SELECT g.grp AS "values", k.key AS field,
              sum(v.value)::text AS sum, avg(v.value)::text AS avg,
              count(*)::int AS count, count(DISTINCT s.unit_id)::int AS units,
              sum(v.value * v.weight)::text AS "weightedSum", sum(v.weight)::text AS "weightTotal",
              count(DISTINCT s.unit_id) FILTER (WHERE v.weight IS NOT NULL)::int AS "weightedUnits"
         FROM submissions s
         JOIN submission_rows r ON r.version_id = s.submitted_version_id
         CROSS JOIN LATERAL (
           SELECT coalesce(jsonb_agg(r.data -> f.key ORDER BY f.ord), '[]'::jsonb) AS grp
             FROM unnest($4::text[]) WITH ORDINALITY AS f(key, ord)
         ) g
         CROSS JOIN unnest($3::text[], $5::text[]) AS k(key, weight_key)
         CROSS JOIN LATERAL (
           SELECT (r.data ->> k.key)::numeric AS value,
                  CASE WHEN jsonb_typeof(r.data -> k.weight_key) = 'number' THEN (r.data ->> k.weight_key)::numeric END AS weight
         ) v
        WHERE s.obligation_id = $1 AND s.period_key = $2 AND s.status = 'approved'
          AND jsonb_typeof(r.data -> k.key) = 'number'
        GROUP BY g.grp, k.key`,
      [obligationId, periodKey, keys, groupKeys, weightKeys],
    );
  }
}
