import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Typed rows move from one table row per file row to pages of up to 1,000 consecutive rows (a jsonb
 * array of {n: row number, d: data}): a 100,000-row upload was 100,000 tuples, index entries and
 * foreign-key checks, and PostgreSQL took longer to store them than the app took to read the file.
 * Existing rows are copied into pages. `submission_rows` becomes a view with the old columns
 * (version_id, row_number, data), so readers see one row per file row as before.
 */
export class SubmissionRowPages1795480782905 implements MigrationInterface {
  name = 'SubmissionRowPages1795480782905';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "submission_row_pages" (
        "version_id" uuid NOT NULL,
        "first_row" integer NOT NULL,
        "last_row" integer NOT NULL,
        "row_count" integer NOT NULL,
        "rows" jsonb NOT NULL,
        CONSTRAINT "ck_submission_row_pages_range" CHECK (
          first_row <= last_row
          AND row_count > 0
        ),
        CONSTRAINT "pk_submission_row_pages" PRIMARY KEY ("version_id", "first_row")
      )
    `);
    await queryRunner.query(`
      ALTER TABLE "submission_row_pages"
      ADD CONSTRAINT "fk_submission_row_pages_version" FOREIGN KEY ("version_id") REFERENCES "submission_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
    `);
    await queryRunner.query(`ALTER TABLE "submission_row_pages" ALTER COLUMN "rows" SET COMPRESSION lz4`);
    await queryRunner.query(`
      INSERT INTO "submission_row_pages" ("version_id", "first_row", "last_row", "row_count", "rows")
      SELECT version_id, min(row_number), max(row_number), count(*),
             jsonb_agg(jsonb_build_object('n', row_number, 'd', data) ORDER BY row_number)
        FROM (SELECT version_id, row_number, data,
                     (row_number() OVER (PARTITION BY version_id ORDER BY row_number) - 1) / 1000 AS page
                FROM "submission_rows") AS numbered
       GROUP BY version_id, page
    `);
    await queryRunner.query(`DROP TABLE "submission_rows"`);
    await queryRunner.query(`
      CREATE VIEW "submission_rows" AS
      SELECT p.version_id, (e.value ->> 'n')::integer AS row_number, e.value -> 'd' AS data
        FROM "submission_row_pages" p
       CROSS JOIN LATERAL jsonb_array_elements(p.rows) AS e(value)
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER VIEW "submission_rows" RENAME TO "submission_rows_paged"`);
    await queryRunner.query(`
      CREATE TABLE "submission_rows" (
        "version_id" uuid NOT NULL,
        "row_number" integer NOT NULL,
        "data" jsonb NOT NULL,
        CONSTRAINT "PK_0299a3802878f4798fb5d01182a" PRIMARY KEY ("version_id", "row_number")
      )
    `);
    await queryRunner.query(`INSERT INTO "submission_rows" SELECT version_id, row_number, data FROM "submission_rows_paged"`);
    await queryRunner.query(`
      ALTER TABLE "submission_rows"
      ADD CONSTRAINT "fk_submission_rows_version" FOREIGN KEY ("version_id") REFERENCES "submission_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
    `);
    await queryRunner.query(`DROP VIEW "submission_rows_paged"`);
    await queryRunner.query(`DROP TABLE "submission_row_pages"`);
  }
}
