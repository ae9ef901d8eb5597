import { MigrationInterface, QueryRunner } from "typeorm";

export class Reminders1795473323357 implements MigrationInterface {
    name = 'Reminders1795473323357'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "reminders" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "obligation_id" uuid NOT NULL,
                "period_key" character varying(16) NOT NULL,
                "unit_id" uuid NOT NULL,
                "stage" character varying(32) NOT NULL,
                "trigger" character varying(16) NOT NULL,
                "status" character varying(24) NOT NULL,
                "reason" text,
                "due_date" date NOT NULL,
                "days_until_due" integer NOT NULL,
                "escalated" boolean NOT NULL DEFAULT false,
                "submission_status" character varying(16) NOT NULL,
                "to" text array NOT NULL DEFAULT '{}',
                "cc" text array NOT NULL DEFAULT '{}',
                "mail_key" character varying(200),
                "requested_by" uuid,
                "planned_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_reminders_stage" UNIQUE (
                    "obligation_id",
                    "period_key",
                    "unit_id",
                    "stage"
                ),
                CONSTRAINT "ck_reminders_mail_key" CHECK ((status = 'planned') = (mail_key IS NOT NULL)),
                CONSTRAINT "ck_reminders_trigger" CHECK (trigger IN ('schedule', 'manual')),
                CONSTRAINT "ck_reminders_status" CHECK (
                    status IN ('planned', 'skipped_cap', 'skipped_no_address')
                ),
                CONSTRAINT "PK_38715fec7f634b72c6cf7ea4893" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_reminders_mail_key" ON "reminders" ("mail_key")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_reminders_unit_planned_at" ON "reminders" ("unit_id", "planned_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "reminders"
            ADD CONSTRAINT "fk_reminders_obligation" FOREIGN KEY ("obligation_id") REFERENCES "obligations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "reminders"
            ADD CONSTRAINT "fk_reminders_unit" FOREIGN KEY ("unit_id") REFERENCES "reporting_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "reminders" DROP CONSTRAINT "fk_reminders_unit"
        `);
        await queryRunner.query(`
            ALTER TABLE "reminders" DROP CONSTRAINT "fk_reminders_obligation"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_reminders_unit_planned_at"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_reminders_mail_key"
        `);
        await queryRunner.query(`
            DROP TABLE "reminders"
        `);
    }

}
