import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Job, UnrecoverableError } from 'bullmq';
import type { Environment } from '../config/environment';
import { MailDeliverer } from './mail-deliverer';
import { MAIL_QUEUE, type MailJobData } from './mail-job';
import { MailService } from './mail.service';
import { MailTransport } from './mail-transport';

/**
 * Mail jobs run at a time per SMTP connection. With one, a connection idles while its job is in
 * PostgreSQL (claiming the message, recording the outcome); with two, the other job's message is ready to go.
 */
const JOBS_PER_CONNECTION = 2;

/**
 * Worker of the `mail` queue. A transient failure is thrown so that BullMQ retries with backoff;
 * a permanent one ends the job (UnrecoverableError) without retries.
 */
// autorun off: the worker starts once the application is fully initialised (guards registered) and
// with a concurrency derived from MAIL_POOL_SIZE, which the decorator cannot read from the configuration.
@Processor(MAIL_QUEUE, { autorun: false })
export class MailProcessor extends WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MailProcessor.name);

  constructor(
    private readonly deliverer: MailDeliverer,
    private readonly transport: MailTransport,
    private readonly mail: MailService,
    private readonly config: ConfigService<Environment, true>,
  ) {
    super();
  }

  async process(job: Job<MailJobData>): Promise<string> {
    const result = await this.deliverer.deliver(job.data.key);
    if (result.outcome === 'transient_failure') throw new Error(result.error);
    if (result.outcome === 'busy') throw new Error(`e-mail ${job.data.key} is being sent by another worker`);
    if (result.outcome === 'permanent_failure') throw new UnrecoverableError(result.error);
    return result.outcome;
  }

  /**
   * Redis gone, or a job it lost meanwhile (after a restart without persistence): logged, not fatal.
   * The worker reconnects by itself; what was lost is re-queued from PostgreSQL by the scheduler.
   */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.warn(`mail worker: ${error.message}`);
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = JOBS_PER_CONNECTION * this.config.get('MAIL_POOL_SIZE', { infer: true });
    this.worker.run().catch((error: unknown) => this.logger.error(`mail worker stopped: ${(error as Error).message}`));
    // Messages left queued while no worker ran or Redis lost its data.
    this.mail.requeuePending().catch((error: unknown) => this.logger.error(`could not re-queue pending e-mails: ${(error as Error).message}`));
  }

  /** Before the database and Redis connections close: let running sends finish, then close the SMTP pool. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
    this.transport.close();
  }
}
