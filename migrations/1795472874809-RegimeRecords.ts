import { MigrationInterface, QueryRunner } from "typeorm";

export class RegimeRecords1795472874809 implements MigrationInterface {
    name = 'RegimeRecords1795472874809'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "entry_lock_exceptions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "obligation_id" uuid NOT NULL,
                "period_key" character varying(16) NOT NULL,
                "unit_id" uuid NOT NULL,
                "reason" text NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "granted_by" uuid,
                "granted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_f90921871544ff11087e9605a3f" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_entry_lock_exceptions_target" ON "entry_lock_exceptions" ("obligation_id", "period_key", "unit_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "receipts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "submission_id" uuid NOT NULL,
                "unit_id" uuid NOT NULL,
                "content" jsonb NOT NULL,
                "hash" character(64) NOT NULL,
                "signature" text NOT NULL,
                "key_id" character varying(64) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_5e8182d7c29e023da6e1ff33bfe" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_receipts_submission" ON "receipts" ("submission_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "version_justifications" (
                "version_id" uuid NOT NULL,
                "general" text,
                "per_warning" jsonb NOT NULL DEFAULT '[]',
                "justified_by" uuid,
                "justified_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_c263d66225b0558d225486a4fb1" PRIMARY KEY ("version_id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "obligations"
            ADD "entry_lock_days" integer
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "obligations" DROP COLUMN "entry_lock_days"
        `);
        await queryRunner.query(`
            DROP TABLE "version_justifications"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_receipts_submission"
        `);
        await queryRunner.query(`
            DROP TABLE "receipts"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_entry_lock_exceptions_target"
        `);
        await queryRunner.query(`
            DROP TABLE "entry_lock_exceptions"
        `);
    }

}
