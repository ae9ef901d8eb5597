import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Environment } from '../config/environment';
import type { SendingHours } from './domain/sending-window';

/** The reminder settings from the environment, read once. */
@Injectable()
export class ReminderSettings {
  readonly hours: SendingHours;
  readonly horizonDays: number;
  readonly schedulerEnabled: boolean;
  readonly tickEveryMs: number;
  readonly publicUrl: string;

  constructor(config: ConfigService<Environment, true>) {
    this.hours = { fromHour: config.get('REMINDER_SEND_FROM_HOUR', { infer: true }), untilHour: config.get('REMINDER_SEND_UNTIL_HOUR', { infer: true }) };
    this.horizonDays = config.get('REMINDER_HORIZON_DAYS', { infer: true });
    this.schedulerEnabled = config.get('REMINDER_SCHEDULER_ENABLED', { infer: true }) === true;
    this.tickEveryMs = config.get('REMINDER_TICK_EVERY_MS', { infer: true });
    this.publicUrl = (config.get('PUBLIC_URL', { infer: true }) ?? '').replace(/\/+$/, '');
  }
}
