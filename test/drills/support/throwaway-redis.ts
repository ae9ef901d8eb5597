import { type ChildProcess, spawn } from 'node:child_process';
import Redis from 'ioredis';
import { freePort } from '../../support/app-process';
import { waitFor } from '../../support/wait-for';

/**
 * A Redis of a drill's own (`redis-server --port <free> --save ''`), never the shared one. A restart
 * is what production sees from a Redis without persistence: the same address, no data.
 */
export class ThrowawayRedis {
  private server: ChildProcess | undefined;

  private constructor(readonly port: number) {}

  static async create(): Promise<ThrowawayRedis> {
    const redis = new ThrowawayRedis(await freePort());
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}/0`;
  }

  async start(): Promise<void> {
    this.server = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await waitFor('the throwaway Redis to answer', () => this.ping(), { timeoutMs: 10000 });
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server || server.exitCode !== null) return;
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGKILL');
    await exited;
  }

  /** Keys in the database right now. */
  async size(): Promise<number> {
    const client = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0 });
    try {
      await client.connect();
      return await client.dbsize();
    } finally {
      client.disconnect();
    }
  }

  private ping(): Promise<boolean> {
    return this.size().then(
      () => true,
      () => false,
    );
  }
}
