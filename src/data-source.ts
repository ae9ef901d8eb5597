import { DataSource } from 'typeorm';
import { validateEnvironment } from './config/environment';
import { buildDataSourceOptions } from './database/data-source-options';

/** What the TypeORM CLI loads (`-d dist/src/data-source.js`); the application builds its own. */
export default new DataSource(buildDataSourceOptions(validateEnvironment(process.env).DATABASE_URL));
