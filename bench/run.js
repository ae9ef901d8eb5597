/**
 * Runs the benchmarks in bench/: every `bench/<name>.bench.js` exporting `async run()` that returns
 * `{ name, ok, lines }` (lines: the report to print; ok: false when a target is missed).
 *   node bench/run.js            all benchmarks, in name order
 *   node bench/run.js upload     only the named ones
 * Exits 1 when a benchmark misses a target or fails, 2 on an unknown name.
 */
const fs = require('node:fs');
const path = require('node:path');

const SUFFIX = '.bench.js';

function discover() {
  return fs
    .readdirSync(__dirname)
    .filter((file) => file.endsWith(SUFFIX))
    .sort()
    .map((file) => ({ name: file.slice(0, -SUFFIX.length), file: path.join(__dirname, file) }));
}

function select(available, wanted) {
  if (wanted.length === 0) return available;
  const unknown = wanted.filter((name) => !available.some((bench) => bench.name === name));
  if (unknown.length > 0) {
    console.error(`unknown benchmark: ${unknown.join(', ')}; available: ${available.map((bench) => bench.name).join(', ')}`);
    process.exit(2);
  }
  return available.filter((bench) => wanted.includes(bench.name));
}

async function runOne(bench) {
  console.log(`\n=== ${bench.name} ===`);
  const started = Date.now();
  try {
    const result = await require(bench.file).run();
    for (const line of result?.lines ?? []) console.log(line);
    return { name: bench.name, ok: result?.ok !== false, seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    console.error(`${bench.name} failed: ${error.stack ?? error}`);
    return { name: bench.name, ok: false, seconds: (Date.now() - started) / 1000 };
  }
}

async function main() {
  // Ctrl-C / SIGTERM: exit through process.exit so the 'exit' handlers kill the apps we started.
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));
  const benches = select(discover(), process.argv.slice(2));
  const outcomes = [];
  for (const bench of benches) outcomes.push(await runOne(bench));
  console.log('\n=== summary ===');
  for (const outcome of outcomes) console.log(`${outcome.ok ? 'ok  ' : 'FAIL'}  ${outcome.name} (${outcome.seconds.toFixed(0)} s)`);
  process.exit(outcomes.every((outcome) => outcome.ok) ? 0 : 1);
}

main();
