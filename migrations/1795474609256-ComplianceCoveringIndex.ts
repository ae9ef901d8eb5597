import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Compliance figures read status, timeliness and submission times of every submission of an
 * obligation and period. The unique constraint on (obligation, period, unit) now carries those
 * columns (INCLUDE), so completion queries are index-only scans instead of one heap page per
 * unit. Uniqueness and the constraint name are unchanged.
 */
export class ComplianceCoveringIndex1795474609256 implements MigrationInterface {
  name = 'ComplianceCoveringIndex1795474609256';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "submissions"
        DROP CONSTRAINT "uq_submissions_obligation_period_unit",
        ADD CONSTRAINT "uq_submissions_obligation_period_unit" UNIQUE ("obligation_id", "period_key", "unit_id")
          INCLUDE ("status", "on_time", "days_late", "submitted_at", "first_submitted_at", "due_date")
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "submissions"
        DROP CONSTRAINT "uq_submissions_obligation_period_unit",
        ADD CONSTRAINT "uq_submissions_obligation_period_unit" UNIQUE ("obligation_id", "period_key", "unit_id")
    `);
  }
}
