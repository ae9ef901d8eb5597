import { Client } from 'pg';
import { runPendingMigrations } from '../../src/bootstrap/migrate';
import { DEMO_PASSWORD, TEST_ADMIN_URL } from './test-env';

/** One fresh, migrated database and a private Redis prefix per test run. */
export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}_${process.pid}`;
  const database = `baocao_test_${runId}`;
  const admin = new Client({ connectionString: TEST_ADMIN_URL });
  await admin.connect();
  try {
    await dropStaleTestDatabases(admin);
    await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_ADMIN_URL);
  url.pathname = `/${database}`;
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: url.toString(),
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/9',
    REDIS_PREFIX: `baocao-test-${runId}`,
    DEMO_SEED: 'true',
    DEMO_PASSWORD,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
  });
  await runPendingMigrations(process.env.DATABASE_URL as string);
}

const STALE_AFTER_MS = 6 * 3600_000;

/** Databases of earlier runs that were interrupted before their teardown (old enough not to be a concurrent run's). */
async function dropStaleTestDatabases(admin: Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'baocao\\_test\\_%'`);
  for (const { datname } of rows) {
    const startedAt = parseInt(datname.split('_')[2] ?? '', 36);
    if (Number.isFinite(startedAt) && Date.now() - startedAt > STALE_AFTER_MS) {
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  }
}
