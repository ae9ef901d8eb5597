import Redis from 'ioredis';

/** What a Redis restart without persistence does to the application: every key under its prefix is gone. */
export async function loseRedisData(prefix: string): Promise<number> {
  const redis = new Redis(process.env.REDIS_URL as string);
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) deleted += await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}
