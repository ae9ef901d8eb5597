/**
 * Upload benchmark (issue #15): in one run, against the right yardsticks,
 *  - the product: 100,000-row CSV and XLSX reports uploaded through the real HTTP endpoint of the
 *    real application (a child process, restarted per upload);
 *  - the bare parse-and-store pipelines (bench/upload/bare-pipeline.js, each in a child process):
 *    papaparse or exceljs, the original bytes as one bytea and jsonb pages of 1,000 rows on one pg
 *    connection, no HTTP, no validation; and papaparse alone;
 *  - memory: the app's RSS added per upload in flight, with 1 and with 16 concurrent ~20 MB CSV
 *    uploads (distinct units), from a fresh app's idle RSS to its peak (VmHWM and 25 ms sampling).
 * Targets: product >= 0.9x the bare pipeline's speed for CSV and for XLSX; <= 32 MB added RSS per
 * upload in flight. Knobs: BENCH_UPLOAD_ROWS (100000), BENCH_UPLOAD_MEMORY_MB (20),
 * BENCH_UPLOAD_CONCURRENCY (16), BENCH_UPLOAD_BARE_RUNS (3). Writes bench/results/upload.json.
 */
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { setInterval, clearInterval } = require('node:timers');
const { setTimeout: sleep } = require('node:timers/promises');
const { promisify } = require('node:util');
const { startApp, ROOT } = require('./lib/app-process');
const { expectStatus, login, uploadFile } = require('./lib/api');
const { clearRedisPrefix, recreateDatabase } = require('./lib/database');
const { readCpuSeconds, readStatus, resetPeak, toMb } = require('./lib/process-stats');
const { runStandalone } = require('./lib/standalone');
const { formatTable } = require('./lib/table');
const { writeCsv, writeXlsx } = require('./upload/generate');
const { CODE, OBLIGATION, SCHEMA_VERSION } = require('./upload/schema');

const ROWS = Number(process.env.BENCH_UPLOAD_ROWS ?? 100_000);
const MEMORY_FILE_MB = Number(process.env.BENCH_UPLOAD_MEMORY_MB ?? 20);
const CONCURRENCY = Number(process.env.BENCH_UPLOAD_CONCURRENCY ?? 16);
/** Bare runs are cheap and noisy: each this many times, the median time and the highest peak. */
const BARE_RUNS = Number(process.env.BENCH_UPLOAD_BARE_RUNS ?? 3);
/** Product uploads of each format, each in a freshly started app: the median time is reported. */
const PRODUCT_RUNS = Number(process.env.BENCH_UPLOAD_PRODUCT_RUNS ?? 3);
/** Only the memory runs, e.g. to compare node flags or builds (BENCH_APP_NODE_ARGS, BENCH_APP_MAIN). */
const MEMORY_ONLY = process.env.BENCH_UPLOAD_MEMORY_ONLY === '1';
const RESULTS_DIR = path.join(ROOT, 'bench', 'results');
const DATA_DIR = path.join(RESULTS_DIR, 'data');
const DEMO_PASSWORD = 'bench-demo-password';
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/baocao_bench';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const REDIS_PREFIX = 'baocao-bench';
const SAMPLE_EVERY_MS = 25;

/** Settings of the app under test; the upload limits are raised above their defaults (20 MiB, 100,000 rows). */
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
  UPLOAD_MAX_ROWS: '1000000',
};

const TARGETS = { productToBareRatio: 0.9, addedRssPerUploadMb: 32 };

const CSV_MEDIA = 'text/csv';
const XLSX_MEDIA = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The timed uploads, PRODUCT_RUNS of each, every one to a province of its own so that none is a duplicate. */
const UPLOADS = [
  { name: 'product CSV', format: 'csv', mediaType: CSV_MEDIA, fileName: 'chi-tiet-giay-phep.csv' },
  { name: 'product XLSX', format: 'xlsx', mediaType: XLSX_MEDIA, fileName: 'chi-tiet-giay-phep.xlsx' },
];

function say(text) {
  console.log(`[upload] ${text}`);
}

