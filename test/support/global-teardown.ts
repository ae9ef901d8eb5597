import Redis from 'ioredis';
import { Client } from 'pg';
import { TEST_ADMIN_URL } from './test-env';

export default async function globalTeardown(): Promise<void> {
  const database = new URL(process.env.DATABASE_URL as string).pathname.slice(1);
  const admin = new Client({ connectionString: TEST_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  const redis = new Redis(process.env.REDIS_URL as string);
  try {
    const prefix = process.env.REDIS_PREFIX as string;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
