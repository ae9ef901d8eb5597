/**
 * Upload benchmark (issue #4): 100,000-row CSV and XLSX reports uploaded through the real HTTP
 * endpoint of the real application (a child process, restarted per upload so that its peak RSS
 * covers one upload), compared with csv-parse and exceljs alone (each in its own child process).
 * Writes bench/results/upload.json.
 */
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { promisify } = require('node:util');
const { startApp, ROOT } = require('./lib/app-process');
const { expectStatus, login, uploadFile } = require('./lib/api');
const { clearRedisPrefix, recreateDatabase } = require('./lib/database');
const { readCpuSeconds, readStatus, resetPeak, toMb } = require('./lib/process-stats');
const { formatTable } = require('./lib/table');
const { writeCsv, writeXlsx } = require('./upload/generate');
const { CODE, OBLIGATION, SCHEMA_VERSION } = require('./upload/schema');

const ROWS = Number(process.env.BENCH_UPLOAD_ROWS ?? 100_000);
const RESULTS_DIR = path.join(ROOT, 'bench', 'results');
const DATA_DIR = path.join(RESULTS_DIR, 'data');
const DEMO_PASSWORD = 'bench-demo-password';
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/baocao_bench';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const REDIS_PREFIX = 'baocao-bench';

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
  UPLOAD_MAX_ROWS: '200000',
};

const TARGETS = { csvThroughputRatio: 0.5, peakRssMb: 300 };
/** Bare parses are cheap and noisy: run each this many times, report the median throughput and the highest peak. */
const BARE_RUNS = 3;

/** The two uploads: a different province each, so neither is a duplicate of the other. */
const UPLOADS = [
  { name: 'product CSV', format: 'csv', unitCode: '01', mediaType: 'text/csv', fileName: 'chi-tiet-giay-phep.csv' },
  {
    name: 'product XLSX',
    format: 'xlsx',
    unitCode: '79',
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileName: 'chi-tiet-giay-phep.xlsx',
  },
];

function say(text) {
  console.log(`[upload] ${text}`);
}

