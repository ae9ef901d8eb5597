import 'reflect-metadata';
import { type INestApplicationContext, Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { configureHttp } from './bootstrap/http';
import { startupBanner } from './bootstrap/banner';
import { runPendingMigrations } from './bootstrap/migrate';
import { preflight } from './bootstrap/preflight';
import { loadReferenceData } from './bootstrap/reference-data';
import { StartupError } from './bootstrap/startup-error';
import { QuietStartupLogger } from './common/quiet-startup-logger';
import { ConfigurationError, type Environment, validateEnvironment } from './config/environment';

async function start(env: Environment): Promise<void> {
  await preflight(env);
  const migrations = await runPendingMigrations(env.DATABASE_URL);

  const role = env.ROLE;
  const app =
    role === 'worker'
      ? await NestFactory.createApplicationContext(AppModule.forRole(role), { bufferLogs: true })
      : await NestFactory.create<NestExpressApplication>(AppModule.forRole(role), { bufferLogs: true, bodyParser: true });
  app.useLogger(new QuietStartupLogger(app.get(Logger)));
  const log = new NestLogger('Bootstrap');
  stopOnSignals(app, env.SHUTDOWN_GRACE_MS, log);
  if (migrations.length > 0) log.log(`Applied migrations: ${migrations.join(', ')}`);
  const { demoAccounts } = await loadReferenceData(app);

  if (role === 'worker') {
    await app.init();
    log.log('baocao worker started (queues on Redis); stop with SIGTERM');
    return;
  }
  const http = app as NestExpressApplication;
  configureHttp(http);
  await http.listen(env.PORT, env.HOST);
  log.log(startupBanner(env, demoAccounts));
}

/**
 * SIGTERM/SIGINT: stop taking work, let running jobs and requests finish (BullMQ workers close
 * gracefully), close PostgreSQL and Redis, then exit 0; exit 1 if that takes longer than the grace period.
 */
function stopOnSignals(app: INestApplicationContext, graceMs: number, log: NestLogger): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.log(`${signal} received: draining and closing connections`);
    const deadline = setTimeout(() => {
      log.error(`shutdown took longer than ${graceMs} ms; exiting`);
      process.exit(1);
    }, graceMs);
    deadline.unref();
    app
      .close()
      .then(() => {
        log.log('shutdown complete');
        process.exit(0);
      })
      .catch((error: unknown) => {
        log.error(`shutdown failed: ${(error as Error).message}`);
        process.exit(1);
      });
  };
  // `on`, not `once`: a terminal's Ctrl-C or a group-wide SIGTERM reaches both npm and node, and npm
  // forwards its copy; a second signal must not kill the process halfway through draining.
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

function fail(message: string): never {
  process.stderr.write(`baocao: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let env: Environment;
  try {
    env = validateEnvironment(process.env);
  } catch (error) {
    if (error instanceof ConfigurationError) fail(error.message);
    throw error;
  }
  try {
    await start(env);
  } catch (error) {
    if (error instanceof StartupError) fail(error.message);
    fail(`start-up failed: ${(error as Error).message}`);
  }
}

void main();
