/**
 * Burst benchmark (issue #15): the deadline. 2,000 reporting units (today's 34 provinces and
 * generated communes), each with its own officer, upload a realistic small file (10 to 100 rows)
 * and submit it, from 50 concurrent clients, while 5 clients read the completion dashboard and the
 * review queue. Per request kind: p50/p99 latency and statuses; uploads per second; accepted uploads
 * against the versions counted in PostgreSQL. In the same run, a bare pipeline (bench/burst/
 * bare-server.js: node:http + busboy + papaparse + one pg insert per file, the submit one UPDATE)
 * takes the same load. Topologies: `all` (one ROLE=all process) and `split` (two ROLE=api behind
 * bench/burst/proxy.js, plus one ROLE=worker; the bare pipeline as two processes behind the proxy).
 * Each topology gets a fresh database (baocao_bench_burst). Target: product uploads/s >= 0.5x bare.
 * Knobs: BENCH_BURST_UNITS (2000), BENCH_BURST_WRITERS (50), BENCH_BURST_READERS (5),
 * BENCH_BURST_TOPOLOGIES (all,split). Writes bench/results/burst.json.
 */
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { URL } = require('node:url');
const argon2 = require('argon2');
const { Client } = require('pg');
const { startApp, ROOT } = require('./lib/app-process');
const { readCpuSeconds } = require('./lib/process-stats');
const { expectStatus, login } = require('./lib/api');
const { clearRedisPrefix, dropDatabase, recreateDatabase } = require('./lib/database');
const { runStandalone } = require('./lib/standalone');
const { formatTable } = require('./lib/table');
const { drive, multipart } = require('./burst/load');
const { startScript } = require('./burst/script-process');
const { writeCsv } = require('./upload/generate');
const { CODE, OBLIGATION, SCHEMA_VERSION } = require('./upload/schema');

const UNITS = Number(process.env.BENCH_BURST_UNITS ?? 2000);
const WRITERS = Number(process.env.BENCH_BURST_WRITERS ?? 50);
const READERS = Number(process.env.BENCH_BURST_READERS ?? 5);
const TOPOLOGIES = (process.env.BENCH_BURST_TOPOLOGIES ?? 'all,split').split(',').map((name) => name.trim()).filter(Boolean);
const DATABASE_URL = process.env.BENCH_BURST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/baocao_bench_burst';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const REDIS_PREFIX = 'baocao-bench-burst';
const DEMO_PASSWORD = 'bench-demo-password';
const RESULTS_DIR = path.join(ROOT, 'bench', 'results');
const DATA_DIR = path.join(RESULTS_DIR, 'data', 'burst');
const TARGET_RATIO = 0.5;
/** Distinct small files; unit i uploads file i % FILES (the same bytes for two units are not duplicates). */
const FILES = 40;
const COMMUNE_CODE_PREFIX = 'XB';
const LOGIN_CONCURRENCY = 20;

const APP_ENV = {
  NODE_ENV: 'development',
  DATABASE_URL,
  REDIS_URL,
  REDIS_PREFIX,
  DEMO_SEED: 'true',
  DEMO_PASSWORD,
  LOG_LEVEL: 'warn',
  // The only rate limit the app has (sign-in); 2,000 officers sign in before the timed phase.
  LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
  OUTBOX_DIR: path.join(RESULTS_DIR, 'outbox-burst'),
  REMINDER_SCHEDULER_ENABLED: 'false',
};

function say(text) {
  console.log(`[burst] ${text}`);
}

function logFile(label) {
  return path.join(RESULTS_DIR, `burst-${label}.log`);
}

/** FILES small CSVs of the bench schema, 10 to 100 rows each. */
function smallFiles() {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  return Array.from({ length: FILES }, (_, index) => {
    const rows = 10 + ((index * 37) % 91);
    const file = path.join(DATA_DIR, `small-${index}-${rows}.csv`);
    if (!fs.existsSync(file)) writeCsv(file, rows, 100 + index);
    return { rows, bytes: fs.readFileSync(file) };
  });
}

async function currentPeriod(baseUrl, token) {
  const { items } = await expectStatus([200], baseUrl, 'GET', `/api/v1/obligations/${CODE}/periods`, { token });
  const started = items.filter((period) => period.status !== 'upcoming');
  const current = started.filter((period) => period.status === 'open' || period.status === 'due').pop() ?? started.pop();
  if (!current) throw new Error(`no period of ${CODE} has started yet`);
  return current.key;
}

