/**
 * Compliance read paths at national scale: 10,000 units x 10 monthly obligations x 12 periods
 * (1.2 million submissions) in a database of its own. Through HTTP against the real app (a child
 * process), it times the completion of one obligation-period, the completion of all obligations of
 * a period, and the units x periods matrix of one obligation; and, in the same run, the same SQL
 * the endpoints issue (the compiled repositories on a bare pg connection, no Nest, HTTP or JSON).
 * Reports p50/p99 and the ratio to bare SQL; target: p99 < 50 ms for one obligation-period.
 *   npm run bench -- compliance      (builds dist/ first)
 */
const { Buffer } = require('node:buffer');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const http = require('node:http');
const { performance } = require('node:perf_hooks');
const { Client, Pool } = require('pg');
const { startApp, ROOT } = require('./lib/app-process');
const { login } = require('./lib/api');
const { clearRedisPrefix, dropDatabase, recreateDatabase } = require('./lib/database');
const { runStandalone } = require('./lib/standalone');
const { formatTable } = require('./lib/table');

const DATABASE_URL = process.env.BENCH_COMPLIANCE_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/baocao_bench_compliance';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const REDIS_PREFIX = 'baocao-bench-compliance';
const DEMO_PASSWORD = 'bench-demo-password';
const RESULTS = path.join(ROOT, 'bench', 'results');

const UNITS = 10_000;
const OBLIGATIONS = 10;
const YEAR = 2025;
const PERIODS = 12;
const WARM_UP = 30;
const REQUESTS = 200;
const TARGET_P99_MS = 50;
/** The completion summary lists this many units still owing by default (DEFAULT_OWING_LIMIT). */
const OWING_LIMIT = 100;

const dist = (...parts) => require(path.join(ROOT, 'dist', 'src', ...parts));

/** Migrated schema, 10,000 provinces-like units, 10 monthly obligations, one submission per unit, obligation and month. */
async function load(client) {
  const started = performance.now();
  await client.query(
    `INSERT INTO reporting_units (code, name, name_ascii, kind, region, valid_from)
     SELECT 'B' || lpad(n::text, 5, '0'), 'Đơn vị thử nghiệm ' || n, 'Don vi thu nghiem ' || n, 'province', 'Vùng ' || (n % 6), '2008-08-01'
       FROM generate_series(1, $1::int) AS n`,
    [UNITS],
  );
  await client.query(
    `INSERT INTO obligations (code, title, legal_document, issuing_body, period_type, cutoff_kind, deadline_rule, target_scope,
                              complies_when, reminder_policy, active_from, revision)
     SELECT 'BENCH-' || lpad(n::text, 2, '0'), 'Báo cáo tháng thử nghiệm số ' || n, 'Văn bản thử nghiệm', 'Bộ Khoa học và Công nghệ',
            'monthly', 'calendar', '{"kind":"day_of_month","monthOffset":1,"day":15,"adjust":"next_working_day"}', 'all_provinces',
            CASE WHEN n % 2 = 0 THEN 'submitted' ELSE 'approved' END,
            '{"daysBefore":[7,2],"onDueDate":true,"overdueEveryDays":3,"escalateAfterDays":7,"monthlyCapPerUnit":10}', '2020-01-01', 1
       FROM generate_series(1, $1::int) AS n`,
    [OBLIGATIONS],
  );
  // Status by a hash of (unit, obligation, month): ~80% approved, 8% submitted, 4% returned, 4% draft, 4% not started.
  await client.query(
    `INSERT INTO submissions (obligation_id, period_key, unit_id, status, first_submitted_at, submitted_at, due_date, on_time, days_late, version_count, revision)
     SELECT o.id, p.key, u.id, s.status,
            CASE WHEN s.sent THEN p.due + (s.lateness || ' days')::interval - interval '5 hours' END,
            CASE WHEN s.sent THEN p.due + (s.lateness || ' days')::interval - interval '5 hours' END,
            CASE WHEN s.sent THEN p.due END,
            CASE WHEN s.sent THEN s.lateness <= 0 END,
            CASE WHEN s.sent THEN greatest(s.lateness, 0) END,
            CASE WHEN s.status = 'not_started' THEN 0 ELSE 1 END, 1
       FROM obligations o
       CROSS JOIN LATERAL (
         SELECT m, format('%s-M%s', $1::int, lpad(m::text, 2, '0')) AS key, make_date($1::int, m, 1) + interval '1 month' + interval '14 days' AS due
           FROM generate_series(1, $2::int) AS m
       ) p
       CROSS JOIN reporting_units u
       CROSS JOIN LATERAL (
         SELECT h, CASE WHEN h < 80 THEN 'approved' WHEN h < 88 THEN 'submitted' WHEN h < 92 THEN 'returned' WHEN h < 96 THEN 'draft' ELSE 'not_started' END AS status,
                h < 92 AS sent, CASE WHEN h % 10 = 0 THEN 1 + h % 7 ELSE -1 END AS lateness
           FROM (SELECT (hashtext(u.code || o.code || p.key) & 2147483647) % 100 AS h) x
       ) s
      WHERE o.code LIKE 'BENCH-%' AND u.code LIKE 'B%'`,
    [YEAR, PERIODS],
  );
  // Steady state: autovacuum has set the visibility map, so index-only scans need no heap visits.
  await client.query('VACUUM ANALYZE');
  const [{ count }] = (await client.query('SELECT count(*)::int AS count FROM submissions')).rows;
  return { submissions: count, seconds: (performance.now() - started) / 1000 };
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (ms) => Math.round(ms * 100) / 100;
  return { p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length), n: sorted.length };
}