async function generateFiles() {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const files = { csv: path.join(DATA_DIR, `bench-${ROWS}.csv`), xlsx: path.join(DATA_DIR, `bench-${ROWS}.xlsx`) };
  const started = Date.now();
  const csvBytes = writeCsv(files.csv, ROWS);
  const xlsxBytes = await writeXlsx(files.xlsx, ROWS);
  say(`generated ${ROWS} rows: CSV ${toMb(csvBytes / 1024)} MB, XLSX ${toMb(xlsxBytes / 1024)} MB (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return { files, sizes: { csv: csvBytes, xlsx: xlsxBytes } };
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

/** Fresh database with the benchmark obligation and its schema, created through the API as admin; returns the period and officers' tokens. */
async function prepareDatabase() {
  await recreateDatabase(DATABASE_URL);
  await clearRedisPrefix(REDIS_URL, REDIS_PREFIX);
  for (const label of ['setup', ...UPLOADS.map((upload) => upload.format)]) fs.rmSync(logFile(label), { force: true });
  const app = await startApp({ env: APP_ENV, logFile: logFile('setup') });
  try {
    const admin = await login(app.baseUrl, 'admin@baocao.local', DEMO_PASSWORD);
    await expectStatus([201], app.baseUrl, 'POST', '/api/v1/obligations', { token: admin, body: OBLIGATION });
    await expectStatus([201], app.baseUrl, 'POST', `/api/v1/obligations/${CODE}/schemas`, { token: admin, body: SCHEMA_VERSION });
    const period = await currentPeriod(app.baseUrl, admin);
    const units = await expectStatus([200], app.baseUrl, 'GET', '/api/v1/units', { token: admin });
    const targets = {};
    for (const upload of UPLOADS) {
      const unit = units.items.find((item) => item.code === upload.unitCode);
      if (!unit) throw new Error(`unit ${upload.unitCode} is not listed by /api/v1/units`);
      // Logged in here, not in the measured process: argon2 verification alone allocates 64 MiB.
      const token = await login(app.baseUrl, `officer.${upload.unitCode}@baocao.local`, DEMO_PASSWORD);
      targets[upload.format] = { unitId: unit.id, token };
    }
    say(`obligation ${CODE} and its schema created; uploads go to period ${period}`);
    return { period, targets };
  } finally {
    await app.stop();
  }
}

/** One upload in a freshly started app; its peak RSS is reset just before the request. */
async function measureUpload(upload, bytes, period, target) {
  const app = await startApp({ env: APP_ENV, logFile: logFile(upload.format) });
  try {
    const exact = resetPeak(app.pid);
    const before = readStatus(app.pid);
    const cpuBefore = readCpuSeconds(app.pid);
    const route = `/api/v1/obligations/${CODE}/periods/${period}/units/${target.unitId}/submission/versions`;
    const response = await uploadFile(app.baseUrl, route, { token: target.token, bytes, fileName: upload.fileName, mediaType: upload.mediaType });
    const after = readStatus(app.pid);
    const cpuSeconds = readCpuSeconds(app.pid) - cpuBefore;
    if (response.status !== 201) throw new Error(`${upload.name}: upload answered ${response.status}: ${JSON.stringify(response.body).slice(0, 800)}`);
    const report = response.body.report;
    return {
      name: upload.name,
      rows: report.rowsRead,
      ms: response.ms,
      cpuSeconds,
      rowsPerSecond: report.rowsRead / (response.ms / 1000),
      baselineRssMb: toMb(before.rssKb),
      peakRssMb: toMb(after.peakKb),
      peakIsLifetime: !exact,
      valid: report.valid,
      errorCount: report.errorCount,
      warningCount: report.warningCount,
      firstIssues: (report.issues ?? []).slice(0, 3),
    };
  } finally {
    await app.stop();
  }
}

const execFileAsync = promisify(execFile);

/** csv-parse or exceljs alone over the same file, in a child process of its own. */
async function bareRun(format, file) {
  const script = path.join(__dirname, 'upload', 'bare-parse.js');
  const { stdout } = await execFileAsync(process.execPath, [script, format, file], { cwd: ROOT, maxBuffer: 1024 * 1024 });
  return JSON.parse(stdout.trim().split('\n').pop());
}

async function measureBare(format, file) {
  const runs = [];
  for (let i = 0; i < BARE_RUNS; i++) runs.push(await bareRun(format, file));
  const median = [...runs].sort((a, b) => a.rowsPerSecond - b.rowsPerSecond)[Math.floor(runs.length / 2)];
  return {
    name: format === 'csv' ? 'bare csv-parse' : 'bare exceljs',
    rows: median.rows,
    ms: median.ms,
    cpuSeconds: median.cpuSeconds,
    rowsPerSecond: median.rowsPerSecond,
    baselineRssMb: toMb(median.baselineRssKb),
    peakRssMb: toMb(Math.max(...runs.map((run) => run.peakRssKb))),
    runs: runs.map((run) => ({ ms: Math.round(run.ms), rowsPerSecond: Math.round(run.rowsPerSecond), peakRssMb: toMb(run.peakRssKb) })),
  };
}

function checkTargets(byName) {
  const csvRatio = byName['product CSV'].rowsPerSecond / byName['bare csv-parse'].rowsPerSecond;
  const checks = [
    {
      target: `product CSV throughput >= ${TARGETS.csvThroughputRatio}x bare csv-parse`,
      ok: csvRatio >= TARGETS.csvThroughputRatio,
      actual: `${csvRatio.toFixed(2)}x`,
    },
  ];
  for (const name of ['product CSV', 'product XLSX']) {
    const scenario = byName[name];
    checks.push({ target: `${name} peak RSS < ${TARGETS.peakRssMb} MB`, ok: scenario.peakRssMb < TARGETS.peakRssMb, actual: `${scenario.peakRssMb} MB` });
    checks.push({
      target: `${name} valid with ${ROWS} rows read`,
      ok: scenario.valid === true && scenario.rows === ROWS,
      actual: `valid=${scenario.valid}, rowsRead=${scenario.rows}, errors=${scenario.errorCount}`,
    });
  }
  return checks;
}

function report(scenarios, ratios, checks, load) {
  const number = (value) => Math.round(value).toLocaleString('en-US');
  const lines = formatTable(
    ['scenario', 'rows', 'time s', 'CPU s', 'rows/s', 'RSS before MB', 'peak RSS MB'],
    scenarios.map((s) => [
      s.name,
      number(s.rows),
      (s.ms / 1000).toFixed(2),
      s.cpuSeconds.toFixed(2),
      number(s.rowsPerSecond),
      s.baselineRssMb.toFixed(1),
      s.peakRssMb.toFixed(1),
    ]),
  );
  lines.push(`(bare parses: median of ${BARE_RUNS} runs, highest peak; CPU s: the measured process's user+system time)`);
  lines.push(`load average ${load.start.toFixed(1)} at start, ${load.end.toFixed(1)} at end, ${load.cpus} CPUs`);
  if (load.busy) lines.push('NOTE: the machine was busy before the benchmark started: other work competed, figures are noisy');
  if (scenarios.some((s) => s.peakIsLifetime)) lines.push('NOTE: /proc/<pid>/clear_refs was not writable: app peaks include its start-up');
  lines.push(
    '',
    `throughput product/bare: CSV ${ratios.csv.toFixed(2)}x, XLSX ${ratios.xlsx.toFixed(2)}x` +
      ` (by CPU time instead: CSV ${ratios.csvCpu.toFixed(2)}x, XLSX ${ratios.xlsxCpu.toFixed(2)}x)`,
    '',
  );
  for (const check of checks) lines.push(`${check.ok ? 'PASS' : 'FAIL'}  ${check.target}: ${check.actual}`);
  return lines;
}

function writeResults(result) {
  const file = path.join(RESULTS_DIR, 'upload.json');
  fs.writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  return path.relative(ROOT, file);
}

async function run() {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const loadAtStart = os.loadavg()[0];
  const { files, sizes } = await generateFiles();
  const { period, targets } = await prepareDatabase();

  const scenarios = [];
  for (const upload of UPLOADS) {
    say(`uploading ${upload.format.toUpperCase()} as officer.${upload.unitCode}…`);
    scenarios.push(await measureUpload(upload, fs.readFileSync(files[upload.format]), period, targets[upload.format]));
  }
  for (const format of ['csv', 'xlsx']) {
    say(`bare ${format} parse…`);
    scenarios.push(await measureBare(format, files[format]));
  }

  const byName = Object.fromEntries(scenarios.map((scenario) => [scenario.name, scenario]));
  const ratios = {
    csv: byName['product CSV'].rowsPerSecond / byName['bare csv-parse'].rowsPerSecond,
    xlsx: byName['product XLSX'].rowsPerSecond / byName['bare exceljs'].rowsPerSecond,
    // Less sensitive to other load on the machine; the app's CPU excludes PostgreSQL's.
    csvCpu: byName['bare csv-parse'].cpuSeconds / byName['product CSV'].cpuSeconds,
    xlsxCpu: byName['bare exceljs'].cpuSeconds / byName['product XLSX'].cpuSeconds,
  };
  const checks = checkTargets(byName);
  const ok = checks.every((check) => check.ok);
  const load = { start: loadAtStart, end: os.loadavg()[0], cpus: os.cpus().length };
  load.busy = load.start > load.cpus;
  const lines = report(scenarios, ratios, checks, load);
  const written = writeResults({
    benchmark: 'upload',
    ok,
    finishedAt: new Date().toISOString(),
    machine: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, totalMemMb: Math.round(os.totalmem() / 2 ** 20) },
    loadAverage: { start: load.start, end: load.end },
    rows: ROWS,
    period,
    fileBytes: sizes,
    appEnv: APP_ENV,
    appNodeArgs: process.env.BENCH_APP_NODE_ARGS ?? '',
    appMain: process.env.BENCH_APP_MAIN ?? 'dist/src/main.js',
    targets: TARGETS,
    scenarios,
    ratios,
    checks,
  });
  lines.push('', `results: ${written}; app logs: bench/results/upload-app-*.log`);
  return { name: 'upload', ok, lines };
}

module.exports = { run };
