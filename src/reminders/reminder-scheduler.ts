import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock';
import { MailService } from '../mail/mail.service';
import { WorkingCalendarService } from '../periods/working-calendar.service';
import { CampaignRunner } from './campaign-runner';
import { campaignsAt } from './domain/campaign-periods';
import { PlanningLock } from './planning-lock';
import { ReminderRepository } from './reminder.repository';
import { ReminderSettings } from './reminder-settings';

export interface TickResult {
  at: string;
  /** Periods (of all obligations) whose campaign is running. */
  campaigns: number;
  completedCampaigns: number;
  planned: number;
  skippedCap: number;
  skippedNoAddress: number;
  /** E-mails found queued in PostgreSQL without a job (Redis lost them) and queued again. */
  requeued: number;
}

/**
 * The scheduler's use case, run by the repeatable `reminders` job and callable directly (tests, tools):
 * re-queue e-mails Redis may have lost, then plan every running campaign as of `now`.
 * Idempotent: a second run at the same moment, here or in another process, plans and sends nothing new.
 */
@Injectable()
export class ReminderScheduler {
  private readonly logger = new Logger(ReminderScheduler.name);

  constructor(
    private readonly repository: ReminderRepository,
    private readonly runner: CampaignRunner,
    private readonly lock: PlanningLock,
    private readonly mail: MailService,
    private readonly calendars: WorkingCalendarService,
    private readonly settings: ReminderSettings,
    private readonly clock: Clock,
  ) {}

  tick(now: Date = this.clock.now()): Promise<TickResult> {
    return this.lock.run(async () => {
      const result: TickResult = { at: now.toISOString(), campaigns: 0, completedCampaigns: 0, planned: 0, skippedCap: 0, skippedNoAddress: 0, requeued: 0 };
      result.requeued = await this.mail.requeuePending();
      const calendar = await this.calendars.calendar();
      for (const obligation of await this.repository.activeObligations()) {
        // One obligation's failure (e.g. an unexpected rule) must not stop the reminders of the others.
        try {
          for (const campaign of campaignsAt(obligation, calendar, now, this.settings.horizonDays)) {
            const outcome = await this.runner.run(obligation, campaign, now, { trigger: 'schedule', calendar });
            result.campaigns += 1;
            if (outcome.complete) result.completedCampaigns += 1;
            result.planned += outcome.planned;
            result.skippedCap += outcome.skippedCap;
            result.skippedNoAddress += outcome.skippedNoAddress;
          }
        } catch (error) {
          this.logger.error(`Reminders of ${obligation.code} could not be planned: ${(error as Error).message}`);
        }
      }
      if (result.planned + result.skippedCap + result.skippedNoAddress > 0) {
        this.logger.log(`Reminder tick at ${result.at}: ${result.planned} queued, ${result.skippedCap} over the monthly cap, ${result.skippedNoAddress} without address`);
      }
      return result;
    });
  }
}
