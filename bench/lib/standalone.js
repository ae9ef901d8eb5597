/** Lets a benchmark file run on its own (`node bench/<name>.bench.js`) as well as under bench/run.js. */
function runStandalone(module, run) {
  if (require.main !== module) return;
  run().then(
    (result) => {
      for (const line of result.lines) console.log(line);
      process.exit(result.ok ? 0 : 1);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}

module.exports = { runStandalone };
