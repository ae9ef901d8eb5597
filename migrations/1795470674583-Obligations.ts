import { MigrationInterface, QueryRunner } from "typeorm";

export class Obligations1795470674583 implements MigrationInterface {
    name = 'Obligations1795470674583'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "calendar_overrides" (
                "date" date NOT NULL,
                "kind" character varying(16) NOT NULL,
                "reason" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_calendar_overrides_kind" CHECK (kind IN ('day_off', 'working_day')),
                CONSTRAINT "PK_5da0adcfdcb3ce929cd0845d9a4" PRIMARY KEY ("date")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "obligations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "code" character varying(64) NOT NULL,
                "title" text NOT NULL,
                "title_en" text,
                "legal_document" text NOT NULL,
                "legal_article" text,
                "issuing_body" text NOT NULL,
                "receiving_body" text,
                "period_type" character varying(16) NOT NULL,
                "cutoff_kind" character varying(16) NOT NULL,
                "deadline_rule" jsonb NOT NULL,
                "target_scope" character varying(16) NOT NULL,
                "target_unit_codes" text array NOT NULL DEFAULT '{}',
                "complies_when" character varying(16) NOT NULL,
                "reminder_policy" jsonb NOT NULL,
                "active_from" date NOT NULL,
                "retired_at" TIMESTAMP WITH TIME ZONE,
                "retired_reason" text,
                "revision" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_obligations_complies_when" CHECK (complies_when IN ('submitted', 'approved')),
                CONSTRAINT "ck_obligations_target_scope" CHECK (
                    target_scope IN ('all_provinces', 'listed_units')
                ),
                CONSTRAINT "ck_obligations_cutoff_kind" CHECK (cutoff_kind IN ('decree09', 'calendar')),
                CONSTRAINT "ck_obligations_period_type" CHECK (
                    period_type IN (
                        'monthly',
                        'quarterly',
                        'half_yearly',
                        'nine_monthly',
                        'yearly'
                    )
                ),
                CONSTRAINT "PK_6e661b1b461253d2bf5d57e518d" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_obligations_code" ON "obligations" ("code")
        `);
        await queryRunner.query(`
            CREATE TABLE "report_schema_versions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "obligation_id" uuid NOT NULL,
                "version" integer NOT NULL,
                "effective_from" date NOT NULL,
                "definition" jsonb NOT NULL,
                "change_note" text,
                "locked_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "created_by" uuid,
                CONSTRAINT "uq_report_schema_versions_obligation_version" UNIQUE ("obligation_id", "version"),
                CONSTRAINT "PK_ddedd5c163e5d858f3e92cc82db" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_report_schema_versions_obligation" ON "report_schema_versions" ("obligation_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "report_schema_versions"
            ADD CONSTRAINT "fk_report_schema_versions_obligation" FOREIGN KEY ("obligation_id") REFERENCES "obligations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "report_schema_versions" DROP CONSTRAINT "fk_report_schema_versions_obligation"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_report_schema_versions_obligation"
        `);
        await queryRunner.query(`
            DROP TABLE "report_schema_versions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_obligations_code"
        `);
        await queryRunner.query(`
            DROP TABLE "obligations"
        `);
        await queryRunner.query(`
            DROP TABLE "calendar_overrides"
        `);
    }

}
