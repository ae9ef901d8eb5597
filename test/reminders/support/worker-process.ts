import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const MAIN = join(__dirname, '..', '..', '..', 'dist', 'src', 'main.js');

export interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `node dist/src/main.js` with ROLE=worker (built by `npm test`'s pretest), once it says it has started. */
export async function startWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  if (!existsSync(MAIN)) throw new Error('dist/src/main.js is missing: `npm test` builds it first (pretest)');
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH, NODE_ENV: 'test', ROLE: 'worker', REDIS_URL: process.env.REDIS_URL, LOG_LEVEL: 'info', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start: ${output}`)), 25000);
    const check = () => {
      if (/worker started/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', check);
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`worker exited early: ${output}`));
    });
  });
  return { child, output: () => output, exited };
}
