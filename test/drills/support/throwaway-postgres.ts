import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../support/app-process';

const run = promisify(execFile);
const BIN = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';

/**
 * A PostgreSQL of a drill's own, never the shared one: initdb into a temporary folder and a free
 * port, run as the `postgres` OS user (PostgreSQL refuses root). Stopped and deleted by `remove`.
 */
export class ThrowawayPostgres {
  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  static async create(): Promise<ThrowawayPostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'baocao-drill-pg-'));
    const { uid, gid } = await postgresUser();
    chownSync(dir, uid, gid);
    const server = new ThrowawayPostgres(await freePort(), dir);
    await server.asPostgres(`${BIN}/initdb`, ['-D', server.data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
    await server.start();
    return server;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/baocao_drill`;
  }

  async start(): Promise<void> {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`;
    await this.asPostgres(`${BIN}/pg_ctl`, ['-D', this.data, '-l', join(this.dir, 'server.log'), '-o', options, '-w', 'start']);
  }

  /** `fast`: sessions are told to end (57P01), as on a planned restart; `immediate`: as on a crash. */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await this.asPostgres(`${BIN}/pg_ctl`, ['-D', this.data, '-m', mode, '-w', 'stop']);
  }

  async remove(): Promise<void> {
    await this.stop('immediate').catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private get data(): string {
    return join(this.dir, 'data');
  }

  private async asPostgres(command: string, args: string[]): Promise<void> {
    await run('runuser', ['-u', 'postgres', '--', command, ...args], { timeout: 60000 });
  }
}

async function postgresUser(): Promise<{ uid: number; gid: number }> {
  const [{ stdout: uid }, { stdout: gid }] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}
