import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cookie sessions of the web workspace: the SHA-256 of each session's random token (never the token
 * itself), its user, when it was last used and when it ends; signing out sets revoked_at.
 */
export class WebSessions1796525400899 implements MigrationInterface {
  name = 'WebSessions1796525400899';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "web_sessions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "token_hash" character(64) NOT NULL,
        "user_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_3ae6bbf6cb5ac95b7f617d395d3" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`
      CREATE UNIQUE INDEX "uq_web_sessions_token_hash" ON "web_sessions" ("token_hash")
    `);
    await queryRunner.query(`
      CREATE INDEX "ix_web_sessions_user_id" ON "web_sessions" ("user_id")
    `);
    await queryRunner.query(`
      ALTER TABLE "web_sessions"
      ADD CONSTRAINT "fk_web_sessions_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "web_sessions" DROP CONSTRAINT "fk_web_sessions_user"
    `);
    await queryRunner.query(`
      DROP INDEX "public"."ix_web_sessions_user_id"
    `);
    await queryRunner.query(`
      DROP INDEX "public"."uq_web_sessions_token_hash"
    `);
    await queryRunner.query(`
      DROP TABLE "web_sessions"
    `);
  }
}
