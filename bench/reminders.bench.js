/**
 * Reminders at scale: 10,000 units owing one report, in a database of its own. From the scheduler's
 * tick (ReminderScheduler.tick, run in this process against the compiled app in the api role) to the
 * last e-mail received by a local smtp-server sink (a process of its own), with a separate worker
 * process (`node dist/src/main.js`, ROLE=worker) sending through its pooled SMTP transport; and in
 * the same run the bare nodemailer-to-sink throughput with the same pool size. Reports both rates
 * and their ratio (target: at least 0.5x bare), duplicates and missing e-mails (both must be 0).
 *   npm run bench -- reminders      (builds dist/ first)   or   npx nest build && node bench/reminders.bench.js
 */
const { fork, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');
const { Client } = require('pg');
const { ROOT } = require('./lib/app-process');
const { clearRedisPrefix, dropDatabase, recreateDatabase } = require('./lib/database');
const { runStandalone } = require('./lib/standalone');
const { formatTable } = require('./lib/table');

const DATABASE_URL = process.env.BENCH_REMINDERS_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/baocao_bench_reminders';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const REDIS_PREFIX = 'baocao-bench-reminders';
const RESULTS = path.join(ROOT, 'bench', 'results');
const UNITS = Number(process.env.BENCH_REMINDER_UNITS ?? 10_000);
const POOL_SIZE = Number(process.env.BENCH_MAIL_POOL_SIZE ?? 5);
/** Worker processes sending (scale-out); each has its own pool of POOL_SIZE connections. */
const WORKERS = Number(process.env.BENCH_REMINDER_WORKERS ?? 1);
const TARGET_RATIO = 0.5;
const CODE = 'BENCH-NHAC-HAN';
const PERIOD = '2025-M02';
/** Tuesday 11/03/2025 10:00 in Vietnam: the due date of 2025-M02, inside office hours. */
const NOW = new Date('2025-03-11T10:00:00+07:00');
/** Extra node flags for the worker process, e.g. BENCH_WORKER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof'. */
const WORKER_NODE_ARGS = (process.env.BENCH_WORKER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
const DELIVERY_TIMEOUT_MS = 10 * 60_000;
// After the last expected e-mail, how long to keep listening for duplicates.
const QUIET_MS = 2000;

const dist = (...parts) => require(path.join(ROOT, 'dist', 'src', ...parts));

/** The sink process: `request(message)` resolves with its next answer of the same type. */
async function startSink() {
  const child = fork(path.join(__dirname, 'reminders', 'smtp-sink-process.js'), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map();
  child.on('message', (message) => {
    const resolve = pending.get(message.type);
    pending.delete(message.type);
    resolve?.(message);
  });
  const next = (type) => new Promise((resolve) => pending.set(type, resolve));
  const { port } = await next('listening');
  return {
    url: `smtp://127.0.0.1:${port}`,
    request: (message) => {
      const answer = next(message.type);
      child.send(message);
      return answer;
    },
    stop: () => child.kill('SIGTERM'),
  };
}

async function waitForDistinct(sink, expected, startedAt) {
  const deadline = Date.now() + DELIVERY_TIMEOUT_MS;
  for (;;) {
    const report = await sink.request({ type: 'report' });
    if (report.distinct >= expected) return report;
    if (Date.now() > deadline) throw new Error(`only ${report.distinct} of ${expected} e-mails arrived in ${DELIVERY_TIMEOUT_MS / 1000} s`);
    await sleep(Date.now() - startedAt < 2000 ? 20 : 100);
  }
}

/** Bare nodemailer: the same pooled transport settings, the same content, straight to the sink. */
async function bareRun(sink, content) {
  const nodemailer = require('nodemailer');
  const transporter = nodemailer.createTransport({ url: sink.url, pool: true, maxConnections: POOL_SIZE });
  await sink.request({ type: 'reset' });
  const startedAt = Date.now();
  const sends = [];
  for (let n = 1; n <= UNITS; n += 1) {
    sends.push(
      transporter.sendMail({
        from: '"Hệ thống báo cáo baocao" <no-reply@baocao.local>',
        to: `don-vi-${n}@bench.baocao.local`,
        subject: content.subject,
        html: content.html,
        text: content.text,
        headers: { 'X-Baocao-Mail-Key': `bare:${n}` },
      }),
    );
  }
  await Promise.all(sends);
  const report = await waitForDistinct(sink, UNITS, startedAt);
  await sleep(QUIET_MS);
  const final = await sink.request({ type: 'report' });
  transporter.close();
  return { seconds: (report.lastAt - startedAt) / 1000, duplicates: final.duplicates, received: final.distinct };
}

function startWorker(env, logFile) {
  const log = fs.openSync(logFile, 'w');
  const child = spawn(process.execPath, [...WORKER_NODE_ARGS, path.join(ROOT, 'dist', 'src', 'main.js')], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', log] });
  fs.closeSync(log);
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      fs.appendFileSync(logFile, chunk);
      if (/worker started/.test(output)) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`the worker exited (${code}) during start-up; see ${logFile}`)));
  });
}

