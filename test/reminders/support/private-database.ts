import { Client } from 'pg';
import { runPendingMigrations } from '../../../src/bootstrap/migrate';
import { TEST_ADMIN_URL, testDatabaseUrl } from '../../support/test-env';

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A migrated database of its own for a reminders spec: the scheduler plans for every obligation in
 * its database, so the units and obligations other specs create in the run's database must not be there.
 */
export async function createPrivateDatabase(suffix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${new URL(testDatabaseUrl()).pathname.slice(1)}_${suffix}`;
  await admin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(TEST_ADMIN_URL);
  url.pathname = `/${name}`;
  await runPendingMigrations(url.toString());
  return { url: url.toString(), drop: () => admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined) };
}