async function timed(times, work) {
  for (let i = 0; i < WARM_UP; i += 1) await work();
  const samples = [];
  for (let i = 0; i < times; i += 1) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return summary(samples);
}

/** GET over one keep-alive connection, reading the whole body. */
function getter(baseUrl, token) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return (pathname) =>
    new Promise((resolve, reject) => {
      const request = http.get(`${baseUrl}${pathname}`, { agent, headers: { authorization: `Bearer ${token}` } }, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          if (response.statusCode !== 200) reject(new Error(`GET ${pathname} answered ${response.statusCode}: ${Buffer.concat(chunks).toString().slice(0, 500)}`));
          else resolve(Buffer.concat(chunks));
        });
      });
      request.on('error', reject);
    });
}

/** The compiled repositories on a bare pg pool: exactly the SQL the endpoints issue, with the same concurrency. */
function bareSql(pool) {
  const db = { query: async (sql, params) => (await pool.query(sql, params)).rows };
  const { CompletionRepository } = dist('compliance', 'completion.repository.js');
  const { MatrixRepository } = dist('compliance', 'matrix.repository.js');
  const { compliedStatuses } = dist('compliance', 'domain', 'completion-figures.js');
  return { completion: new CompletionRepository(db), matrix: new MatrixRepository(db), compliedStatuses };
}

async function obligationScopes(client) {
  const { rows } = await client.query(
    `SELECT id, code, title, period_type AS "periodType", cutoff_kind AS "cutoffKind", deadline_rule AS "deadlineRule", target_scope AS "targetScope",
            target_unit_codes AS "targetUnitCodes", complies_when AS "compliesWhen", active_from::text AS "activeFrom", retired_at AS "retiredAt"
       FROM obligations WHERE period_type = 'monthly' ORDER BY code`,
  );
  return rows;
}

