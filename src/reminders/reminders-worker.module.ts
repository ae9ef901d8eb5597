import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { ReminderMailGuard } from './reminder-mail-guard';
import { ReminderTickProcessor } from './reminder-tick.processor';
import { RemindersModule } from './reminders.module';
import { TickSchedule } from './tick-schedule';

/** The repeatable tick and the send-time guard of reminder e-mails. Import only in worker roles. */
@Module({
  imports: [RemindersModule, MailModule],
  providers: [ReminderMailGuard, ReminderTickProcessor, TickSchedule],
})
export class RemindersWorkerModule {}
