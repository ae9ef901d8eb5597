import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Environment } from '../config/environment';
import { AfterCommit } from './after-commit';
import { MailGuards } from './mail-guards';
import { MAIL_QUEUE } from './mail-job';
import { MailService } from './mail.service';

const DAY_SECONDS = 24 * 3600;

/** The `mail` queue and MailService, in every role. Sending needs MailWorkerModule as well. */
@Module({
  imports: [
    BullModule.registerQueueAsync({
      name: MAIL_QUEUE,
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => ({
        defaultJobOptions: {
          attempts: config.get('MAIL_MAX_ATTEMPTS', { infer: true }),
          backoff: { type: 'exponential', delay: config.get('MAIL_BACKOFF_MS', { infer: true }) },
          removeOnComplete: { age: DAY_SECONDS, count: 10_000 },
          removeOnFail: { age: 30 * DAY_SECONDS, count: 10_000 },
        },
      }),
    }),
  ],
  providers: [MailService, MailGuards, AfterCommit],
  // MailGuards is for MailWorkerModule; other features go through MailService.
  exports: [MailService, MailGuards],
})
export class MailModule {}
