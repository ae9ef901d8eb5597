import { Client } from 'pg';
import { type AppProcess, startAppProcess } from '../support/app-process';
import { csv, TT35_HEADER, tt35Rows } from '../support/report-files';
import { DEMO_PASSWORD } from '../support/test-env';
import { waitFor } from '../support/wait-for';
import { Drill } from './support/drill';
import { ThrowawayPostgres } from './support/throwaway-postgres';

/** Units of today's map (the app runs on the real clock, so it reports for the current year). */
const UNITS = ['01', '04', '08', '11', '12', '14'];
/** Units whose upload and review decision the drill sends itself while PostgreSQL is down. */
const PROBE_UPLOAD_UNIT = '15';
const PROBE_REVIEW_UNIT = '19';
/** This year's yearly report: open now, and tracked (due after the install's first start, today). */
const CURRENT_YEAR = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date());
const PERIOD = `TT35-BUU-CHINH/periods/${CURRENT_YEAR}-Y`;

interface Submitted {
  id: string;
  revision: number;
  submittedVersion: number;
}

interface Answer {
  label: string;
  status: number;
  problem: boolean;
  code?: string;
  retryAfter: string | null;
  ms: number;
  atOutage: boolean;
}

describe('Drill: PostgreSQL restarted during uploads and reviews', () => {
  let pg: ThrowawayPostgres;
  let app: AppProcess;
  const answers: Answer[] = [];
  let outage = false;

  beforeAll(async () => {
    pg = await ThrowawayPostgres.create();
    app = await startAppProcess({
      DATABASE_URL: pg.url,
      REDIS_PREFIX: `${process.env.REDIS_PREFIX}-drill-postgres`,
      DEMO_SEED: 'true',
      DEMO_PASSWORD,
      ENTRY_LOCK_AFTER_DAYS: '0',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    });
  }, 90000);
  afterAll(async () => {
    await app?.stop();
    await pg?.remove();
  });

  const call = async (label: string, path: string, init: { token?: string; json?: unknown; form?: FormData } = {}) => {
    const started = Date.now();
    const atOutage = outage;
    const response = await fetch(`${app.url}${path}`, {
      method: init.json !== undefined || init.form ? 'POST' : 'GET',
      headers: { ...(init.token ? { authorization: init.token } : {}), ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: init.form ?? (init.json !== undefined ? JSON.stringify(init.json) : undefined),
    });
    const problem = /^application\/problem\+json/.test(response.headers.get('content-type') ?? '');
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    answers.push({ label, status: response.status, problem, code: body.code as string | undefined, retryAfter: response.headers.get('retry-after'), ms: Date.now() - started, atOutage });
    return { status: response.status, body };
  };

  /** Sends the request again while it is answered 503, as a client told to retry would (sooner than Retry-After, to keep the drill short). */
  const retrying = async (send: () => Promise<{ status: number; body: Record<string, unknown> }>) => {
    for (const deadline = Date.now() + 45000; ; ) {
      const result = await send();
      if (result.status !== 503 || Date.now() > deadline) return result;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  const login = async (email: string) => `Bearer ${(await retrying(() => call('login', '/api/v1/auth/login', { json: { email, password: DEMO_PASSWORD } }))).body.accessToken}`;

  const submissionBase = (unitId: string) => `/api/v1/obligations/${PERIOD}/units/${unitId}/submission`;
  const reportFile = (unit: string, round: number) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(csv([TT35_HEADER, ...tt35Rows([round, 12, 4, 1], [25 + round, 1234, 40, Number(unit)])]))]), `bao-cao-${unit}-${round}.csv`);
    return form;
  };
  const expectStatus = <T = Record<string, unknown>>(what: string, result: { status: number; body: Record<string, unknown> }, ...statuses: number[]): T => {
    if (!statuses.includes(result.status)) throw new Error(`${what}: ${result.status} ${JSON.stringify(result.body)}`);
    return result.body as T;
  };
  // The same bytes again are recognised (200, the earlier version): a retried upload never adds a version.
  const upload = async (unit: string, unitId: string, officer: string, round: number) =>
    expectStatus(`upload ${unit}/${round}`, await retrying(() => call('upload', `${submissionBase(unitId)}/versions`, { token: officer, form: reportFile(unit, round) })), 201, 200);
  const submit = async (unit: string, unitId: string, officer: string) =>
    expectStatus<Submitted>(`submit ${unit}`, await retrying(() => call('submit', `${submissionBase(unitId)}/submit`, { token: officer, json: {} })), 200);
  const decisionOf = (submitted: Submitted, decision: 'return' | 'approve') => ({
    decision,
    versionNumber: submitted.submittedVersion,
    expectedRevision: submitted.revision,
    ...(decision === 'return' ? { comment: 'Đề nghị kiểm tra lại số lũy kế' } : {}),
  });
  const decide = async (unit: string, submitted: Submitted, decision: 'return' | 'approve', reviewer: string) =>
    expectStatus(
      `${decision} ${unit}`,
      await retrying(() => call('review decision', `/api/v1/submissions/${submitted.id}/decisions`, { token: reviewer, json: decisionOf(submitted, decision) })),
      200,
    );

  /** One unit's round trip: upload, submit, returned; upload again, submit, approved. */
  const reportingCycle = async (unit: string, unitId: string, officer: string, reviewer: string) => {
    await upload(unit, unitId, officer, 1);
    await decide(unit, await submit(unit, unitId, officer), 'return', reviewer);
    await upload(unit, unitId, officer, 2);
    await decide(unit, await submit(unit, unitId, officer), 'approve', reviewer);
  };

  it('answers 503 problem+json while PostgreSQL is down, succeeds on retry, keeps every version whole, and recovers without a restart', async () => {
    const drill = new Drill('PostgreSQL restarted during uploads and reviews');
    const reviewer = await login('reviewer@baocao.local');
    const admin = await login('admin@baocao.local');
    const units = (await call('units', '/api/v1/units', { token: admin })).body.items as Array<{ code: string; id: string }>;
    const unitId = (code: string) => units.find((unit) => unit.code === code)?.id as string;
    const officers = await Promise.all(UNITS.map((unit) => login(`officer.${unit}@baocao.local`)));
    const [uploadProbeOfficer, reviewProbeOfficer] = await Promise.all([PROBE_UPLOAD_UNIT, PROBE_REVIEW_UNIT].map((unit) => login(`officer.${unit}@baocao.local`)));
    await upload(PROBE_REVIEW_UNIT, unitId(PROBE_REVIEW_UNIT), reviewProbeOfficer, 1);
    const waitingForReview = await submit(PROBE_REVIEW_UNIT, unitId(PROBE_REVIEW_UNIT), reviewProbeOfficer);

    const before = answers.length;
    const cycles = Promise.allSettled(UNITS.map((unit, index) => reportingCycle(unit, unitId(unit), officers[index], reviewer)));
    // Stop once a report has been submitted: the clients are then spread over uploads, submits and decisions.
    await waitFor('a first report to be submitted', () => answers.slice(before).some((a) => a.label === 'submit' && a.status === 200), { timeoutMs: 30000 });
    outage = true;
    await pg.stop('fast');
    const probes = {
      upload: await call('upload', `${submissionBase(unitId(PROBE_UPLOAD_UNIT))}/versions`, { token: uploadProbeOfficer, form: reportFile(PROBE_UPLOAD_UNIT, 1) }),
      decision: await call('review decision', `/api/v1/submissions/${waitingForReview.id}/decisions`, { token: reviewer, json: decisionOf(waitingForReview, 'approve') }),
      read: await call('read', '/api/v1/obligations', { token: officers[0] }),
    };
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await pg.start();
    outage = false;
    const retried = {
      upload: await upload(PROBE_UPLOAD_UNIT, unitId(PROBE_UPLOAD_UNIT), uploadProbeOfficer, 1).then(() => 'done', (error: Error) => error.message),
      decision: await decide(PROBE_REVIEW_UNIT, waitingForReview, 'approve', reviewer).then(() => 'done', (error: Error) => error.message),
    };
    const settled = await cycles;

    const duringOutage = answers.filter((a) => a.atOutage);
    const unavailable = duringOutage.filter((a) => a.status >= 400);
    drill.check(
      'an upload, a review decision and a read sent while PostgreSQL is down are answered 503 problem+json',
      `upload ${probes.upload.status} ${probes.upload.body.code}, review decision ${probes.decision.status} ${probes.decision.body.code}, read ${probes.read.status} ${probes.read.body.code}`,
      [probes.upload, probes.decision, probes.read].every((probe) => probe.status === 503 && probe.body.code === 'service_unavailable'),
    );
    drill.check(
      'sent again once PostgreSQL is back, the same upload and decision succeed',
      `upload: ${retried.upload}; decision: ${retried.decision}`,
      retried.upload === 'done' && retried.decision === 'done',
    );
    drill.check(
      'every request the outage refused is answered 503 application/problem+json, code service_unavailable, Retry-After 5, promptly',
      `${unavailable.length} of ${duringOutage.length} requests during the outage refused (${[...new Set(unavailable.map((a) => a.label))].join(', ')}); all problem+json with the code: ${unavailable.every((a) => a.problem && a.code === 'service_unavailable')}; Retry-After: ${[...new Set(unavailable.map((a) => a.retryAfter))].join(',')}; slowest ${Math.max(0, ...unavailable.map((a) => a.ms))} ms`,
      unavailable.length > 3 && unavailable.every((a) => a.status === 503 && a.problem && a.code === 'service_unavailable' && a.retryAfter === '5' && a.ms < 5000),
    );
    const otherFailures = answers.filter((a) => a.status >= 500 && a.status !== 503);
    drill.check('no request fails otherwise (no 500)', `${otherFailures.length} other 5xx answers`, otherFailures.length === 0);
    const failedCycles = settled.filter((result) => result.status === 'rejected').map((result) => String((result as PromiseRejectedResult).reason));
    drill.check(
      `every request refused during the outage succeeds when sent again: ${UNITS.length} units upload, submit, are returned, upload, submit, are approved`,
      failedCycles.length === 0 ? `all ${UNITS.length} cycles completed (${answers.length} requests in all)` : failedCycles.join('; '),
      failedCycles.length === 0,
    );

    const expectedStates = [...UNITS.map((unit) => `${unit}=approved:2`), `${PROBE_UPLOAD_UNIT}=draft:1`, `${PROBE_REVIEW_UNIT}=approved:1`].sort().join(' ');
    const db = new Client({ connectionString: pg.url });
    await db.connect();
    try {
      const [{ broken, placeholders, counters, unaudited, states }] = (
        await db.query(`SELECT
          (SELECT count(*) FROM submission_versions v WHERE v.rows_read <> (SELECT count(*) FROM submission_rows r WHERE r.version_id = v.id))::int AS broken,
          (SELECT count(*) FROM submission_versions WHERE report = '{}'::jsonb)::int AS placeholders,
          (SELECT count(*) FROM submissions s WHERE s.version_count <> (SELECT count(*) FROM submission_versions v WHERE v.submission_id = s.id)
              OR NOT EXISTS (SELECT 1 FROM submission_versions v WHERE v.id = s.current_version_id AND v.number = s.version_count))::int AS counters,
          (SELECT count(*) FROM submission_versions v WHERE NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.entity_id = v.submission_id::text
              AND a.action = 'submission.version_uploaded' AND (a.after ->> 'version')::int = v.number))::int AS unaudited,
          (SELECT string_agg(u.code || '=' || s.status || ':' || s.version_count, ' ' ORDER BY u.code) FROM submissions s JOIN reporting_units u ON u.id = s.unit_id) AS states`)
      ).rows;
      drill.check(
        'no half-written version: each has all its rows, its report and its audit event; submissions agree with their versions; each cycle ends approved with exactly 2 versions',
        `versions missing rows: ${broken}, without report: ${placeholders}, submissions with wrong counters: ${counters}, versions without audit event: ${unaudited}; final states: ${states}`,
        broken === 0 && placeholders === 0 && counters === 0 && unaudited === 0 && states === expectedStates,
      );
    } finally {
      await db.end();
    }

    const ready = await fetch(`${app.url}/health/ready`);
    drill.check(
      'the process recovers without a restart: same process, ready again, serving',
      `process ${app.child.pid} ${app.child.exitCode === null ? 'still running' : `exited ${app.child.exitCode}`}; /health/ready ${ready.status}; a read now ${(await call('read', '/api/v1/obligations', { token: officers[0] })).status}`,
      app.child.exitCode === null && ready.status === 200 && answers.at(-1)?.status === 200,
    );
    drill.finish();
  });
});