/** The timed files (ROWS rows) and the memory file (~MEMORY_FILE_MB MB of CSV); reused when already there. */
async function generateFiles() {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const started = Date.now();
  const files = { csv: path.join(DATA_DIR, `bench-${ROWS}.csv`), xlsx: path.join(DATA_DIR, `bench-${ROWS}.xlsx`) };
  if (!fs.existsSync(files.csv)) writeCsv(files.csv, ROWS);
  if (!fs.existsSync(files.xlsx)) await writeXlsx(files.xlsx, ROWS);
  // ~273 bytes a row: size the memory file from the timed CSV's bytes per row.
  const bytesPerRow = fs.statSync(files.csv).size / ROWS;
  const memoryRows = Math.round((MEMORY_FILE_MB * 1e6) / bytesPerRow);
  files.memory = path.join(DATA_DIR, `bench-memory-${memoryRows}.csv`);
  if (!fs.existsSync(files.memory)) writeCsv(files.memory, memoryRows, 3);
  const sizes = Object.fromEntries(Object.entries(files).map(([key, file]) => [key, fs.statSync(file).size]));
  say(
    `files: ${ROWS} rows as CSV ${toMb(sizes.csv / 1024)} MB and XLSX ${toMb(sizes.xlsx / 1024)} MB; memory CSV ${memoryRows} rows, ${toMb(sizes.memory / 1024)} MB` +
      ` (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  return { files, sizes, memoryRows };
}

function logFile(label) {
  return path.join(RESULTS_DIR, `upload-app-${label}.log`);
}

/**
 * The current period: its cut-off window has started and it is not past its due date, so neither
 * "not open yet" nor the entry lock (some days after the due date) can refuse the upload.
 */
async function currentPeriod(baseUrl, token) {
  const { items } = await expectStatus([200], baseUrl, 'GET', `/api/v1/obligations/${CODE}/periods`, { token });
  const started = items.filter((period) => period.status !== 'upcoming');
  const current = started.filter((period) => period.status === 'open' || period.status === 'due').pop() ?? started.pop();
  if (!current) throw new Error(`no period of ${CODE} has started yet`);
  return current.key;
}

/**
 * Fresh database with the benchmark obligation and its schema, created through the API as admin.
 * Returns the period, PRODUCT_RUNS targets per format and CONCURRENCY + 1 further targets for the
 * memory runs (today's provinces, none used twice, so no upload is a duplicate of another).
 */
async function prepareDatabase() {
  await recreateDatabase(DATABASE_URL);
  await clearRedisPrefix(REDIS_URL, REDIS_PREFIX);
  for (const file of fs.readdirSync(RESULTS_DIR)) if (/^upload-app-.*\.log$/.test(file)) fs.rmSync(path.join(RESULTS_DIR, file));
  const app = await startApp({ env: APP_ENV, logFile: logFile('setup') });
  try {
    const admin = await login(app.baseUrl, 'admin@baocao.local', DEMO_PASSWORD);
    await expectStatus([201], app.baseUrl, 'POST', '/api/v1/obligations', { token: admin, body: OBLIGATION });
    await expectStatus([201], app.baseUrl, 'POST', `/api/v1/obligations/${CODE}/schemas`, { token: admin, body: SCHEMA_VERSION });
    const period = await currentPeriod(app.baseUrl, admin);
    const { items } = await expectStatus([200], app.baseUrl, 'GET', '/api/v1/units', { token: admin });
    const provinces = items.filter((unit) => unit.validTo === null && ['province', 'municipality'].includes(unit.kind));
    const needed = UPLOADS.length * PRODUCT_RUNS + CONCURRENCY + 1;
    if (provinces.length < needed) throw new Error(`only ${provinces.length} provinces for ${needed} uploads to distinct units`);
    // Logged in here, not in the measured process: argon2 verification alone allocates 64 MiB.
    const target = async (unit) => ({ unitId: unit.id, unitCode: unit.code, token: await login(app.baseUrl, `officer.${unit.code}@baocao.local`, DEMO_PASSWORD) });
    const targets = [];
    for (const unit of provinces.slice(0, needed)) targets.push(await target(unit));
    const timed = Object.fromEntries(UPLOADS.map((upload, index) => [upload.format, targets.slice(index * PRODUCT_RUNS, (index + 1) * PRODUCT_RUNS)]));
    const memory = targets.slice(UPLOADS.length * PRODUCT_RUNS);
    say(`obligation ${CODE} and its schema created; uploads go to period ${period}`);
    return { period, timed, memory };
  } finally {
    await app.stop();
  }
}

function uploadRoute(period, unitId) {
  return `/api/v1/obligations/${CODE}/periods/${period}/units/${unitId}/submission/versions`;
}

/** PRODUCT_RUNS uploads, each in a freshly started app: the median by time, with every run's time. */
async function measureProduct(upload, bytes, period, targets) {
  const runs = [];
  for (const target of targets) runs.push(await measureUpload(upload, bytes, period, target));
  const median = [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)];
  return { ...median, runs: runs.map((run) => ({ ms: Math.round(run.ms), unitCode: run.unitCode })) };
}

/** One upload in a freshly started app. */
async function measureUpload(upload, bytes, period, target) {
  const app = await startApp({ env: APP_ENV, logFile: logFile(upload.format) });
  try {
    const cpuBefore = readCpuSeconds(app.pid);
    const response = await uploadFile(app.baseUrl, uploadRoute(period, target.unitId), { token: target.token, bytes, fileName: upload.fileName, mediaType: upload.mediaType });
    const cpuSeconds = readCpuSeconds(app.pid) - cpuBefore;
    if (response.status !== 201) throw new Error(`${upload.name}: upload answered ${response.status}: ${JSON.stringify(response.body).slice(0, 800)}`);
    const report = response.body.report;
    return {
      name: upload.name,
      unitCode: target.unitCode,
      rows: report.rowsRead,
      ms: response.ms,
      cpuSeconds,
      rowsPerSecond: report.rowsRead / (response.ms / 1000),
      valid: report.valid,
      errorCount: report.errorCount,
      warningCount: report.warningCount,
      firstIssues: (report.issues ?? []).slice(0, 3),
    };
  } finally {
    await app.stop();
  }
}

/** Highest RSS seen by sampling /proc every SAMPLE_EVERY_MS until stop() (VmHWM may be unavailable). */
function sampleRss(pid) {
  let highestKb = 0;
  const take = () => {
    highestKb = Math.max(highestKb, readStatus(pid).rssKb);
  };
  take();
  const timer = setInterval(take, SAMPLE_EVERY_MS);
  return {
    stop() {
      clearInterval(timer);
      take();
      return highestKb;
    },
  };
}

/**
 * `targets.length` concurrent uploads of the same bytes (each to its own unit) in a fresh app:
 * idle RSS (after start-up and a settle), then the peak while they run; added per upload in
 * flight = (peak - idle) / n.
 */
async function measureMemory(label, bytes, period, targets) {
  const app = await startApp({ env: APP_ENV, logFile: logFile(`memory-${targets.length}`) });
  try {
    await sleep(2000);
    const idleKb = readStatus(app.pid).rssKb;
    const exact = resetPeak(app.pid);
    const sampler = sampleRss(app.pid);
    const started = Date.now();
    const responses = await Promise.all(
      targets.map((target) => uploadFile(app.baseUrl, uploadRoute(period, target.unitId), { token: target.token, bytes, fileName: 'chi-tiet-giay-phep.csv', mediaType: CSV_MEDIA })),
    );
    const seconds = (Date.now() - started) / 1000;
    const sampledKb = sampler.stop();
    const peakKb = exact ? Math.max(readStatus(app.pid).peakKb, sampledKb) : sampledKb;
    const failed = responses.filter((response) => response.status !== 201);
    if (failed.length > 0) throw new Error(`${label}: ${failed.length} uploads failed, e.g. ${failed[0].status}: ${JSON.stringify(failed[0].body).slice(0, 500)}`);
    const n = targets.length;
    return {
      name: label,
      uploads: n,
      seconds,
      idleRssMb: toMb(idleKb),
      peakRssMb: toMb(peakKb),
      addedPerUploadMb: toMb((peakKb - idleKb) / n),
      peakFrom: exact ? 'VmHWM and sampling' : 'sampling only',
      rowsRead: responses[0].body.report?.rowsRead,
    };
  } finally {
    await app.stop();
  }
}

const execFileAsync = promisify(execFile);

/** One bare run in a child process of its own. */
async function bareRun(mode, file) {
  const script = path.join(__dirname, 'upload', 'bare-pipeline.js');
  const args = mode === 'papaparse' ? [script, mode, file] : [script, mode, file, DATABASE_URL];
  const { stdout } = await execFileAsync(process.execPath, args, { cwd: ROOT, maxBuffer: 1024 * 1024 });
  return JSON.parse(stdout.trim().split('\n').pop());
}

const BARE_NAMES = { csv: 'bare papaparse + store', xlsx: 'bare exceljs + store', papaparse: 'papaparse alone' };

async function measureBare(mode, file) {
  const runs = [];
  for (let i = 0; i < BARE_RUNS; i++) runs.push(await bareRun(mode, file));
  const median = [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)];
  return {
    name: BARE_NAMES[mode],
    rows: median.rows,
    ms: median.ms,
    cpuSeconds: median.cpuSeconds,
    rowsPerSecond: median.rowsPerSecond,
    peakRssMb: toMb(Math.max(...runs.map((run) => run.peakRssKb))),
    runs: runs.map((run) => ({ ms: Math.round(run.ms), peakRssMb: toMb(run.peakRssKb) })),
  };
}

function checkTargets(byName, ratios, memory) {
  const checks = [];
  for (const [format, bare] of ratios === null ? [] : [['CSV', 'bare papaparse + store'], ['XLSX', 'bare exceljs + store']]) {
    const ratio = ratios[format.toLowerCase()];
    checks.push({ target: `product ${format} >= ${TARGETS.productToBareRatio}x ${bare}`, ok: ratio >= TARGETS.productToBareRatio, actual: `${ratio.toFixed(2)}x` });
  }
  for (const name of ratios === null ? [] : ['product CSV', 'product XLSX']) {
    const scenario = byName[name];
    checks.push({
      target: `${name} valid with ${ROWS} rows read`,
      ok: scenario.valid === true && scenario.rows === ROWS,
      actual: `valid=${scenario.valid}, rowsRead=${scenario.rows}, errors=${scenario.errorCount}`,
    });
  }
  for (const run of memory) {
    checks.push({ target: `${run.name}: added RSS per upload in flight <= ${TARGETS.addedRssPerUploadMb} MB`, ok: run.addedPerUploadMb <= TARGETS.addedRssPerUploadMb, actual: `${run.addedPerUploadMb} MB` });
  }
  return checks;
}

function report({ scenarios, memory, ratios, checks, load, sizes, memoryRows }) {
  const number = (value) => Math.round(value).toLocaleString('en-US');
  const lines = ratios === null ? ['(speed not measured: BENCH_UPLOAD_MEMORY_ONLY=1)'] : formatTable(
    ['speed', 'rows', 'time s', 'CPU s', 'rows/s', 'peak RSS MB'],
    scenarios.map((s) => [s.name, number(s.rows), (s.ms / 1000).toFixed(2), s.cpuSeconds.toFixed(2), number(s.rowsPerSecond), s.peakRssMb === undefined ? '' : s.peakRssMb.toFixed(1)]),
  );
  if (ratios !== null) lines.push(
    `(product: median of ${PRODUCT_RUNS} uploads, each in a fresh app, timed from the request to the whole response; bare: median of ${BARE_RUNS} runs, each in its own process,` +
      ` file already in memory; CPU s: the measured process's user+system time, not PostgreSQL's)`,
  );
  if (ratios !== null) lines.push(
    `product/bare (bare time / product time): CSV ${ratios.csv.toFixed(2)}x, XLSX ${ratios.xlsx.toFixed(2)}x; by CPU time: CSV ${ratios.csvCpu.toFixed(2)}x, XLSX ${ratios.xlsxCpu.toFixed(2)}x;` +
      ` papaparse alone is ${ratios.papaparseShare.toFixed(2)} of the product CSV's time`,
    '',
  );
  lines.push(
    ...formatTable(
      [`memory (${toMb(sizes.memory / 1024)} MB CSV, ${number(memoryRows)} rows)`, 'uploads', 'wall s', 'idle RSS MB', 'peak RSS MB', 'added/upload MB'],
      memory.map((m) => [m.name, m.uploads, m.seconds.toFixed(1), m.idleRssMb.toFixed(1), m.peakRssMb.toFixed(1), m.addedPerUploadMb.toFixed(1)]),
    ),
  );
  lines.push(`(peak from ${memory[0]?.peakFrom}; idle: a fresh app 2 s after it is ready)`, '');
  lines.push(`load average ${load.start.map((v) => v.toFixed(2)).join(' ')} at start, ${load.end.map((v) => v.toFixed(2)).join(' ')} at end, ${load.cpus} CPUs`);
  if (load.start[0] > load.cpus) lines.push('NOTE: the machine was busy before the benchmark started: other work competed, figures are noisy');
  for (const check of checks) lines.push(`${check.ok ? 'PASS' : 'FAIL'}  ${check.target}: ${check.actual}`);
  return lines;
}