/**
 * Today's provinces plus generated communes (each under a province), UNITS in all, one officer each.
 * The officers' password hash is argon2id with small parameters, made once: sign-in goes through the
 * real API, but 2,000 verifications at the app's 64 MiB cost would dominate the set-up.
 */
async function seedUnitsAndOfficers(client) {
  const { rows: provinces } = await client.query(
    `SELECT id, code FROM reporting_units WHERE valid_to IS NULL AND kind IN ('province', 'municipality') ORDER BY code`,
  );
  const communes = Math.max(0, UNITS - provinces.length);
  await client.query(
    `INSERT INTO reporting_units (code, name, name_ascii, kind, region, valid_from, parent_id)
     SELECT $1 || lpad(n::text, 5, '0'), 'Xã Thử Nghiệm ' || n, 'Xa Thu Nghiem ' || n, 'commune', NULL, '2025-07-01',
            ($2::uuid[])[1 + n % array_length($2::uuid[], 1)]
       FROM generate_series(1, $3::int) AS n`,
    [COMMUNE_CODE_PREFIX, provinces.map((p) => p.id), communes],
  );
  const hash = await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 });
  const { rows: units } = await client.query(
    `SELECT id, code FROM reporting_units
      WHERE valid_to IS NULL AND (kind IN ('province', 'municipality') OR code LIKE $1 || '%')
      ORDER BY kind = 'commune', code LIMIT $2`,
    [COMMUNE_CODE_PREFIX, UNITS],
  );
  await client.query(
    `INSERT INTO users (email, full_name, password_hash, role, unit_id)
     SELECT 'burst.' || lower(u.code) || '@baocao.local', 'Cán bộ ' || u.code, $1, 'province_officer', u.id
       FROM reporting_units u WHERE u.id = ANY($2::uuid[])`,
    [hash, units.map((u) => u.id)],
  );
  return units;
}

/** A fresh database: migrated and seeded by the app, the units, officers, the bench obligation (listed units) and its schema. */
async function prepare() {
  await recreateDatabase(DATABASE_URL);
  await clearRedisPrefix(REDIS_URL, REDIS_PREFIX);
  fs.rmSync(logFile('setup'), { force: true });
  const app = await startApp({ env: { ...APP_ENV, ROLE: 'all' }, logFile: logFile('setup') });
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const units = await seedUnitsAndOfficers(client);
    const admin = await login(app.baseUrl, 'admin@baocao.local', DEMO_PASSWORD);
    const obligation = { ...OBLIGATION, targetScope: 'listed_units', targetUnitCodes: units.map((u) => u.code) };
    await expectStatus([201], app.baseUrl, 'POST', '/api/v1/obligations', { token: admin, body: obligation });
    await expectStatus([201], app.baseUrl, 'POST', `/api/v1/obligations/${CODE}/schemas`, { token: admin, body: SCHEMA_VERSION });
    const period = await currentPeriod(app.baseUrl, admin);
    await client.query(`CREATE TABLE bench_burst_files (id bigserial PRIMARY KEY, unit_code text NOT NULL, original bytea NOT NULL, row_count int NOT NULL, rows jsonb NOT NULL,
      uploaded_at timestamptz NOT NULL DEFAULT now(), submitted_at timestamptz)`);
    await client.query(`CREATE INDEX ON bench_burst_files (unit_code)`);
    await client.query('VACUUM ANALYZE');
    return { units, period };
  } finally {
    await client.end();
    await app.stop();
  }
}

/** Tokens of every officer, the compliance officer and the reviewer, signed in through the API (not timed). */
async function signIn(baseUrl, units) {
  const tokens = new Map();
  let next = 0;
  const worker = async () => {
    while (next < units.length) {
      const unit = units[next++];
      tokens.set(unit.code, await login(baseUrl, `burst.${unit.code.toLowerCase()}@baocao.local`, DEMO_PASSWORD));
    }
  };
  await Promise.all(Array.from({ length: LOGIN_CONCURRENCY }, worker));
  return {
    officers: tokens,
    compliance: await login(baseUrl, 'compliance@baocao.local', DEMO_PASSWORD),
    reviewer: await login(baseUrl, 'reviewer@baocao.local', DEMO_PASSWORD),
  };
}

