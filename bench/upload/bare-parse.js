/**
 * Bare-parser baseline, run as its own process: `node bench/upload/bare-parse.js csv|xlsx <file>`.
 * Reads the file into memory (as the app receives it), then streams it through csv-parse or
 * exceljs's WorkbookReader, counting rows, and prints one JSON line:
 * { format, rows, ms, cpuSeconds, rowsPerSecond, baselineRssKb, peakRssKb }.
 */
const fs = require('node:fs');
const { Readable } = require('node:stream');
const { performance } = require('node:perf_hooks');
const { parse } = require('csv-parse');
const ExcelJS = require('exceljs');
const { readStatus, resetPeak } = require('../lib/process-stats');

const CHUNK = 64 * 1024;

function* slices(buffer) {
  for (let offset = 0; offset < buffer.length; offset += CHUNK) yield buffer.subarray(offset, offset + CHUNK);
}

/** The parser options the app uses (csv-reader.ts), without its `raw` line tracking and decoder. */
async function countCsvRecords(buffer) {
  const parser = Readable.from(slices(buffer), { objectMode: false }).pipe(
    parse({ bom: true, delimiter: ',', relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true }),
  );
  let records = 0;
  for await (const record of parser) if (record.length > 0) records++;
  return records;
}

/** The WorkbookReader options the app uses (xlsx-reader.ts). */
async function countXlsxRows(buffer) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(slices(buffer)), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let rows = 0;
  for await (const sheet of reader) {
    for await (const row of sheet) if (row.cellCount > 0) rows++;
  }
  return rows;
}

async function main() {
  const [format, file] = process.argv.slice(2);
  const count = { csv: countCsvRecords, xlsx: countXlsxRows }[format];
  if (!count || !file) throw new Error('usage: node bench/upload/bare-parse.js csv|xlsx <file>');
  const buffer = fs.readFileSync(file);
  resetPeak(process.pid);
  const baseline = readStatus(process.pid);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const records = await count(buffer);
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const rows = records - 1; // the header row
  const { peakKb } = readStatus(process.pid);
  const result = { format, rows, ms, cpuSeconds: (cpu.user + cpu.system) / 1e6, rowsPerSecond: rows / (ms / 1000), baselineRssKb: baseline.rssKb, peakRssKb: peakKb };
  process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