async function run() {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const loadAtStart = os.loadavg();
  const { files, sizes, memoryRows } = await generateFiles();
  const { period, timed, memory: memoryTargets } = await prepareDatabase();

  const scenarios = [];
  for (const upload of MEMORY_ONLY ? [] : UPLOADS) {
    say(`uploading ${upload.format.toUpperCase()} ${PRODUCT_RUNS} times, as officers of ${timed[upload.format].map((t) => t.unitCode).join(', ')}…`);
    scenarios.push(await measureProduct(upload, fs.readFileSync(files[upload.format]), period, timed[upload.format]));
  }
  for (const mode of MEMORY_ONLY ? [] : ['csv', 'xlsx', 'papaparse']) {
    say(`${BARE_NAMES[mode]}…`);
    scenarios.push(await measureBare(mode, mode === 'xlsx' ? files.xlsx : files.csv));
  }

  const memoryBytes = fs.readFileSync(files.memory);
  const memory = [];
  say('memory: 1 upload…');
  memory.push(await measureMemory('1 upload', memoryBytes, period, memoryTargets.slice(0, 1)));
  say(`memory: ${CONCURRENCY} concurrent uploads…`);
  memory.push(await measureMemory(`${CONCURRENCY} concurrent uploads`, memoryBytes, period, memoryTargets.slice(1, CONCURRENCY + 1)));

  const byName = Object.fromEntries(scenarios.map((scenario) => [scenario.name, scenario]));
  const ratios = MEMORY_ONLY ? null : {
    csv: byName['bare papaparse + store'].ms / byName['product CSV'].ms,
    xlsx: byName['bare exceljs + store'].ms / byName['product XLSX'].ms,
    // Less sensitive to other load on the machine; neither includes PostgreSQL's CPU.
    csvCpu: byName['bare papaparse + store'].cpuSeconds / byName['product CSV'].cpuSeconds,
    xlsxCpu: byName['bare exceljs + store'].cpuSeconds / byName['product XLSX'].cpuSeconds,
    papaparseShare: byName['papaparse alone'].ms / byName['product CSV'].ms,
  };
  const checks = checkTargets(byName, ratios, memory);
  const ok = checks.every((check) => check.ok);
  const load = { start: loadAtStart, end: os.loadavg(), cpus: os.cpus().length };
  const lines = report({ scenarios, memory, ratios, checks, load, sizes, memoryRows });
  const file = path.join(RESULTS_DIR, 'upload.json');
  const result = {
    benchmark: 'upload',
    ok,
    finishedAt: new Date().toISOString(),
    machine: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, totalMemMb: Math.round(os.totalmem() / 2 ** 20) },
    loadAverage: { start: load.start, end: load.end },
    rows: ROWS,
    memoryRows,
    period,
    fileBytes: sizes,
    appEnv: APP_ENV,
    appNodeArgs: process.env.BENCH_APP_NODE_ARGS ?? '',
    appMain: process.env.BENCH_APP_MAIN ?? 'dist/src/main.js',
    targets: TARGETS,
    scenarios,
    memory,
    ratios,
    checks,
  };
  fs.writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  lines.push('', `results: ${path.relative(ROOT, file)}; app logs: bench/results/upload-app-*.log`);
  return { name: 'upload', ok, lines };
}

module.exports = { run };

runStandalone(module, run);
