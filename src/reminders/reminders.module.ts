import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { ObligationsModule } from '../obligations/obligations.module';
import { PeriodsModule } from '../periods/periods.module';
import { SubmissionTargetsModule } from '../submission-targets/submission-targets.module';
import { UnitsModule } from '../units/units.module';
import { CampaignRunner } from './campaign-runner';
import { CampaignSummary } from './campaign-summary';
import { PlanningLock } from './planning-lock';
import { REMINDERS_QUEUE } from './reminder-queue';
import { ReminderQueryService } from './reminder-query.service';
import { ReminderRepository } from './reminder.repository';
import { ReminderScheduler } from './reminder-scheduler';
import { ReminderSettings } from './reminder-settings';
import { RemindNowService } from './remind-now.service';
import { RemindersController } from './reminders.controller';

/** Reminder planning (the tick use case, "remind now") and the operations routes, in every role. */
@Module({
  imports: [BullModule.registerQueue({ name: REMINDERS_QUEUE }), MailModule, PeriodsModule, ObligationsModule, SubmissionTargetsModule, UnitsModule],
  controllers: [RemindersController],
  providers: [ReminderSettings, ReminderRepository, PlanningLock, CampaignSummary, CampaignRunner, ReminderScheduler, RemindNowService, ReminderQueryService],
  exports: [BullModule, ReminderScheduler, ReminderSettings],
})
export class RemindersModule {}
