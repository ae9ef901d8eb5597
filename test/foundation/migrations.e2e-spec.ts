import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { runPendingMigrations } from '../../src/bootstrap/migrate';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { TEST_ADMIN_URL, testDatabaseUrl } from '../support/test-env';

describe('Migrations', () => {
  const name = `${new URL(testDatabaseUrl()).pathname.slice(1)}_empty`;
  const url = (() => {
    const u = new URL(TEST_ADMIN_URL);
    u.pathname = `/${name}`;
    return u.toString();
  })();
  const admin = new Client({ connectionString: TEST_ADMIN_URL });

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
  });
  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it('run on an empty database, then find nothing left to apply', async () => {
    const applied = await runPendingMigrations(url);
    expect(applied.length).toBeGreaterThanOrEqual(2);
    expect(await runPendingMigrations(url)).toEqual([]);
  });

  it('leave no drift between the entities and the schema (what migration:generate --check tests)', async () => {
    const dataSource = new DataSource(buildDataSourceOptions(url));
    await dataSource.initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('make the audit table append-only at the database level', async () => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`INSERT INTO audit_events (action, entity_type, entity_id) VALUES ('test.event', 'test', '1')`);
      await expect(client.query(`UPDATE audit_events SET reason = 'rewritten'`)).rejects.toThrow(/append-only/);
      await expect(client.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
      await expect(client.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
      const { rows } = await client.query('SELECT count(*)::int AS count FROM audit_events');
      expect(rows[0].count).toBe(1);
    } finally {
      await client.end();
    }
  });
});
