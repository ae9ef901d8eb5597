import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../database/data-source-options';

// Any constant shared by all processes: api and worker started together must not both migrate.
const MIGRATION_LOCK_KEY = 4_711_2016;

/** Applies pending migrations under an advisory lock; returns the names applied. */
export async function runPendingMigrations(databaseUrl: string): Promise<string[]> {
  const dataSource = new DataSource({ ...buildDataSourceOptions(databaseUrl), migrationsTransactionMode: 'each' });
  await dataSource.initialize();
  try {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
      await runner.release();
    }
  } finally {
    await dataSource.destroy();
  }
}
