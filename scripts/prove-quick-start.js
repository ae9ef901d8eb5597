#!/usr/bin/env node
// CI's proof that the README's quick start works as a new user would run it: the README's start
// command, exactly as written (only DATABASE_URL, pointing at a fresh database, and a free PORT
// added), reaches /health/ready; the demo password is read from the start-up log; officer.01 signs
// in and calls the API; SIGTERM stops everything cleanly, with exit code 0, within the grace period.
'use strict';
const { spawn } = require('node:child_process');
const { readFileSync } = require('node:fs');
const { createServer } = require('node:net');
const { join } = require('node:path');
const { Client } = require('pg');
const { quickStartCommands } = require('./readme-commands');

const ROOT = join(__dirname, '..');
const ADMIN_URL = process.env.QUICK_START_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const READY_WITHIN_MS = 300_000;
const GRACE_MS = 15_000; // SHUTDOWN_GRACE_MS's default, which the README promises

function step(message) {
  console.log(`quick-start: ${message}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function withAdmin(sql) {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForReady(port, child, output) {
  const deadline = Date.now() + READY_WITHIN_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the start command exited (${child.exitCode ?? child.signalCode}) before /health/ready answered:\n${output()}`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`/health/ready did not answer 200 within ${READY_WITHIN_MS / 1000} s:\n${output()}`);
}

function demoPasswordFrom(log) {
  // The banner prints `Demo password: "…"`; in JSON log lines the quotes arrive escaped.
  const match = /Demo password: \\?"([^"\\]+)\\?"/.exec(log);
  if (!match) throw new Error(`no generated demo password in the start-up log:\n${log}`);
  return match[1];
}

async function signInAndCallApi(port, password) {
  const base = `http://127.0.0.1:${port}/api/v1`;
  const login = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'officer.01@baocao.local', password }),
  });
  if (login.status !== 200) throw new Error(`login as officer.01 answered ${login.status}: ${await login.text()}`);
  const { accessToken } = await login.json();
  if (typeof accessToken !== 'string') throw new Error('login answered without an accessToken');
  const units = await fetch(`${base}/units?code=01`, { headers: { authorization: `Bearer ${accessToken}` } });
  const body = await units.text();
  if (units.status !== 200) throw new Error(`GET /units with the token answered ${units.status}: ${body}`);
  if (!body.includes('Hà Nội')) throw new Error(`GET /units?code=01 did not list Hà Nội: ${body.slice(0, 300)}`);
  return units.status;
}

async function main() {
  const { start } = quickStartCommands(readFileSync(join(ROOT, 'README.md'), 'utf8'));
  const database = `baocao_quickstart_${Date.now().toString(36)}`;
  const port = await freePort();
  const databaseUrl = new URL(ADMIN_URL);
  databaseUrl.pathname = `/${database}`;
  step(`running the README's start command \`${start}\` with DATABASE_URL=${databaseUrl} PORT=${port}`);

  const env = { ...process.env, DATABASE_URL: databaseUrl.toString(), PORT: String(port) };
  for (const key of ['DEMO_PASSWORD', 'NODE_ENV', 'ROLE', 'LOG_LEVEL', 'LOG_FORMAT']) delete env[key]; // a new user's shell
  const child = spawn('bash', ['-c', start], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const tail = () => log.split('\n').slice(-40).join('\n');

  try {
    const startedAt = Date.now();
    await waitForReady(port, child, tail);
    step(`/health/ready answered 200 after ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
    const password = demoPasswordFrom(log);
    step('read the generated demo password from the start-up log');
    const status = await signInAndCallApi(port, password);
    step(`signed in as officer.01@baocao.local; GET /api/v1/units?code=01 with the token answered ${status}`);

    const stopAt = Date.now();
    process.kill(child.pid, 'SIGTERM');
    const timer = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), GRACE_MS + 5000);
    const { code, signal } = await exited;
    clearTimeout(timer);
    const stopMs = Date.now() - stopAt;
    await new Promise((resolve) => setTimeout(resolve, 500));
    const leftovers = groupAlive(child.pid);
    step(`SIGTERM: exit code ${code ?? signal} after ${stopMs} ms${leftovers ? '; processes of the command were left running' : ''}`);
    if (code !== 0) throw new Error(`the start command exited with ${code ?? signal} on SIGTERM, not 0 as the README promises:\n${tail()}`);
    if (stopMs > GRACE_MS) throw new Error(`stopping took ${stopMs} ms, more than the ${GRACE_MS} ms grace period`);
    if (leftovers) throw new Error('processes of the start command were still running after it exited');
    if (!/shutdown complete/.test(log)) throw new Error(`the log does not say "shutdown complete":\n${tail()}`);
    step('passed');
  } finally {
    if (groupAlive(child.pid)) process.kill(-child.pid, 'SIGKILL');
    await withAdmin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  }
}

main().catch((error) => {
  console.error(`quick-start: FAILED: ${error.message}`);
  process.exit(1);
});
