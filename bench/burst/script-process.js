/** Runs one of the burst's helper scripts (proxy, bare server) as a child process, ready once it prints "listening". */
const { spawn } = require('node:child_process');
const { setTimeout: sleep } = require('node:timers/promises');

const running = new Set();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function startScript(script, args) {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  exited.then(() => running.delete(child));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    if ((await Promise.race([exited, sleep(5000, 'timeout')])) === 'timeout') child.kill('SIGKILL');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const collect = (chunk) => {
      output += chunk;
      if (output.includes('listening')) resolve({ pid: child.pid, stop });
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', (chunk) => (output += chunk));
    exited.then((status) => reject(new Error(`${script} exited (${status.code ?? status.signal}): ${output.slice(-500)}`)));
  });
}

module.exports = { startScript };
