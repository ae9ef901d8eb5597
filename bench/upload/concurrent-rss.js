/**
 * Memory per upload in flight (issue #15): the built app (a child process) receives 1, then 16
 * concurrent ~20 MB CSV uploads, each for a different province so that none is a duplicate, while
 * its RSS is sampled. Reports idle RSS, peak RSS and the added RSS per upload in flight,
 * (peak - idle) / concurrency, with the wall time and throughput of each round.
 *
 *   npx nest build && node bench/upload/concurrent-rss.js
 *   BENCH_APP_MAIN=bench/results/before/dist/src/main.js node bench/upload/concurrent-rss.js   (another build)
 *
 * Writes bench/results/concurrent-rss.json.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');
const { startApp, ROOT } = require('../lib/app-process');
const { expectStatus, login, uploadFile } = require('../lib/api');
const { clearRedisPrefix, recreateDatabase } = require('../lib/database');
const { readCpuSeconds, readStatus, resetPeak, toMb } = require('../lib/process-stats');
const { formatTable } = require('../lib/table');
const { writeCsv } = require('./generate');
const { CODE, OBLIGATION, SCHEMA_VERSION } = require('./schema');

const TARGET_BYTES = Number(process.env.BENCH_FILE_BYTES ?? 20 * 1000 * 1000);
const ROUNDS = (process.env.BENCH_CONCURRENCY ?? '1,16').split(',').map(Number);
const SAMPLE_MS = 25;
const RESULTS_DIR = path.join(ROOT, 'bench', 'results');
const DATA_DIR = path.join(RESULTS_DIR, 'data');
const DEMO_PASSWORD = 'bench-demo-password';
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/baocao_bench_rss';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const REDIS_PREFIX = 'baocao-bench-rss';

const APP_ENV = {
  NODE_ENV: 'development',
  ROLE: 'api',
  DATABASE_URL,
  REDIS_URL,
  REDIS_PREFIX,
  DEMO_SEED: 'true',
  DEMO_PASSWORD,
  LOG_LEVEL: 'warn',
  LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
  OUTBOX_DIR: path.join(RESULTS_DIR, 'outbox'),
  UPLOAD_MAX_BYTES: String(64 * 1024 * 1024),
  UPLOAD_MAX_ROWS: '400000',
};

const say = (text) => console.log(`[concurrent-rss] ${text}`);
const logFile = (label) => path.join(RESULTS_DIR, `concurrent-rss-${label}.log`);

/** A CSV of about TARGET_BYTES: a small file tells the bytes per row, then the real one is written. */
function generateFile() {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const probe = path.join(DATA_DIR, 'rss-probe.csv');
  const perRow = writeCsv(probe, 2000) / 2000;
  fs.rmSync(probe);
  const rows = Math.round(TARGET_BYTES / perRow);
  const file = path.join(DATA_DIR, `rss-${rows}.csv`);
  const bytes = fs.existsSync(file) ? fs.statSync(file).size : writeCsv(file, rows);
  say(`CSV of ${rows} rows, ${(bytes / 1e6).toFixed(1)} MB`);
  return { file, rows, bytes };
}

async function currentPeriod(baseUrl, token) {
  const { items } = await expectStatus([200], baseUrl, 'GET', `/api/v1/obligations/${CODE}/periods`, { token });
  const started = items.filter((period) => period.status !== 'upcoming');
  const current = started.filter((period) => period.status === 'open' || period.status === 'due').pop() ?? started.pop();
  if (!current) throw new Error(`no period of ${CODE} has started yet`);
  return current.key;
}

/** Fresh database, the bench obligation and schema; the admin uploads for every province. */
async function prepare() {
  await recreateDatabase(DATABASE_URL);
  await clearRedisPrefix(REDIS_URL, REDIS_PREFIX);
  fs.rmSync(logFile('app'), { force: true });
  const app = await startApp({ env: APP_ENV, logFile: logFile('app') });
  try {
    const admin = await login(app.baseUrl, 'admin@baocao.local', DEMO_PASSWORD);
    await expectStatus([201], app.baseUrl, 'POST', '/api/v1/obligations', { token: admin, body: OBLIGATION });
    await expectStatus([201], app.baseUrl, 'POST', `/api/v1/obligations/${CODE}/schemas`, { token: admin, body: SCHEMA_VERSION });
    const period = await currentPeriod(app.baseUrl, admin);
    const units = (await expectStatus([200], app.baseUrl, 'GET', '/api/v1/units', { token: admin })).items.filter((unit) => unit.kind === 'province' || unit.kind === 'municipality');
    return { admin, period, units };
  } finally {
    await app.stop();
  }
}

