import { Client } from 'pg';
import { runPendingMigrations } from '../../../src/bootstrap/migrate';
import type { Clock } from '../../../src/common/clock';
import { startTestApp, type TestApp } from '../../support/app';
import { overrideEnv } from '../../support/env-override';
import { TEST_ADMIN_URL, testDatabaseUrl } from '../../support/test-env';

/**
 * Compliance figures count every unit and submission, so each compliance suite runs the app on a
 * freshly migrated database of its own: other suites' data cannot change the hand-computed figures.
 */
export async function startOnOwnDatabase(suffix: string, clock: Clock): Promise<{ t: TestApp; stop: () => Promise<void> }> {
  const name = `${new URL(testDatabaseUrl()).pathname.slice(1)}_${suffix}`;
  const url = new URL(TEST_ADMIN_URL);
  url.pathname = `/${name}`;
  const admin = new Client({ connectionString: TEST_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await runPendingMigrations(url.toString());
  const restoreEnv = overrideEnv({ DATABASE_URL: url.toString() });
  const t = await startTestApp('all', { clock });
  return {
    t,
    stop: async () => {
      await t.close();
      restoreEnv();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
