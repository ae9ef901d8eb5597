/**
 * The burst's load: `writers` concurrent clients take units from one queue and, for each, upload
 * its file and (when the upload is accepted) submit it, while `readers` clients loop over the read
 * requests until the writers are done. undici over keep-alive connections; every body is read.
 * Per request kind: latencies, statuses; plus accepted uploads and the writers' wall time.
 */
const { performance } = require('node:perf_hooks');
const { Buffer } = require('node:buffer');
const { Agent, request } = require('undici');

const BOUNDARY = '----baocao-bench-burst-7d1f3c';

/** A multipart/form-data body with the one field `file`. */
function multipart(bytes, fileName, mediaType) {
  const head = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${mediaType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  return { body: Buffer.concat([head, bytes, tail]), contentType: `multipart/form-data; boundary=${BOUNDARY}` };
}

function parsed(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function percentile(sorted, p) {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summarise(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? NaN };
}

/**
 * plan: { upload(unit) → {path, headers, body}, accepted(status, json) → boolean,
 *         submit(unit, json) → {path, headers, body} | null, reads: [{kind, path, headers}] }
 */
async function drive({ baseUrl, units, writers, readers, plan }) {
  const dispatcher = new Agent({ connections: writers + readers + 8, keepAliveTimeout: 60_000, headersTimeout: 300_000, bodyTimeout: 300_000 });
  const samples = {};
  const statuses = {};
  const failures = [];
  const note = (kind, status, ms) => {
    (samples[kind] ??= []).push(ms);
    (statuses[kind] ??= {})[status] = (statuses[kind][status] ?? 0) + 1;
  };
  const call = async (kind, method, { path, headers, body }, wantJson) => {
    const started = performance.now();
    try {
      const response = await request(`${baseUrl}${path}`, { method, headers, body, dispatcher });
      const text = await response.body.text();
      note(kind, response.statusCode, performance.now() - started);
      if (response.statusCode >= 400 && failures.length < 5) failures.push(`${kind} ${response.statusCode}: ${text.slice(0, 300)}`);
      return { status: response.statusCode, json: wantJson ? parsed(text) : null };
    } catch (error) {
      note(kind, 'network', performance.now() - started);
      if (failures.length < 5) failures.push(`${kind}: ${error.message}`);
      return { status: 0, json: null };
    }
  };

  let next = 0;
  let accepted = 0;
  let writing = true;
  const started = performance.now();
  const writer = async () => {
    while (next < units.length) {
      const unit = units[next++];
      const uploaded = await call('upload', 'POST', plan.upload(unit), true);
      if (!plan.accepted(uploaded.status, uploaded.json)) continue;
      accepted++;
      const submission = plan.submit(unit, uploaded.json);
      if (submission) await call('submit', 'POST', submission, false);
    }
  };
  const reader = async (index) => {
    for (let round = index; writing; round++) {
      const read = plan.reads[round % plan.reads.length];
      await call(read.kind, 'GET', read, false);
    }
  };
  const readerRuns = Array.from({ length: readers }, (_, index) => reader(index));
  await Promise.all(Array.from({ length: writers }, writer));
  const seconds = (performance.now() - started) / 1000;
  writing = false;
  await Promise.all(readerRuns);
  await dispatcher.close();
  return {
    seconds,
    accepted,
    uploadsPerSecond: accepted / seconds,
    kinds: Object.fromEntries(Object.entries(samples).map(([kind, list]) => [kind, { ...summarise(list), statuses: statuses[kind] }])),
    failures,
  };
}

module.exports = { drive, multipart };
