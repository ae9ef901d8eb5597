import { MigrationInterface, QueryRunner } from "typeorm";

export class Submissions1795471445825 implements MigrationInterface {
    name = 'Submissions1795471445825'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "submissions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "obligation_id" uuid NOT NULL,
                "period_key" character varying(16) NOT NULL,
                "unit_id" uuid NOT NULL,
                "status" character varying(16) NOT NULL,
                "current_version_id" uuid,
                "submitted_version_id" uuid,
                "first_submitted_at" TIMESTAMP WITH TIME ZONE,
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "due_date" date,
                "on_time" boolean,
                "days_late" integer,
                "version_count" integer NOT NULL DEFAULT '0',
                "revision" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_submissions_obligation_period_unit" UNIQUE ("obligation_id", "period_key", "unit_id"),
                CONSTRAINT "ck_submissions_status" CHECK (
                    status IN (
                        'not_started',
                        'draft',
                        'submitted',
                        'returned',
                        'approved'
                    )
                ),
                CONSTRAINT "PK_10b3be95b8b2fb1e482e07d706b" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_submissions_unit" ON "submissions" ("unit_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_submissions_period_status" ON "submissions" ("obligation_id", "period_key", "status")
        `);
        await queryRunner.query(`
            CREATE TABLE "submission_versions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "submission_id" uuid NOT NULL,
                "number" integer NOT NULL,
                "schema_version_id" uuid NOT NULL,
                "sha256" character(64) NOT NULL,
                "size_bytes" integer NOT NULL,
                "media_type" character varying(200) NOT NULL,
                "format" character varying(8) NOT NULL,
                "original_name" character varying(255) NOT NULL,
                "content" bytea NOT NULL,
                "valid" boolean NOT NULL,
                "rows_read" integer NOT NULL,
                "error_count" integer NOT NULL,
                "warning_count" integer NOT NULL,
                "report" jsonb NOT NULL,
                "uploaded_by" uuid,
                "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_submission_versions_sha256" UNIQUE ("submission_id", "sha256"),
                CONSTRAINT "uq_submission_versions_number" UNIQUE ("submission_id", "number"),
                CONSTRAINT "PK_47df3ef399d70ac2133f7d07090" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_submission_versions_uploaded_by" ON "submission_versions" ("uploaded_by")
        `);
        await queryRunner.query(`
            CREATE TABLE "submission_rows" (
                "version_id" uuid NOT NULL,
                "row_number" integer NOT NULL,
                "data" jsonb NOT NULL,
                CONSTRAINT "PK_0299a3802878f4798fb5d01182a" PRIMARY KEY ("version_id", "row_number")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "submissions"
            ADD CONSTRAINT "fk_submissions_obligation" FOREIGN KEY ("obligation_id") REFERENCES "obligations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "submissions"
            ADD CONSTRAINT "fk_submissions_unit" FOREIGN KEY ("unit_id") REFERENCES "reporting_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "submission_versions"
            ADD CONSTRAINT "fk_submission_versions_submission" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "submission_versions"
            ADD CONSTRAINT "fk_submission_versions_schema" FOREIGN KEY ("schema_version_id") REFERENCES "report_schema_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "submission_rows"
            ADD CONSTRAINT "fk_submission_rows_version" FOREIGN KEY ("version_id") REFERENCES "submission_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "submission_rows" DROP CONSTRAINT "fk_submission_rows_version"
        `);
        await queryRunner.query(`
            ALTER TABLE "submission_versions" DROP CONSTRAINT "fk_submission_versions_schema"
        `);
        await queryRunner.query(`
            ALTER TABLE "submission_versions" DROP CONSTRAINT "fk_submission_versions_submission"
        `);
        await queryRunner.query(`
            ALTER TABLE "submissions" DROP CONSTRAINT "fk_submissions_unit"
        `);
        await queryRunner.query(`
            ALTER TABLE "submissions" DROP CONSTRAINT "fk_submissions_obligation"
        `);
        await queryRunner.query(`
            DROP TABLE "submission_rows"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_submission_versions_uploaded_by"
        `);
        await queryRunner.query(`
            DROP TABLE "submission_versions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_submissions_period_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_submissions_unit"
        `);
        await queryRunner.query(`
            DROP TABLE "submissions"
        `);
    }

}