async function stopWorker(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  if ((await Promise.race([exited, sleep(20_000, 'timeout')])) === 'timeout') child.kill('SIGKILL');
}

/** 10,000 communes with one submitter address each, and one monthly obligation listing them. */
async function load(client) {
  await client.query(`UPDATE obligations SET retired_at = now() WHERE retired_at IS NULL`);
  await client.query(
    `INSERT INTO reporting_units (code, name, name_ascii, kind, valid_from, submitter_emails)
     SELECT 'N' || lpad(n::text, 5, '0'), 'Đơn vị thử nghiệm ' || n, 'Don vi thu nghiem ' || n, 'commune', '2000-01-01',
            ARRAY['van-thu.' || n || '@bench.baocao.local']
       FROM generate_series(1, $1::int) AS n`,
    [UNITS],
  );
  await client.query(
    `INSERT INTO obligations (code, title, legal_document, issuing_body, period_type, cutoff_kind, deadline_rule, target_scope,
                              target_unit_codes, complies_when, reminder_policy, active_from, revision)
     VALUES ($1, 'Báo cáo tháng thử nghiệm nhắc hạn', 'Văn bản thử nghiệm', 'Bộ Khoa học và Công nghệ', 'monthly', 'calendar',
             '{"kind":"day_of_month","monthOffset":1,"day":11,"adjust":"none"}', 'listed_units',
             ARRAY(SELECT 'N' || lpad(n::text, 5, '0') FROM generate_series(1, $2::int) AS n), 'approved',
             '{"daysBefore":[7,2],"onDueDate":true,"overdueEveryDays":3,"escalateAfterDays":7,"monthlyCapPerUnit":10}', '2025-02-01', 1)`,
    [CODE, UNITS],
  );
}

