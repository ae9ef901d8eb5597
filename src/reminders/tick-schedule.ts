import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { REMINDERS_QUEUE, TICK_JOB, TICK_SCHEDULER_ID } from './reminder-queue';
import { ReminderSettings } from './reminder-settings';

const KEEP_JOBS = { count: 50 };

/**
 * Keeps the BullMQ job scheduler that runs the tick every REMINDER_TICK_EVERY_MS (or removes it when
 * REMINDER_SCHEDULER_ENABLED is false). The scheduler lives in Redis, so each worker also looks, at
 * the same interval, whether it still exists and re-creates it after Redis lost its data.
 */
@Injectable()
export class TickSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TickSchedule.name);
  private watchdog?: NodeJS.Timeout;

  constructor(
    @InjectQueue(REMINDERS_QUEUE) private readonly queue: Queue,
    private readonly settings: ReminderSettings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.settings.schedulerEnabled) {
      if (await this.queue.removeJobScheduler(TICK_SCHEDULER_ID)) this.logger.log('Reminder scheduler disabled: job scheduler removed');
      return;
    }
    await this.register();
    this.logger.log(`Reminder scheduler: a tick every ${this.settings.tickEveryMs} ms`);
    this.watchdog = setInterval(() => {
      this.ensure().catch((error: unknown) => this.logger.error(`could not check the reminder job scheduler: ${(error as Error).message}`));
    }, this.settings.tickEveryMs);
    this.watchdog.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.watchdog);
  }

  /** Re-creates the job scheduler if Redis no longer has it; true when it did. */
  async ensure(): Promise<boolean> {
    if (await this.queue.getJobScheduler(TICK_SCHEDULER_ID)) return false;
    await this.register();
    this.logger.warn('The reminder job scheduler was missing from Redis (data lost?) and has been re-created');
    return true;
  }

  private async register(): Promise<void> {
    await this.queue.upsertJobScheduler(
      TICK_SCHEDULER_ID,
      { every: this.settings.tickEveryMs },
      { name: TICK_JOB, data: {}, opts: { attempts: 1, removeOnComplete: KEEP_JOBS, removeOnFail: KEEP_JOBS } },
    );
  }
}
