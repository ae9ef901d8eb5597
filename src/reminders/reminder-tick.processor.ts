import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { REMINDERS_QUEUE } from './reminder-queue';
import { ReminderScheduler, type TickResult } from './reminder-scheduler';

/** Worker of the `reminders` queue: each job is one scheduler tick at the current time. */
// autorun off: start once the application is initialised (the mail guard registered), like the mail worker.
@Processor(REMINDERS_QUEUE, { autorun: false, concurrency: 1 })
export class ReminderTickProcessor extends WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ReminderTickProcessor.name);

  constructor(private readonly scheduler: ReminderScheduler) {
    super();
  }

  process(_job: Job): Promise<TickResult> {
    return this.scheduler.tick();
  }

  /**
   * Redis gone, or a job it lost meanwhile (after a restart without persistence): logged, not fatal.
   * The worker reconnects by itself; what was lost is re-queued from PostgreSQL by the scheduler.
   */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.warn(`reminder worker: ${error.message}`);
  }

  onApplicationBootstrap(): void {
    this.worker.run().catch((error: unknown) => this.logger.error(`reminder worker stopped: ${(error as Error).message}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }
}