/** `concurrency` uploads at once to as many units, in a freshly started app whose RSS is sampled meanwhile. */
async function round(concurrency, units, bytes, setup) {
  const app = await startApp({ env: APP_ENV, logFile: logFile('app') });
  try {
    await sleep(2000);
    const idle = readStatus(app.pid).rssKb;
    const exact = resetPeak(app.pid);
    let sampledPeak = idle;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        try {
          sampledPeak = Math.max(sampledPeak, readStatus(app.pid).rssKb);
        } catch {
          return;
        }
        await sleep(SAMPLE_MS);
      }
    })();
    const cpuBefore = readCpuSeconds(app.pid);
    const started = Date.now();
    const responses = await Promise.all(
      units.map((unit) =>
        uploadFile(app.baseUrl, `/api/v1/obligations/${CODE}/periods/${setup.period}/units/${unit.id}/submission/versions`, {
          token: setup.admin,
          bytes,
          fileName: 'chi-tiet-giay-phep.csv',
          mediaType: 'text/csv',
        }),
      ),
    );
    const wallMs = Date.now() - started;
    const cpuSeconds = readCpuSeconds(app.pid) - cpuBefore;
    sampling = false;
    await sampler;
    const status = readStatus(app.pid);
    const peak = Math.max(sampledPeak, exact ? status.peakKb : 0);
    const refused = responses.filter((response) => response.status !== 201);
    if (refused.length > 0) throw new Error(`${refused.length} uploads refused, first: ${refused[0].status} ${JSON.stringify(refused[0].body).slice(0, 500)}`);
    return {
      concurrency,
      idleRssMb: toMb(idle),
      peakRssMb: toMb(peak),
      addedPerUploadMb: toMb((peak - idle) / concurrency),
      wallSeconds: wallMs / 1000,
      // The app's own user+system time: less sensitive than wall time to other work on the machine (PostgreSQL's excluded).
      appCpuSeconds: cpuSeconds,
      mbPerSecond: (bytes.length * concurrency) / 1e6 / (wallMs / 1000),
      slowestUploadSeconds: Math.max(...responses.map((response) => response.ms)) / 1000,
      rowsRead: responses[0].body.report.rowsRead,
      peakFromHwm: exact,
    };
  } finally {
    await app.stop();
  }
}

async function main() {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const loadStart = os.loadavg();
  const { file, rows, bytes } = generateFile();
  const setup = await prepare();
  const content = fs.readFileSync(file);
  const results = [];
  let next = 0;
  for (const concurrency of ROUNDS) {
    const units = setup.units.slice(next, next + concurrency);
    if (units.length < concurrency) throw new Error(`only ${setup.units.length} units to upload for`);
    next += concurrency;
    say(`${concurrency} concurrent upload(s)…`);
    results.push(await round(concurrency, units, content, setup));
  }
  const loadEnd = os.loadavg();
  const lines = formatTable(
    ['uploads in flight', 'idle RSS MB', 'peak RSS MB', 'added per upload MB', 'wall s', 'MB/s', 'slowest s', 'app CPU s'],
    results.map((r) => [
      r.concurrency,
      r.idleRssMb.toFixed(1),
      r.peakRssMb.toFixed(1),
      r.addedPerUploadMb.toFixed(1),
      r.wallSeconds.toFixed(1),
      r.mbPerSecond.toFixed(2),
      r.slowestUploadSeconds.toFixed(1),
      r.appCpuSeconds.toFixed(2),
    ]),
  );
  lines.push(`file ${(bytes / 1e6).toFixed(1)} MB, ${rows} rows; app ${process.env.BENCH_APP_MAIN ?? 'dist/src/main.js'}`);
  lines.push(`load average ${loadStart.map((v) => v.toFixed(2)).join(' ')} at start, ${loadEnd.map((v) => v.toFixed(2)).join(' ')} at end, ${os.cpus().length} CPUs`);
  for (const line of lines) console.log(line);
  const out = path.join(RESULTS_DIR, process.env.BENCH_RESULT_NAME ?? 'concurrent-rss.json');
  fs.writeFileSync(out, JSON.stringify({ finishedAt: new Date().toISOString(), app: process.env.BENCH_APP_MAIN ?? 'dist/src/main.js', fileBytes: bytes, rows, loadStart, loadEnd, results }, null, 2) + '\n');
  say(`results: ${path.relative(ROOT, out)}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
