import { MigrationInterface, QueryRunner } from "typeorm";

export class Mail1795470914438 implements MigrationInterface {
    name = 'Mail1795470914438'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "mail_messages" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "key" character varying(200) NOT NULL,
                "kind" character varying(64) NOT NULL,
                "to" text array NOT NULL,
                "cc" text array NOT NULL DEFAULT '{}',
                "subject" text NOT NULL,
                "html" text NOT NULL,
                "text" text NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'queued',
                "attempts" integer NOT NULL DEFAULT '0',
                "last_error" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "context" jsonb NOT NULL DEFAULT '{}',
                CONSTRAINT "ck_mail_messages_attempts" CHECK (attempts >= 0),
                CONSTRAINT "ck_mail_messages_status" CHECK (
                    status IN ('queued', 'sent', 'cancelled', 'failed')
                ),
                CONSTRAINT "PK_1bd6e76ef3b3d4aff7d0510a509" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_mail_messages_key" ON "mail_messages" ("key")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_mail_messages_status" ON "mail_messages" ("status")
        `);
        await queryRunner.query(`
            CREATE TABLE "mail_deliveries" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "message_id" uuid NOT NULL,
                "attempt" integer NOT NULL,
                "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "finished_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "outcome" character varying(32) NOT NULL,
                "smtp_response" text,
                "error" text,
                CONSTRAINT "uq_mail_deliveries_message_attempt" UNIQUE ("message_id", "attempt"),
                CONSTRAINT "ck_mail_deliveries_outcome" CHECK (
                    outcome IN (
                        'sent',
                        'transient_failure',
                        'permanent_failure',
                        'skipped'
                    )
                ),
                CONSTRAINT "PK_c3b04f863547fccfd11b4d4b11e" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "mail_deliveries"
            ADD CONSTRAINT "fk_mail_deliveries_message" FOREIGN KEY ("message_id") REFERENCES "mail_messages"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "mail_deliveries" DROP CONSTRAINT "fk_mail_deliveries_message"
        `);
        await queryRunner.query(`
            DROP TABLE "mail_deliveries"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_mail_messages_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_mail_messages_key"
        `);
        await queryRunner.query(`
            DROP TABLE "mail_messages"
        `);
    }

}
