/**
 * The burst benchmark's yardstick, run as its own process:
 *   node bench/burst/bare-server.js <port> <databaseUrl>
 * node:http + busboy + papaparse + one pg insert per file, on a pg pool of 20 (as the app's, see
 * `extra.max` in src/app.module.ts). Routes, the same shapes of work as the product's, without auth checks, validation,
 * versions, receipts or audit:
 *   POST /units/<code>/upload   multipart field `file`: parse the CSV, insert the original bytes and
 *                               the rows (jsonb) as one row of bench_burst_files; 201 {id, rows}
 *   POST /units/<code>/submit   one UPDATE of that row's submitted_at; 200
 *   GET  /dashboard             counts of uploaded and submitted files (one aggregate query)
 *   GET  /queue                 the 50 latest submitted files (id, unit, rows, time)
 * The bench creates the table bench_burst_files before starting it. Prints "listening" when ready.
 */
const { Buffer } = require('node:buffer');
const http = require('node:http');
const busboy = require('busboy');
const Papa = require('papaparse');
const { Pool } = require('pg');

const [port, databaseUrl] = [Number(process.argv[2]), process.argv[3]];
if (!port || !databaseUrl) {
  process.stderr.write('usage: node bench/burst/bare-server.js <port> <databaseUrl>\n');
  process.exit(2);
}
const pool = new Pool({ connectionString: databaseUrl, max: 20 });
const MAX_BYTES = 20 * 1024 * 1024;

function send(response, status, body) {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

/** The first file part of a multipart request, as one Buffer. */
function readFile(request) {
  return new Promise((resolve, reject) => {
    let parser;
    try {
      parser = busboy({ headers: request.headers, limits: { files: 1, fileSize: MAX_BYTES } });
    } catch (error) {
      reject(error);
      return;
    }
    let file = null;
    parser.on('file', (_name, stream) => {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => (file = Buffer.concat(chunks)));
    });
    parser.on('close', () => (file ? resolve(file) : reject(new Error('no file part'))));
    parser.on('error', reject);
    request.pipe(parser);
  });
}

/** Rows keyed by the header's labels, cells as text. */
function parseCsv(buffer) {
  let text = buffer.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const { data } = Papa.parse(text, { skipEmptyLines: true });
  const [header, ...records] = data;
  return records.map((record) => Object.fromEntries(header.map((label, index) => [label, record[index] ?? ''])));
}

async function upload(request, response, unitCode) {
  const bytes = await readFile(request);
  const rows = parseCsv(bytes);
  const { rows: inserted } = await pool.query('INSERT INTO bench_burst_files (unit_code, original, row_count, rows) VALUES ($1, $2, $3, $4::jsonb) RETURNING id', [
    unitCode,
    bytes,
    rows.length,
    JSON.stringify(rows),
  ]);
  send(response, 201, { id: inserted[0].id, rows: rows.length });
}

async function submit(response, unitCode) {
  const { rowCount } = await pool.query('UPDATE bench_burst_files SET submitted_at = now() WHERE unit_code = $1 AND submitted_at IS NULL', [unitCode]);
  send(response, rowCount === 1 ? 200 : 409, { submitted: rowCount });
}

async function route(request, response) {
  const match = /^\/units\/([^/]+)\/(upload|submit)$/.exec(request.url);
  if (request.method === 'POST' && match) {
    if (match[2] === 'upload') return upload(request, response, decodeURIComponent(match[1]));
    request.resume();
    return submit(response, decodeURIComponent(match[1]));
  }
  if (request.method === 'GET' && request.url === '/dashboard') {
    const { rows } = await pool.query('SELECT count(*)::int AS uploaded, count(submitted_at)::int AS submitted FROM bench_burst_files');
    return send(response, 200, rows[0]);
  }
  if (request.method === 'GET' && request.url === '/queue') {
    const { rows } = await pool.query('SELECT id, unit_code, row_count, submitted_at FROM bench_burst_files WHERE submitted_at IS NOT NULL ORDER BY submitted_at DESC LIMIT 50');
    return send(response, 200, { items: rows });
  }
  send(response, 404, { error: 'not found' });
}

const server = http.createServer((request, response) => {
  route(request, response).catch((error) => {
    if (!response.headersSent) send(response, 500, { error: error.message });
    else response.destroy();
  });
});
server.keepAliveTimeout = 60_000;
server.listen(port, '127.0.0.1', () => process.stdout.write('listening\n'));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