async function run() {
  fs.mkdirSync(RESULTS, { recursive: true });
  const { parsePeriodKey } = dist('periods', 'domain', 'index.js');
  const { runPendingMigrations } = dist('bootstrap', 'migrate.js');
  await recreateDatabase(DATABASE_URL);
  await clearRedisPrefix(REDIS_URL, REDIS_PREFIX);
  await runPendingMigrations(DATABASE_URL);

  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  const pool = new Pool({ connectionString: DATABASE_URL, max: 20 });
  const app = { stop: async () => undefined };
  try {
    const loaded = await load(client);
    Object.assign(
      app,
      await startApp({
        env: { ROLE: 'api', NODE_ENV: 'development', DATABASE_URL, REDIS_URL, REDIS_PREFIX, DEMO_SEED: 'true', DEMO_PASSWORD, LOG_LEVEL: 'warn' },
        logFile: path.join(RESULTS, 'compliance-app.log'),
      }),
    );
    const token = await login(app.baseUrl, 'compliance@baocao.local', DEMO_PASSWORD);
    const get = getter(app.baseUrl, token);
    const sql = bareSql(pool);
    const obligations = await obligationScopes(client);
    const first = obligations.find((o) => o.code === 'BENCH-01');
    const period = parsePeriodKey(`${YEAR}-M06`);
    const year = Array.from({ length: PERIODS }, (_, i) => parsePeriodKey(`${YEAR}-M${String(i + 1).padStart(2, '0')}`));

    const matrixPage = async (limit) => {
      const { units } = await sql.matrix.units(year.map((p) => ({ obligation: first, periodEnd: p.end })), { offset: 0, limit }, null);
      await sql.matrix.facts([first.id], year.map((p) => p.key), units.map((u) => u.id));
    };
    const cases = [
      {
        name: 'completion, one obligation-period',
        path: `/api/v1/compliance/obligations/BENCH-01/periods/${period.key}`,
        sql: () =>
          Promise.all([sql.completion.tally(first, period), sql.completion.units(first, period, { exceptStatuses: sql.compliedStatuses(first.compliesWhen), limit: OWING_LIMIT })]),
        target: TARGET_P99_MS,
      },
      {
        name: `completion, all ${obligations.length} obligations of a period`,
        path: `/api/v1/compliance/periods/${period.key}`,
        sql: () => Promise.all(obligations.map((obligation) => sql.completion.tally(obligation, period))),
      },
      {
        name: 'matrix, one obligation x 12 periods (page of 100 units)',
        path: `/api/v1/compliance/obligations/BENCH-01/matrix?from=${YEAR}-M01&to=${YEAR}-M12`,
        sql: () => matrixPage(100),
      },
      {
        name: 'matrix, one obligation x 12 periods (page of 1,000 units)',
        path: `/api/v1/compliance/obligations/BENCH-01/matrix?from=${YEAR}-M01&to=${YEAR}-M12&limit=1000`,
        sql: () => matrixPage(1000),
      },
    ];

    const measured = [];
    for (const c of cases) {
      const bytes = (await get(c.path)).length;
      const httpStats = await timed(REQUESTS, () => get(c.path));
      const sqlStats = await timed(REQUESTS, c.sql);
      measured.push({
        name: c.name,
        path: c.path,
        responseBytes: bytes,
        http: httpStats,
        sql: sqlStats,
        ratio: { p50: Math.round((httpStats.p50 / sqlStats.p50) * 100) / 100, p99: Math.round((httpStats.p99 / sqlStats.p99) * 100) / 100 },
        ...(c.target ? { targetP99Ms: c.target, met: httpStats.p99 < c.target } : {}),
      });
    }

    const result = {
      benchmark: 'compliance',
      at: new Date().toISOString(),
      machine: { loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100), cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, postgres: (await client.query('SHOW server_version')).rows[0].server_version },
      dataset: { units: UNITS + 63, obligations: OBLIGATIONS, periods: PERIODS, submissions: loaded.submissions, loadSeconds: Math.round(loaded.seconds) },
      method: `${WARM_UP} warm-up then ${REQUESTS} sequential requests per case over one keep-alive connection; bare SQL = the same repository queries on a pg pool of 20 with the endpoint's concurrency (completion: tally and owing list at once; all obligations: the tallies at once; matrix: units page then cells)`,
      cases: measured,
    };
    fs.writeFileSync(path.join(RESULTS, 'compliance.json'), `${JSON.stringify(result, null, 2)}\n`);
    const ok = measured.every((m) => m.met !== false);
    return {
      name: 'compliance',
      ok,
      lines: [
        `dataset: ${result.dataset.units} units, ${OBLIGATIONS} obligations x ${PERIODS} periods = ${loaded.submissions} submissions (loaded in ${result.dataset.loadSeconds} s)`,
        ...formatTable(
          ['case', 'HTTP p50 ms', 'HTTP p99 ms', 'SQL p50 ms', 'SQL p99 ms', 'ratio p50', 'ratio p99', 'bytes'],
          measured.map((m) => [m.name, m.http.p50, m.http.p99, m.sql.p50, m.sql.p99, m.ratio.p50, m.ratio.p99, m.responseBytes]),
        ),
        `target: p99 < ${TARGET_P99_MS} ms for one obligation-period: ${measured[0].met ? 'met' : 'MISSED'} (load average ${result.machine.loadAverage.join(' ')} on ${result.machine.cpus} CPUs)`,
        `written to ${path.relative(ROOT, path.join(RESULTS, 'compliance.json'))}`,
      ],
    };
  } finally {
    await app.stop();
    await pool.end();
    await client.end();
    await dropDatabase(DATABASE_URL);
  }
}

module.exports = { run };

runStandalone(module, run);
