import { MigrationInterface, QueryRunner } from "typeorm";

export class Foundation1795469976912 implements MigrationInterface {
    name = 'Foundation1795469976912'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "audit_events" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "actor_id" uuid,
                "actor_role" character varying(32),
                "action" character varying(64) NOT NULL,
                "entity_type" character varying(64) NOT NULL,
                "entity_id" text NOT NULL,
                "before" jsonb,
                "after" jsonb,
                "reason" text,
                "request_id" character varying(128),
                CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_audit_events_occurred_at" ON "audit_events" ("occurred_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_audit_events_action" ON "audit_events" ("action")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_audit_events_entity" ON "audit_events" ("entity_type", "entity_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "reporting_units" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "code" character varying(16) NOT NULL,
                "name" text NOT NULL,
                "name_ascii" text NOT NULL,
                "kind" character varying(16) NOT NULL,
                "region" text,
                "valid_from" date NOT NULL,
                "valid_to" date,
                "parent_id" uuid,
                "successor_id" uuid,
                "submitter_emails" text array NOT NULL DEFAULT '{}',
                "leadership_email" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_reporting_units_code_valid_from" UNIQUE ("code", "valid_from"),
                CONSTRAINT "ck_reporting_units_validity" CHECK (
                    valid_to IS NULL
                    OR valid_to >= valid_from
                ),
                CONSTRAINT "ck_reporting_units_kind" CHECK (
                    kind IN (
                        'municipality',
                        'province',
                        'ministry',
                        'commune'
                    )
                ),
                CONSTRAINT "PK_c7ba06359695ebac4e7f33ae38e" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_reporting_units_code" ON "reporting_units" ("code")
        `);
        await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "email" character varying(254) NOT NULL,
                "full_name" text NOT NULL,
                "password_hash" text NOT NULL,
                "role" character varying(32) NOT NULL,
                "unit_id" uuid,
                "active" boolean NOT NULL DEFAULT true,
                "password_changed_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_users_officer_unit" CHECK (
                    (role = 'province_officer') = (unit_id IS NOT NULL)
                ),
                CONSTRAINT "ck_users_role" CHECK (
                    role IN (
                        'province_officer',
                        'ministry_reviewer',
                        'compliance_officer',
                        'admin'
                    )
                ),
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_users_email" ON "users" ("email")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_users_unit_id" ON "users" ("unit_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "reporting_units"
            ADD CONSTRAINT "fk_reporting_units_parent" FOREIGN KEY ("parent_id") REFERENCES "reporting_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "reporting_units"
            ADD CONSTRAINT "fk_reporting_units_successor" FOREIGN KEY ("successor_id") REFERENCES "reporting_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "fk_users_unit" FOREIGN KEY ("unit_id") REFERENCES "reporting_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "fk_users_unit"
        `);
        await queryRunner.query(`
            ALTER TABLE "reporting_units" DROP CONSTRAINT "fk_reporting_units_successor"
        `);
        await queryRunner.query(`
            ALTER TABLE "reporting_units" DROP CONSTRAINT "fk_reporting_units_parent"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_users_unit_id"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_users_email"
        `);
        await queryRunner.query(`
            DROP TABLE "users"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_reporting_units_code"
        `);
        await queryRunner.query(`
            DROP TABLE "reporting_units"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_audit_events_entity"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_audit_events_action"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_audit_events_occurred_at"
        `);
        await queryRunner.query(`
            DROP TABLE "audit_events"
        `);
    }

}
