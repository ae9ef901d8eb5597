/**
 * Runs the compiled application (`node dist/src/main.js`) as a child process, so its memory is
 * measured apart from the load generator. Every started child is killed when the bench exits.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');

/* global fetch */

const ROOT = path.resolve(__dirname, '..', '..');
/** BENCH_APP_MAIN: run another build of the app (e.g. an instrumented copy of dist/) instead. */
const MAIN = path.resolve(ROOT, process.env.BENCH_APP_MAIN ?? path.join('dist', 'src', 'main.js'));
const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 20_000;

const running = new Set();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** The node flags `npm run start:prod` gives the app, so that a benchmark measures the app as it runs in production. */
function productionNodeFlags() {
  const script = require(path.join(ROOT, 'package.json')).scripts['start:prod'];
  const match = /\bnode((?:\s+--[\w-]+(?:=\S+)?)*)\s+dist\//.exec(script);
  if (!match) throw new Error(`package.json's start:prod does not run node on dist/: ${script}`);
  return match[1].split(/\s+/).filter(Boolean);
}

/** The production flags, then extra ones, e.g. BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=bench/results/profiles". */
function nodeArgs() {
  return [...productionNodeFlags(), ...(process.env.BENCH_APP_NODE_ARGS ?? '').split(/\s+/).filter(Boolean)];
}

/** A TCP port that was free a moment ago. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the app with `env` added to this process's environment, waits for /health/ready (or, for
 * a process without HTTP such as ROLE=worker, until its log holds `readyLine`) and returns
 * { pid, baseUrl, stop() }. Output goes to `logFile`.
 */
async function startApp({ env, logFile, readyLine }) {
  if (!fs.existsSync(MAIN)) throw new Error(`${path.relative(ROOT, MAIN)} is missing: run \`nest build\` first (npm run bench does)`);
  const port = await freePort();
  const log = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [...nodeArgs(), MAIN], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}` },
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  running.add(child);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  exited.then(() => running.delete(child));

  const baseUrl = `http://127.0.0.1:${port}`;
  const app = { pid: child.pid, baseUrl, stop: () => stopChild(child, exited) };
  try {
    await waitReady(baseUrl, exited, logFile, readyLine);
  } catch (error) {
    await app.stop();
    throw error;
  }
  return app;
}

async function waitReady(baseUrl, exited, logFile, readyLine) {
  let gone = null;
  exited.then((status) => (gone = status));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`the app exited during start-up (${gone.code ?? gone.signal}); see ${logFile}`);
    if (readyLine) {
      if (fs.readFileSync(logFile, 'utf8').includes(readyLine)) return;
      await sleep(200);
      continue;
    }
    try {
      const response = await fetch(`${baseUrl}/health/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`the app was not ready after ${READY_TIMEOUT_MS / 1000} s; see ${logFile}`);
}

/** SIGTERM (the app drains and exits 0), then SIGKILL if it takes too long. */
async function stopChild(child, exited) {
  if (child.exitCode !== null || child.signalCode !== null) return exited;
  child.kill('SIGTERM');
  const timer = sleep(STOP_TIMEOUT_MS, 'timeout', { ref: false });
  if ((await Promise.race([exited, timer])) === 'timeout') child.kill('SIGKILL');
  return exited;
}

module.exports = { startApp, ROOT };
