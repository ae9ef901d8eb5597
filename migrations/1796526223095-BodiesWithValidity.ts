import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bodies carry dates: the issuing and receiving body of an obligation (obligation_bodies) and the
 * name of each unit's reporting department (department_names, a pattern over the unit's place
 * name, for all units or one), so that the ministry's and the Sở's 2025 reorganisation (Sở TT&TT ->
 * Sở KH&CN from 01/03/2025) names the body in force on each day. Rows are loaded at start-up.
 */
export class BodiesWithValidity1796526223095 implements MigrationInterface {
  name = 'BodiesWithValidity1796526223095';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "obligation_bodies" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "obligation_id" uuid NOT NULL,
        "role" character varying(16) NOT NULL,
        "name" text NOT NULL,
        "valid_from" date NOT NULL,
        "valid_to" date,
        "legal_basis" text,
        CONSTRAINT "uq_obligation_bodies_role_from" UNIQUE ("obligation_id", "role", "valid_from"),
        CONSTRAINT "ck_obligation_bodies_validity" CHECK (
          valid_to IS NULL
          OR valid_to >= valid_from
        ),
        CONSTRAINT "ck_obligation_bodies_role" CHECK (role IN ('issuing', 'receiving')),
        CONSTRAINT "PK_53d436449601e9ecd74731a24cd" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`
      CREATE TABLE "department_names" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "unit_id" uuid,
        "name_pattern" text NOT NULL,
        "valid_from" date NOT NULL,
        "valid_to" date,
        "legal_basis" text,
        CONSTRAINT "ck_department_names_pattern" CHECK (name_pattern LIKE '%{place}%'),
        CONSTRAINT "ck_department_names_validity" CHECK (
          valid_to IS NULL
          OR valid_to >= valid_from
        ),
        CONSTRAINT "PK_31487b0cd36f45944d3e5625f95" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`
      CREATE UNIQUE INDEX "uq_department_names_unit_from" ON "department_names" ("unit_id", "valid_from")
      WHERE unit_id IS NOT NULL
    `);
    await queryRunner.query(`
      CREATE UNIQUE INDEX "uq_department_names_general_from" ON "department_names" ("valid_from")
      WHERE unit_id IS NULL
    `);
    await queryRunner.query(`
      ALTER TABLE "obligation_bodies"
      ADD CONSTRAINT "fk_obligation_bodies_obligation" FOREIGN KEY ("obligation_id") REFERENCES "obligations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
      ALTER TABLE "department_names"
      ADD CONSTRAINT "fk_department_names_unit" FOREIGN KEY ("unit_id") REFERENCES "reporting_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "department_names" DROP CONSTRAINT "fk_department_names_unit"
    `);
    await queryRunner.query(`
      ALTER TABLE "obligation_bodies" DROP CONSTRAINT "fk_obligation_bodies_obligation"
    `);
    await queryRunner.query(`
      DROP INDEX "public"."uq_department_names_general_from"
    `);
    await queryRunner.query(`
      DROP INDEX "public"."uq_department_names_unit_from"
    `);
    await queryRunner.query(`
      DROP TABLE "department_names"
    `);
    await queryRunner.query(`
      DROP TABLE "obligation_bodies"
    `);
  }
}
