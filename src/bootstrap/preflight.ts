import Redis from 'ioredis';
import { Client } from 'pg';
import type { Environment } from '../config/environment';
import { redisOptions } from '../redis/redis.module';
import { StartupError } from './startup-error';

const CONNECT_TIMEOUT_MS = 5000;

const where = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || (parsed.protocol.startsWith('redis') ? 6379 : 5432)}`;
};

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN']);

function isUnreachable(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return (code !== undefined && UNREACHABLE.has(code)) || /timeout|terminated unexpectedly/i.test((error as Error).message);
}

/** Checks that PostgreSQL answers and creates the application's database when it does not exist yet. */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const target = new URL(databaseUrl);
  const name = decodeURIComponent(target.pathname.slice(1));
  try {
    await withClient(databaseUrl, async () => undefined);
    return;
  } catch (error) {
    if ((error as { code?: string }).code !== '3D000') throw explainPostgres(error, databaseUrl);
  }
  const maintenance = new URL(databaseUrl);
  maintenance.pathname = '/postgres';
  try {
    await withClient(maintenance.toString(), async (client) => {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    });
  } catch (error) {
    if ((error as { code?: string }).code === '42P04') return; // created meanwhile by another process
    throw explainPostgres(error, databaseUrl, `could not create database "${name}"`);
  }
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function explainPostgres(error: unknown, url: string, what = 'cannot connect'): StartupError {
  const reason = (error as Error).message;
  const hint = isUnreachable(error)
    ? 'start it with `docker compose up -d postgres` (or your system service, e.g. `pg_ctlcluster <version> main start`), or set DATABASE_URL'
    : 'check the user, password and database in DATABASE_URL';
  return new StartupError(
    `PostgreSQL is not usable at ${where(url)} (DATABASE_URL): ${what} (${reason}); ${hint}. ` +
      `Không kết nối được PostgreSQL tại ${where(url)}.`,
  );
}

/** Checks that Redis answers a PING. */
export async function ensureRedis(redisUrl: string): Promise<void> {
  const client = new Redis({
    ...redisOptions(redisUrl),
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    throw new StartupError(
      `Redis is not reachable at ${where(redisUrl)} (REDIS_URL): ${(error as Error).message}; ` +
        'start it with `docker compose up -d redis` (or `redis-server --daemonize yes`), or set REDIS_URL. ' +
        `Không kết nối được Redis tại ${where(redisUrl)}.`,
    );
  } finally {
    client.disconnect();
  }
}

export async function preflight(env: Environment): Promise<void> {
  await ensureDatabase(env.DATABASE_URL);
  await ensureRedis(env.REDIS_URL);
}