/** The compiled app in the api role, in this process; the environment it read is restored afterwards (bench/run.js runs other benchmarks next). */
async function appContext(env) {
  const previous = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  try {
    const { NestFactory } = require('@nestjs/core');
    const { AppModule } = dist('app.module.js');
    return await NestFactory.createApplicationContext(AppModule.forRole('api'), { logger: ['error', 'warn'] });
  } finally {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

async function run() {
  const { reminderMail } = dist('reminders', 'reminder-mail.js');
  const { ReminderScheduler } = dist('reminders', 'reminder-scheduler.js');
  const { runPendingMigrations } = dist('bootstrap', 'migrate.js');
  fs.mkdirSync(RESULTS, { recursive: true });
  await recreateDatabase(DATABASE_URL);
  await clearRedisPrefix(REDIS_URL, REDIS_PREFIX);
  await runPendingMigrations(DATABASE_URL);

  const sink = await startSink();
  const env = {
    NODE_ENV: 'test',
    DATABASE_URL,
    REDIS_URL,
    REDIS_PREFIX,
    SMTP_URL: sink.url,
    MAIL_POOL_SIZE: String(POOL_SIZE),
    REMINDER_SCHEDULER_ENABLED: 'false',
    LOG_LEVEL: 'warn',
  };
  const sample = reminderMail({
    unitName: 'Đơn vị thử nghiệm 1',
    obligationCode: CODE,
    obligationTitle: 'Báo cáo tháng thử nghiệm nhắc hạn',
    issuingBody: 'Bộ Khoa học và Công nghệ',
    periodLabel: 'Tháng 02/2025',
    dueDate: '2025-03-11',
    daysUntilDue: 0,
    submissionStatus: 'not_started',
    escalated: false,
    manual: false,
    publicUrl: 'http://localhost:3000',
    submissionPath: `/api/v1/obligations/${CODE}/periods/${PERIOD}/units/00000000-0000-0000-0000-000000000000/submission`,
  });
  const workers = [];
  let app;
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const bare = await bareRun(sink, sample);

    // info: its "worker started" line is how the bench knows it is ready.
    for (let n = 1; n <= WORKERS; n += 1) workers.push(await startWorker({ ...env, ROLE: 'worker', LOG_LEVEL: 'info' }, path.join(RESULTS, `reminders-worker-${n}.log`)));
    await load(client);
    app = await appContext({ ...env, ROLE: 'api' });
    await sink.request({ type: 'reset' });

    const startedAt = Date.now();
    const tick = await app.get(ReminderScheduler).tick(NOW);
    const tickSeconds = (Date.now() - startedAt) / 1000;
    const delivered = await waitForDistinct(sink, Math.min(UNITS, tick.planned), startedAt);
    await sleep(QUIET_MS);
    const final = await sink.request({ type: 'report', withKeys: true });
    const { rows } = await client.query(`SELECT r.mail_key FROM reminders r JOIN obligations o ON o.id = r.obligation_id WHERE o.code = $1 AND r.status = 'planned'`, [CODE]);
    const received = new Set(final.keys);
    const missing = rows.filter((row) => !received.has(row.mail_key)).length;
    const [{ count: notSent }] = (await client.query(`SELECT count(*)::int AS count FROM mail_messages WHERE kind = 'reminder' AND status <> 'sent'`)).rows;

    const product = { seconds: (delivered.lastAt - startedAt) / 1000, tickSeconds };
    const rate = (count, seconds) => Math.round(count / seconds);
    const productRate = rate(UNITS, product.seconds);
    const bareRate = rate(UNITS, bare.seconds);
    const ratio = Math.round((productRate / bareRate) * 100) / 100;
    const ok = tick.planned === UNITS && final.duplicates === 0 && missing === 0 && bare.duplicates === 0 && ratio >= TARGET_RATIO;
    const result = {
      at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100) },
      dataset: { units: UNITS, poolSize: POOL_SIZE, workers: WORKERS, planned: tick.planned },
      method:
        'product: ReminderScheduler.tick in the bench process (api role) -> PostgreSQL rows + mail jobs in Redis -> a worker process (ROLE=worker) sends through its SMTP pool; ' +
        'time from the start of the tick to the last e-mail at the sink (a separate process). bare: nodemailer pooled transport with the same pool size and content, from the first sendMail to the last e-mail at the sink.',
      product: { seconds: product.seconds, emailsPerSecond: productRate, tickSeconds, duplicates: final.duplicates, missing, notSentInDatabase: notSent },
      bare: { seconds: bare.seconds, emailsPerSecond: bareRate, duplicates: bare.duplicates },
      ratio,
    };
    fs.writeFileSync(path.join(RESULTS, 'reminders.json'), `${JSON.stringify(result, null, 2)}\n`);
    return {
      name: 'reminders',
      ok,
      lines: [
        `dataset: ${UNITS} units owing one report; ${WORKERS} worker process(es) with an SMTP pool of ${POOL_SIZE}; ${tick.planned} reminders planned by one tick in ${tickSeconds.toFixed(1)} s; load average ${result.machine.loadAverage.join(' ')}`,
        ...formatTable(
          ['path', 'seconds', 'e-mails/s', 'duplicates', 'missing'],
          [
            ['product (tick -> last e-mail)', product.seconds.toFixed(1), productRate, final.duplicates, missing],
            ['bare nodemailer', bare.seconds.toFixed(1), bareRate, bare.duplicates, UNITS - bare.received],
          ],
        ),
        `ratio product/bare: ${ratio} (target >= ${TARGET_RATIO}: ${ratio >= TARGET_RATIO ? 'met' : 'MISSED'}); duplicates and missing must be 0: ${final.duplicates === 0 && missing === 0 ? 'met' : 'MISSED'}`,
        `written to ${path.relative(ROOT, path.join(RESULTS, 'reminders.json'))}`,
      ],
    };
  } finally {
    await app?.close();
    await Promise.all(workers.map(stopWorker));
    sink.stop();
    await client.end();
    await dropDatabase(DATABASE_URL);
  }
}

module.exports = { run };

runStandalone(module, run);
