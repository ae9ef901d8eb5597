import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The original bytes of a version move from one bytea (`submission_versions.content`) into chunks of
 * 1 MiB (`submission_version_chunks`): an upload is written from its spooled file one chunk at a time
 * and downloaded the same way, so neither holds the whole file (nor pg's hex text of it, twice its size)
 * in memory. Existing content is split into chunks and the column is dropped; down joins them back.
 */
export class OriginalFileChunks1796537100000 implements MigrationInterface {
  name = 'OriginalFileChunks1796537100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "submission_version_chunks" (
        "version_id" uuid NOT NULL,
        "seq" integer NOT NULL,
        "data" bytea NOT NULL,
        CONSTRAINT "pk_submission_version_chunks" PRIMARY KEY ("version_id", "seq")
      )
    `);
    await queryRunner.query(`
      ALTER TABLE "submission_version_chunks"
      ADD CONSTRAINT "fk_submission_version_chunks_version" FOREIGN KEY ("version_id") REFERENCES "submission_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);
    await queryRunner.query(`ALTER TABLE "submission_version_chunks" ALTER COLUMN "data" SET COMPRESSION lz4`);
    // An empty content (none is stored, but the column allowed it) still gets its one, empty, chunk.
    await queryRunner.query(`
      INSERT INTO "submission_version_chunks" ("version_id", "seq", "data")
      SELECT v.id, c.seq, substring(v.content FROM c.seq * 1048576 + 1 FOR 1048576)
        FROM "submission_versions" v
       CROSS JOIN LATERAL generate_series(0, greatest(octet_length(v.content) - 1, 0) / 1048576) AS c(seq)
    `);
    await queryRunner.query(`ALTER TABLE "submission_versions" DROP COLUMN "content"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "submission_versions" ADD "content" bytea`);
    await queryRunner.query(`ALTER TABLE "submission_versions" ALTER COLUMN "content" SET COMPRESSION lz4`);
    await queryRunner.query(`
      UPDATE "submission_versions" v
         SET content = (SELECT string_agg(c.data, ''::bytea ORDER BY c.seq) FROM "submission_version_chunks" c WHERE c.version_id = v.id)
    `);
    await queryRunner.query(`UPDATE "submission_versions" SET content = ''::bytea WHERE content IS NULL`);
    await queryRunner.query(`ALTER TABLE "submission_versions" ALTER COLUMN "content" SET NOT NULL`);
    await queryRunner.query(`DROP TABLE "submission_version_chunks"`);
  }
}
