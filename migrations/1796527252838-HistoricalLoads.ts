import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Historical loads. An obligation is tracked from a date (`tracked_from`): periods due before it are
 * history, shown as not tracked, never reminded, and loaded by backfill; an existing obligation is
 * tracked from the day it was created in baocao. A submission loaded that way is `backfilled`.
 */
export class HistoricalLoads1796527252838 implements MigrationInterface {
  name = 'HistoricalLoads1796527252838';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "obligations" ADD "tracked_from" date`);
    await queryRunner.query(`UPDATE "obligations" SET "tracked_from" = ("created_at" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`);
    await queryRunner.query(`ALTER TABLE "obligations" ALTER COLUMN "tracked_from" SET NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE "submissions"
      ADD "backfilled" boolean NOT NULL DEFAULT false
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "submissions" DROP COLUMN "backfilled"`);
    await queryRunner.query(`ALTER TABLE "obligations" DROP COLUMN "tracked_from"`);
  }
}
