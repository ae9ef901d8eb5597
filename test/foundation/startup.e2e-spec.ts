import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { DEMO_PASSWORD, TEST_ADMIN_URL, testDatabaseUrl } from '../support/test-env';

const MAIN = join(__dirname, '..', '..', 'dist', 'src', 'main.js');

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function baseEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'test',
    DATABASE_URL: testDatabaseUrl(),
    REDIS_URL: process.env.REDIS_URL,
    REDIS_PREFIX: `${process.env.REDIS_PREFIX}-startup`,
    LOG_LEVEL: 'info',
    ...overrides,
  };
}

function runToExit(env: Record<string, string>, timeoutMs = 20000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN], { env: baseEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`did not exit: ${stdout}${stderr}`));
    }, timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts the service, waits for `marker` in its output, runs `whileUp`, then sends SIGTERM. */
async function runUntilReady(env: Record<string, string>, marker: RegExp, whileUp: () => Promise<void>): Promise<Run & { stopMs: number }> {
  const child = spawn(process.execPath, [MAIN], { env: baseEnv(env) });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready: ${stdout}${stderr}`)), 25000);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (marker.test(stdout)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', () => reject(new Error(`exited early: ${stdout}${stderr}`)));
  });
  await whileUp();
  const stopStarted = Date.now();
  child.kill('SIGTERM');
  const { code, signal } = await exited;
  return { code, signal, stdout, stderr, stopMs: Date.now() - stopStarted };
}

/** Starts the service and waits until it says it is up. */
async function startAndWait(env: Record<string, string>) {
  const child = spawn(process.execPath, [MAIN], { env: baseEnv(env) });
  const output = { stdout: '', stderr: '' };
  child.stderr.on('data', (chunk) => (output.stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready: ${output.stdout}${output.stderr}`)), 25000);
    child.stdout.on('data', (chunk) => {
      output.stdout += chunk;
      if (/listening on|worker started/.test(output.stdout)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return { child, output, exited };
}

async function stopWith(env: Record<string, string>, signal: NodeJS.Signals): Promise<Run> {
  const { child, output, exited } = await startAndWait(env);
  child.kill(signal);
  return { ...(await exited), ...output };
}

async function waitForText(output: { stdout: string }, text: string): Promise<void> {
  for (let waited = 0; !output.stdout.includes(text); waited += 20) {
    if (waited > 10000) throw new Error(`no "${text}" in: ${output.stdout}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('Start-up (node dist/src/main.js)', () => {
  beforeAll(() => {
    if (!existsSync(MAIN)) throw new Error('dist/src/main.js is missing: `npm test` builds it first (pretest)');
  });

  it('exits with one sentence naming PostgreSQL, where it looked and how to start it', async () => {
    const run = await runToExit({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/baocao' });
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^baocao: PostgreSQL is not usable at 127\.0\.0\.1:1 \(DATABASE_URL\)/);
    expect(lines[0]).toContain('docker compose up -d postgres');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits with one sentence naming Redis, where it looked and how to start it', async () => {
    const run = await runToExit({ REDIS_URL: 'redis://127.0.0.1:1/0' });
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^baocao: Redis is not reachable at 127\.0\.0\.1:1 \(REDIS_URL\)/);
    expect(lines[0]).toContain('docker compose up -d redis');
  });

  it('refuses a bad setting, naming the variable and what it expects', async () => {
    const run = await runToExit({ PORT: 'eighty', ROLE: 'both' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('PORT must be an integer port from 0 to 65535 (got "eighty")');
    expect(run.stderr).toContain('ROLE must be one of all, api, worker (got "both")');
  });

  it('refuses to start in production without a real JWT secret and a receipt signing key', async () => {
    const missing = await runToExit({ NODE_ENV: 'production' });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('JWT_SECRET must be set in production');
    expect(missing.stderr).toContain('RECEIPT_SIGNING_KEY must be set in production');
    const weak = await runToExit({ NODE_ENV: 'production', JWT_SECRET: 'baocao-development-only-secret-change-me' });
    expect(weak.stderr).toContain('JWT_SECRET must not be the development default');
  });

  it('creates a missing database, migrates it, serves, logs request ids, and stops cleanly on SIGTERM', async () => {
    const name = `${new URL(testDatabaseUrl()).pathname.slice(1)}_fresh`;
    const url = new URL(TEST_ADMIN_URL);
    url.pathname = `/${name}`;
    const port = await freePort();
    let ready: { status: number; body: { details: Record<string, { status: string }> } } | undefined;
    const run = await runUntilReady({ DATABASE_URL: url.toString(), PORT: String(port), HOST: '127.0.0.1' }, /listening on/, async () => {
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`, { headers: { 'x-request-id': 'startup-probe-1' } });
      ready = { status: response.status, body: (await response.json()) as { details: Record<string, { status: string }> } };
      await fetch(`http://127.0.0.1:${port}/api/v1/units`, { headers: { 'x-request-id': 'startup-probe-2' } });
    });
    try {
      expect(ready?.status).toBe(200);
      expect(run.code).toBe(0);
      expect(run.stopMs).toBeLessThan(15000);
      const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
      expect(lines.some((line) => /Applied migrations: Foundation/.test(line.msg))).toBe(true);
      expect(lines.at(-1).msg).toBe('shutdown complete');
      const banner = lines.find((line) => /listening on/.test(line.msg))?.msg as string;
      expect(banner).toMatch(/\n {2}Workspace +http:\/\/localhost:\d+\/\n {2}API +http:\/\/localhost:\d+\/api\/v1\n {2}OpenAPI +http:\/\/localhost:\d+\/api\/docs\n {2}Dashboard +http:\/\/localhost:\d+\/theo-doi\n/);
      expect(banner).toContain(`Node ${process.version}`);
      expect(lines.filter((line) => line.level >= 30 && /^Mapped \{/.test(line.msg))).toEqual([]);
      const requestLine = lines.find((line) => line.req?.url === '/api/v1/units');
      expect(requestLine).toMatchObject({ req: { id: 'startup-probe-2' }, res: { statusCode: 401 } });
      const admin = new Client({ connectionString: TEST_ADMIN_URL });
      await admin.connect();
      const { rows } = await admin.query(`SELECT count(*)::int AS count FROM pg_database WHERE datname = $1`, [name]);
      await admin.end();
      expect(rows[0].count).toBe(1);
    } finally {
      const admin = new Client({ connectionString: TEST_ADMIN_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  });

  it('creates the first admin from ADMIN_EMAIL/ADMIN_PASSWORD in production, and no demo accounts', async () => {
    const name = `${new URL(testDatabaseUrl()).pathname.slice(1)}_prod`;
    const url = new URL(TEST_ADMIN_URL);
    url.pathname = `/${name}`;
    const port = await freePort();
    const logins: Record<string, number> = {};
    try {
      const run = await runUntilReady(
        {
          NODE_ENV: 'production',
          JWT_SECRET: 'a-production-secret-with-more-than-32-characters',
          RECEIPT_SIGNING_KEY: randomBytes(32).toString('base64'),
          ADMIN_EMAIL: 'quantri@mst.gov.vn',
          ADMIN_PASSWORD: 'mat-khau-quan-tri-dai',
          DATABASE_URL: url.toString(),
          PORT: String(port),
          HOST: '127.0.0.1',
        },
        /listening on/,
        async () => {
          for (const [email, password] of [
            ['quantri@mst.gov.vn', 'mat-khau-quan-tri-dai'],
            ['admin@baocao.local', 'anything-at-all'],
          ]) {
            const response = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ email, password }),
            });
            logins[email] = response.status;
          }
        },
      );
      expect(run.code).toBe(0);
      expect(logins).toEqual({ 'quantri@mst.gov.vn': 200, 'admin@baocao.local': 401 });
    } finally {
      const admin = new Client({ connectionString: TEST_ADMIN_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  });

  it('runs the worker role alone without an HTTP listener and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const run = await runUntilReady({ ROLE: 'worker', PORT: String(port) }, /worker started/, async () => {
      await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
    });
    expect(run.code).toBe(0);
  });

  it('keeps draining when a second signal arrives (Ctrl-C reaches npm and node, and npm forwards its copy), then exits 0', async () => {
    const port = await freePort();
    const { child, output, exited } = await startAndWait({ PORT: String(port), HOST: '127.0.0.1' });
    // A request whose body has not fully arrived keeps the HTTP server draining until it ends.
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const body = JSON.stringify({ email: 'nobody@baocao.local', password: 'not-a-password' });
    socket.write(`POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 5)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    child.kill('SIGTERM');
    await waitForText(output, 'SIGTERM received');
    await new Promise((resolve) => setTimeout(resolve, 200));
    child.kill('SIGTERM');
    child.kill('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(child.exitCode).toBeNull();
    socket.end(body.slice(5));
    const { code, signal } = await exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(output.stdout).toContain('shutdown complete');
  });

  it('prints lines for people with LOG_FORMAT=pretty: the banner, no JSON, no route list', async () => {
    const port = await freePort();
    const run = await stopWith({ PORT: String(port), HOST: '127.0.0.1', LOG_FORMAT: 'pretty' }, 'SIGTERM');
    expect(run.code).toBe(0);
    const text = run.stdout.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
    expect(text).toMatch(/^\[\d{2}:\d{2}:\d{2}\] INFO: \[Bootstrap\] baocao api \+ worker listening on 127\.0\.0\.1:\d+/m);
    expect(text).toMatch(/^ {2}API +http:\/\/localhost:\d+\/api\/v1$/m);
    expect(text).not.toMatch(/^\{"level"/m);
    expect(text).not.toContain('Mapped {');
  });

  it('writes JSON lines when standard output is not a terminal, even in development', async () => {
    const port = await freePort();
    // Development seeds the demo accounts into the shared test database: with the suite's password, as every suite expects.
    const run = await stopWith({ PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'development', DEMO_PASSWORD }, 'SIGTERM');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines.every((line) => line.startsWith('{'))).toBe(true);
    expect(lines.map((line) => JSON.parse(line).msg)).toContain('shutdown complete');
  });
});
