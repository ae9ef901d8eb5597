/**
 * The upload benchmark's yardsticks, each run as its own process so its memory is its own:
 *   node bench/upload/bare-pipeline.js csv <file> <databaseUrl>    papaparse + store
 *   node bench/upload/bare-pipeline.js xlsx <file> <databaseUrl>   exceljs (the app's WorkbookReader options) + store
 *   node bench/upload/bare-pipeline.js papaparse <file>            papaparse alone, counting rows
 * "Store" is what the product must do at the least: in one transaction on one pg connection, the
 * original bytes as one bytea and the rows as jsonb pages of 1,000 (rows keyed by field, cells as
 * read: no validation, no typing), into scratch tables of the bench database. The version insert
 * and the page inserts are chained on the connection without the parser waiting for them, so
 * storing overlaps parsing as in the app. The clock starts with the file already in memory.
 * Prints one JSON line: { mode, rows, pages, ms, cpuSeconds, rowsPerSecond, baselineRssKb, peakRssKb }.
 */
const { randomUUID } = require('node:crypto');
const fs = require('node:fs');
const { performance } = require('node:perf_hooks');
const { Readable } = require('node:stream');
const ExcelJS = require('exceljs');
const Papa = require('papaparse');
const { Client } = require('pg');
const { readStatus, resetPeak } = require('../lib/process-stats');
const { FIELDS } = require('./schema');

const PAGE_ROWS = 1000;
const KEY_BY_LABEL = new Map(FIELDS.map((field) => [field.label, field.key]));

const SCRATCH_TABLES = `
  CREATE TABLE IF NOT EXISTS bench_bare_versions (id uuid PRIMARY KEY, original bytea NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
  CREATE TABLE IF NOT EXISTS bench_bare_row_pages (version_id uuid NOT NULL REFERENCES bench_bare_versions (id) ON DELETE CASCADE,
    page int NOT NULL, row_count int NOT NULL, rows jsonb NOT NULL, PRIMARY KEY (version_id, page));`;

/** Collects rows into pages of 1,000 and chains each full page's insert on the connection. */
function pageSink(client, versionId, before) {
  let tail = before;
  let page = [];
  let pages = 0;
  let rows = 0;
  const send = () => {
    if (page.length === 0) return;
    const params = [versionId, pages++, page.length, `[${page.join(',')}]`];
    tail = tail.then(() => client.query('INSERT INTO bench_bare_row_pages (version_id, page, row_count, rows) VALUES ($1, $2, $3, $4::jsonb)', params));
    page = [];
  };
  return {
    add(row) {
      page.push(JSON.stringify(row));
      rows++;
      if (page.length >= PAGE_ROWS) send();
    },
    async done() {
      send();
      await tail;
      return { rows, pages };
    },
  };
}

function keysOf(header) {
  return header.map((label, index) => KEY_BY_LABEL.get(String(label).trim()) ?? `column_${index + 1}`);
}

function parseCsv(buffer, onRow) {
  let keys = null;
  let text = buffer.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  Papa.parse(text, {
    skipEmptyLines: true,
    step: ({ data }) => {
      if (!keys) {
        keys = keysOf(data);
        return;
      }
      const row = {};
      for (let i = 0; i < keys.length; i++) row[keys[i]] = data[i] ?? '';
      onRow(row);
    },
  });
}

/** A Buffer as 64 KiB slices, the way the app feeds exceljs. */
function* slices(buffer, size = 64 * 1024) {
  for (let offset = 0; offset < buffer.length; offset += size) yield buffer.subarray(offset, offset + size);
}

async function parseXlsx(buffer, onRow) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(slices(buffer)), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  for await (const sheet of reader) {
    let keys = null;
    for await (const xlsxRow of sheet) {
      if (xlsxRow.cellCount === 0) continue;
      const values = xlsxRow.values; // 1-based, sparse
      if (!keys) {
        keys = keysOf(values.slice(1));
        continue;
      }
      const row = {};
      for (let i = 0; i < keys.length; i++) row[keys[i]] = values[i + 1] ?? null;
      onRow(row);
    }
    break; // the first sheet only
  }
}

async function parseAndStore(format, buffer, databaseUrl) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(SCRATCH_TABLES);
    const versionId = randomUUID();
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    await client.query('BEGIN');
    const stored = client.query('INSERT INTO bench_bare_versions (id, original) VALUES ($1, $2)', [versionId, buffer]);
    const sink = pageSink(client, versionId, stored);
    if (format === 'csv') parseCsv(buffer, sink.add);
    else await parseXlsx(buffer, sink.add);
    const { rows, pages } = await sink.done();
    await client.query('COMMIT');
    return { rows, pages, ms: performance.now() - started, cpu: process.cpuUsage(cpuBefore) };
  } finally {
    await client.end();
  }
}

function papaparseAlone(buffer) {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  let records = 0;
  let text = buffer.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  Papa.parse(text, { skipEmptyLines: true, step: () => records++ });
  return { rows: records - 1, pages: 0, ms: performance.now() - started, cpu: process.cpuUsage(cpuBefore) };
}

async function main() {
  const [mode, file, databaseUrl] = process.argv.slice(2);
  if (!['csv', 'xlsx', 'papaparse'].includes(mode) || !file || (mode !== 'papaparse' && !databaseUrl)) {
    throw new Error('usage: node bench/upload/bare-pipeline.js csv|xlsx <file> <databaseUrl> | papaparse <file>');
  }
  const buffer = fs.readFileSync(file);
  resetPeak(process.pid);
  const baseline = readStatus(process.pid);
  const result = mode === 'papaparse' ? papaparseAlone(buffer) : await parseAndStore(mode, buffer, databaseUrl);
  const { peakKb } = readStatus(process.pid);
  const line = {
    mode,
    rows: result.rows,
    pages: result.pages,
    ms: result.ms,
    cpuSeconds: (result.cpu.user + result.cpu.system) / 1e6,
    rowsPerSecond: result.rows / (result.ms / 1000),
    baselineRssKb: baseline.rssKb,
    peakRssKb: peakKb,
  };
  process.stdout.write(JSON.stringify(line) + '\n');
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