/** Starts the topology's processes; returns the base URL the clients use and a stop(). */
async function startProduct(topology) {
  for (const file of fs.readdirSync(RESULTS_DIR)) if (file.startsWith(`burst-${topology}-`)) fs.rmSync(path.join(RESULTS_DIR, file));
  if (topology === 'all') {
    const app = await startApp({ env: { ...APP_ENV, ROLE: 'all' }, logFile: logFile('all-app') });
    return { baseUrl: app.baseUrl, pids: [app.pid], stop: () => app.stop() };
  }
  const apis = [];
  for (const index of [1, 2]) apis.push(await startApp({ env: { ...APP_ENV, ROLE: 'api' }, logFile: logFile(`split-api-${index}`) }));
  const worker = await startApp({ env: { ...APP_ENV, ROLE: 'worker', LOG_LEVEL: 'info' }, logFile: logFile('split-worker'), readyLine: 'baocao worker started' });
  const proxy = await startProxy(apis.map((api) => new URL(api.baseUrl).port));
  return {
    baseUrl: proxy.baseUrl,
    pids: [...apis.map((api) => api.pid), worker.pid, proxy.pid],
    stop: async () => {
      await proxy.stop();
      await Promise.all([...apis, worker].map((child) => child.stop()));
    },
  };
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startProxy(upstreamPorts) {
  const port = await freePort();
  const proxy = await startScript(path.join(__dirname, 'burst', 'proxy.js'), [String(port), ...upstreamPorts.map(String)]);
  return { ...proxy, baseUrl: `http://127.0.0.1:${port}` };
}

async function startBare(topology) {
  const servers = [];
  for (let i = 0; i < (topology === 'all' ? 1 : 2); i++) {
    const port = await freePort();
    servers.push({ ...(await startScript(path.join(__dirname, 'burst', 'bare-server.js'), [String(port), DATABASE_URL])), port });
  }
  if (servers.length === 1) return { baseUrl: `http://127.0.0.1:${servers[0].port}`, pids: [servers[0].pid], stop: () => servers[0].stop() };
  const proxy = await startProxy(servers.map((server) => server.port));
  return {
    baseUrl: proxy.baseUrl,
    pids: [...servers.map((server) => server.pid), proxy.pid],
    stop: async () => {
      await proxy.stop();
      await Promise.all(servers.map((server) => server.stop()));
    },
  };
}

const CSV_MEDIA = 'text/csv';

function productPlan(period, tokens, files, unitIds) {
  const base = (code) => `/api/v1/obligations/${CODE}/periods/${period}/units/${unitIds.get(code)}/submission`;
  const bodies = files.map((file) => multipart(file.bytes, 'bao-cao.csv', CSV_MEDIA));
  return {
    upload: (unit) => {
      const { body, contentType } = bodies[unit.index % bodies.length];
      return { path: `${base(unit.code)}/versions`, headers: { authorization: `Bearer ${tokens.officers.get(unit.code)}`, 'content-type': contentType }, body };
    },
    accepted: (status) => status === 201,
    submit: (unit, json) => {
      if (json?.report?.valid !== true) return null;
      const body = json.report.warningCount > 0 ? { justification: 'Đã kiểm tra các cảnh báo với sổ theo dõi' } : {};
      return {
        path: `${base(unit.code)}/submit`,
        headers: { authorization: `Bearer ${tokens.officers.get(unit.code)}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      };
    },
    reads: [
      { kind: 'dashboard', path: `/api/v1/compliance/obligations/${CODE}/periods/${period}`, headers: { authorization: `Bearer ${tokens.compliance}` } },
      { kind: 'review queue', path: `/api/v1/submissions?status=submitted&obligation=${CODE}&period=${period}`, headers: { authorization: `Bearer ${tokens.reviewer}` } },
    ],
  };
}

function barePlan(files) {
  const bodies = files.map((file) => multipart(file.bytes, 'bao-cao.csv', CSV_MEDIA));
  return {
    upload: (unit) => {
      const { body, contentType } = bodies[unit.index % bodies.length];
      return { path: `/units/${encodeURIComponent(unit.code)}/upload`, headers: { 'content-type': contentType }, body };
    },
    accepted: (status) => status === 201,
    submit: (unit) => ({ path: `/units/${encodeURIComponent(unit.code)}/submit`, headers: { 'content-type': 'application/json' }, body: '{}' }),
    reads: [
      { kind: 'dashboard', path: '/dashboard', headers: {} },
      { kind: 'review queue', path: '/queue', headers: {} },
    ],
  };
}

/** PostgreSQL backends serving the bench database now (the pools' connections), as pids. */
async function backendPids(client) {
  const { rows } = await client.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
  return rows.map((row) => row.pid);
}

/** CPU seconds of a process, 0 once it is gone (a backend that closed meanwhile loses its share). */
function cpuOf(pid) {
  try {
    return readCpuSeconds(pid);
  } catch {
    return 0;
  }
}

/**
 * The load, with the CPU seconds used meanwhile by the topology's processes (app or bare servers,
 * and proxy) and by the PostgreSQL backends of the bench database (those there at the start or end).
 */
async function driveMeasured(target, options) {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const cpu = (pids) => pids.reduce((sum, pid) => sum + cpuOf(pid), 0);
    const backendsBefore = await backendPids(client);
    const pgBefore = new Map(backendsBefore.map((pid) => [pid, cpuOf(pid)]));
    const before = cpu(target.pids);
    const result = await drive({ baseUrl: target.baseUrl, ...options });
    const cpuSeconds = cpu(target.pids) - before;
    const backends = [...new Set([...backendsBefore, ...(await backendPids(client))])];
    const postgresCpuSeconds = backends.reduce((sum, pid) => sum + Math.max(0, cpuOf(pid) - (pgBefore.get(pid) ?? 0)), 0);
    return { ...result, cpuSeconds, postgresCpuSeconds, backends: backends.length };
  } finally {
    await client.end();
  }
}

/** Versions stored for the bench obligation and period, and submissions in `submitted` status. */
async function countStored(period) {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT (SELECT count(*)::int FROM submission_versions v JOIN submissions s ON s.id = v.submission_id WHERE s.obligation_id = o.id AND s.period_key = $2) AS versions,
              (SELECT count(*)::int FROM submissions s WHERE s.obligation_id = o.id AND s.period_key = $2 AND s.status = 'submitted') AS submitted,
              (SELECT count(*)::int FROM bench_burst_files) AS bare_files,
              (SELECT count(submitted_at)::int FROM bench_burst_files) AS bare_submitted
         FROM obligations o WHERE o.code = $1`,
      [CODE, period],
    );
    return rows[0];
  } finally {
    await client.end();
  }
}

async function runTopology(topology, files) {
  say(`${topology}: preparing a fresh database with ${UNITS} units and officers…`);
  const { units, period } = await prepare();
  const unitIds = new Map(units.map((unit) => [unit.code, unit.id]));
  const work = units.map((unit, index) => ({ code: unit.code, index }));
  const product = await startProduct(topology);
  let productLoad;
  const loadBefore = os.loadavg();
  try {
    say(`${topology}: ${units.length} officers signing in…`);
    const tokens = await signIn(product.baseUrl, units);
    say(`${topology}: product under load (${WRITERS} writers, ${READERS} readers)…`);
    productLoad = await driveMeasured(product, { units: work, writers: WRITERS, readers: READERS, plan: productPlan(period, tokens, files, unitIds) });
  } finally {
    await product.stop();
  }
  const bare = await startBare(topology);
  let bareLoad;
  try {
    say(`${topology}: bare pipeline under the same load…`);
    bareLoad = await driveMeasured(bare, { units: work, writers: WRITERS, readers: READERS, plan: barePlan(files) });
  } finally {
    await bare.stop();
  }
  const loadAfter = os.loadavg();
  const stored = await countStored(period);
  return { topology, units: units.length, period, product: productLoad, bare: bareLoad, stored, ratio: productLoad.uploadsPerSecond / bareLoad.uploadsPerSecond, load: { before: loadBefore, after: loadAfter } };
}

const TOPOLOGY_NAMES = { all: 'one ROLE=all process', split: 'two ROLE=api behind a round-robin proxy + one ROLE=worker' };

function describe(result) {
  const round = (ms) => (Number.isNaN(ms) ? '' : ms.toFixed(1));
  const errorsOf = (kind) =>
    Object.entries(kind.statuses)
      .filter(([status]) => !/^2/.test(status))
      .map(([status, count]) => `${count}x${status}`)
      .join(' ') || '0';
  const rows = [];
  for (const [label, run] of [['product', result.product], ['bare', result.bare]]) {
    for (const [kind, stats] of Object.entries(run.kinds)) rows.push([`${label} ${kind}`, stats.n, round(stats.p50), round(stats.p99), round(stats.max), errorsOf(stats)]);
  }
  const fmt = (load) => load.map((value) => value.toFixed(2)).join(' ');
  const stored = result.stored;
  return [
    `-- ${result.topology}: ${TOPOLOGY_NAMES[result.topology]}; bare: ${result.topology === 'all' ? 'one process' : 'two processes behind the same proxy'}`,
    ...formatTable(['request', 'n', 'p50 ms', 'p99 ms', 'max ms', 'errors'], rows),
    `uploads/s: product ${result.product.uploadsPerSecond.toFixed(1)} (${result.product.accepted} accepted in ${result.product.seconds.toFixed(1)} s),` +
      ` bare ${result.bare.uploadsPerSecond.toFixed(1)} (${result.bare.accepted} in ${result.bare.seconds.toFixed(1)} s); product/bare ${result.ratio.toFixed(2)}x`,
    ...formatTable(
      ['CPU per upload+submit', 'serving processes ms', 'PostgreSQL backends ms', 'backends'],
      [['product', result.product], ['bare', result.bare]].map(([label, run]) => [
        label,
        ((run.cpuSeconds / run.accepted) * 1000).toFixed(1),
        ((run.postgresCpuSeconds / run.accepted) * 1000).toFixed(1),
        run.backends,
      ]),
    ),
    '(CPU over the timed phase divided by accepted uploads, so the readers\' requests are included; backends: those of the bench database at its start or end)',
    `stored in PostgreSQL: ${stored.versions} versions for ${result.product.accepted} accepted uploads, ${stored.submitted} submitted; bare ${stored.bare_files} files, ${stored.bare_submitted} submitted`,
    `load average ${fmt(result.load.before)} before, ${fmt(result.load.after)} after (${os.cpus().length} CPUs)`,
    ...[...result.product.failures, ...result.bare.failures].map((failure) => `  first failures: ${failure}`),
  ];
}

function checks(result) {
  const errors = (run) =>
    Object.values(run.kinds).reduce((sum, kind) => sum + Object.entries(kind.statuses).filter(([status]) => !/^2/.test(status)).reduce((s, [, count]) => s + count, 0), 0);
  return [
    { target: `${result.topology}: product uploads/s >= ${TARGET_RATIO}x bare`, ok: result.ratio >= TARGET_RATIO, actual: `${result.ratio.toFixed(2)}x` },
    { target: `${result.topology}: no errors`, ok: errors(result.product) === 0, actual: `${errors(result.product)} product, ${errors(result.bare)} bare` },
    { target: `${result.topology}: every unit's upload accepted`, ok: result.product.accepted === result.units, actual: `${result.product.accepted}/${result.units}` },
    { target: `${result.topology}: versions in PostgreSQL = accepted uploads`, ok: result.stored.versions === result.product.accepted, actual: `${result.stored.versions} = ${result.product.accepted}` },
  ];
}

async function run() {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const loadAtStart = os.loadavg();
  const files = smallFiles();
  const results = [];
  try {
    for (const topology of TOPOLOGIES) {
      if (!TOPOLOGY_NAMES[topology]) throw new Error(`unknown topology ${topology}: use all or split`);
      results.push(await runTopology(topology, files));
    }
  } finally {
    await dropDatabase(DATABASE_URL);
  }
  const allChecks = results.flatMap(checks);
  const ok = allChecks.every((check) => check.ok);
  const lines = [`${UNITS} units, files of 10-100 rows, ${WRITERS} writers (upload then submit), ${READERS} readers (dashboard and review queue in turn)`];
  for (const result of results) lines.push(...describe(result), '');
  if (results.length === 2) {
    const [one, two] = results;
    lines.push(`scaling: split/all uploads/s ${(two.product.uploadsPerSecond / one.product.uploadsPerSecond).toFixed(2)}x (product), ${(two.bare.uploadsPerSecond / one.bare.uploadsPerSecond).toFixed(2)}x (bare)`);
  }
  lines.push(`load average ${loadAtStart.map((v) => v.toFixed(2)).join(' ')} at start, ${os.loadavg().map((v) => v.toFixed(2)).join(' ')} at end`);
  for (const check of allChecks) lines.push(`${check.ok ? 'PASS' : 'FAIL'}  ${check.target}: ${check.actual}`);
  const file = path.join(RESULTS_DIR, 'burst.json');
  fs.writeFileSync(
    file,
    JSON.stringify(
      {
        benchmark: 'burst',
        ok,
        finishedAt: new Date().toISOString(),
        machine: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, totalMemMb: Math.round(os.totalmem() / 2 ** 20) },
        settings: { units: UNITS, writers: WRITERS, readers: READERS, files: FILES, appEnv: APP_ENV },
        results,
        checks: allChecks,
      },
      null,
      2,
    ) + '\n',
  );
  lines.push(`results: ${path.relative(ROOT, file)}; app logs: bench/results/burst-*.log`);
  return { name: 'burst', ok, lines };
}

module.exports = { run };

runStandalone(module, run);
