import Redis from 'ioredis';

// One script, so the loss is atomic like a restart: workers and ticks never see half of the keys gone.
const DELETE_BY_PATTERN = `
local cursor = '0'
local deleted = 0
repeat
  local page = redis.call('SCAN', cursor, 'MATCH', ARGV[1], 'COUNT', 1000)
  cursor = page[1]
  for _, key in ipairs(page[2]) do
    deleted = deleted + redis.call('DEL', key)
  end
until cursor == '0'
return deleted
`;

/** What a Redis restart without persistence does to the application: every key under its prefix is gone. */
export async function loseRedisData(prefix: string): Promise<number> {
  const redis = new Redis(process.env.REDIS_URL as string);
  try {
    return (await redis.eval(DELETE_BY_PATTERN, 0, `${prefix}:*`)) as number;
  } finally {
    redis.disconnect();
  }
}
