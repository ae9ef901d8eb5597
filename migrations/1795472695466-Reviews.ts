import { MigrationInterface, QueryRunner } from "typeorm";

export class Reviews1795472695466 implements MigrationInterface {
    name = 'Reviews1795472695466'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "reviews" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "submission_id" uuid NOT NULL,
                "version_id" uuid NOT NULL,
                "submission_revision" integer NOT NULL,
                "decision" character varying(16) NOT NULL,
                "comment" text,
                "remarks" jsonb NOT NULL DEFAULT '[]',
                "reviewer_id" uuid,
                "reviewer_role" character varying(32),
                "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_reviews_submission_revision" UNIQUE ("submission_id", "submission_revision"),
                CONSTRAINT "ck_reviews_decision" CHECK (decision IN ('approve', 'return', 'reopen')),
                CONSTRAINT "PK_231ae565c273ee700b283f15c1d" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_reviews_submission" ON "reviews" ("submission_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "reviews"
            ADD CONSTRAINT "fk_reviews_submission" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "reviews"
            ADD CONSTRAINT "fk_reviews_version" FOREIGN KEY ("version_id") REFERENCES "submission_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "reviews" DROP CONSTRAINT "fk_reviews_version"
        `);
        await queryRunner.query(`
            ALTER TABLE "reviews" DROP CONSTRAINT "fk_reviews_submission"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_reviews_submission"
        `);
        await queryRunner.query(`
            DROP TABLE "reviews"
        `);
    }

}
