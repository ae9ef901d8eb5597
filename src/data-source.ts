import { join } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { validateEnvironment } from './config/environment';
import { SnakeNamingStrategy } from './database/snake-naming.strategy';
import { ENTITIES } from './entities';

export function buildDataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    uuidExtension: 'pgcrypto',
    namingStrategy: new SnakeNamingStrategy(),
    entities: ENTITIES,
    migrations: [join(__dirname, '..', 'migrations', '*.{ts,js}')],
    migrationsTableName: 'migrations',
    synchronize: false,
    applicationName: 'baocao',
  };
}

/** What the TypeORM CLI loads (`-d dist/src/data-source.js`). */
export default new DataSource(buildDataSourceOptions(validateEnvironment(process.env).DATABASE_URL));
