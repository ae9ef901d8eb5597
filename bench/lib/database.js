/** Drops and recreates the benchmark's own PostgreSQL database, and clears its Redis keys. */
const { Client } = require('pg');
const Redis = require('ioredis');
const { URL } = require('node:url');

/** Runs statements on the server's maintenance database for a bench database; refuses any other name. */
async function onMaintenance(databaseUrl, work) {
  const target = new URL(databaseUrl);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^baocao_bench/.test(name)) throw new Error(`refusing to drop "${name}": the bench database name must start with baocao_bench`);
  const maintenance = new URL(databaseUrl);
  maintenance.pathname = '/postgres';
  const client = new Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    await work(client, name);
  } finally {
    await client.end();
  }
}

async function recreateDatabase(databaseUrl) {
  await onMaintenance(databaseUrl, async (client, name) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
}

/** Large bench databases go once measured. */
async function dropDatabase(databaseUrl) {
  await onMaintenance(databaseUrl, (client, name) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Deletes the keys under `prefix:` (BullMQ queues of earlier bench runs). */
async function clearRedisPrefix(redisUrl, prefix) {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

module.exports = { recreateDatabase, dropDatabase, clearRedisPrefix };
