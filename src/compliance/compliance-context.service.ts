import { Injectable } from '@nestjs/common';
import { unprocessable } from '../common/app-error';
import { Clock } from '../common/clock';
import type { Obligation } from '../obligations/obligation.entity';
import { ObligationsService } from '../obligations/obligations.service';
import { type Period, parsePeriodKey, parsePeriodKeyFor, PeriodKeyError, type PeriodType, vietnamDateOf } from '../periods/domain';
import { type PeriodSchedule, type ScheduleRule, scheduleOf } from '../periods/period-schedule';
import { WorkingCalendarService } from '../periods/working-calendar.service';
import { periodRange, PeriodRangeError } from './domain/period-range';
import type { ObligationSummaryDto } from './dto/completion.dto';
import type { ObligationScope } from './obligation-scope';

/** Resolves what compliance routes name (obligation code, period keys, ranges) and gives their schedules at the clock's now. */
@Injectable()
export class ComplianceContext {
  constructor(
    private readonly obligations: ObligationsService,
    private readonly calendars: WorkingCalendarService,
    private readonly clock: Clock,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  obligation(code: string): Promise<Obligation> {
    return this.obligations.find(code);
  }

  /** Obligations reporting by the period type that apply to the period: active by its end, not retired before it ended. */
  async obligationsFor(period: Period): Promise<ObligationScope[]> {
    const { items } = await this.obligations.list({ periodType: period.type, includeRetired: true });
    return items.filter((o) => o.activeFrom <= period.end && (o.retiredAt === null || vietnamDateOf(new Date(o.retiredAt)) > period.end));
  }

  /** A period key of the obligation's type, or 422 naming the parameter. */
  period(type: PeriodType | undefined, key: string, field = 'periodKey'): Period {
    try {
      return type ? parsePeriodKeyFor(type, key) : parsePeriodKey(key);
    } catch (error) {
      if (!(error instanceof PeriodKeyError)) throw error;
      throw unprocessable('invalid_period', error.message, [{ field, code: 'invalid_period', message: error.message }]);
    }
  }

  /** The periods from..to of the obligation's type (defaults in periodRange), or 422. */
  range(type: PeriodType, from: string | undefined, to: string | undefined): Period[] {
    const first = from ? this.period(type, from, 'from') : undefined;
    const last = to ? this.period(type, to, 'to') : undefined;
    try {
      return periodRange(type, vietnamDateOf(this.now()), first, last);
    } catch (error) {
      if (!(error instanceof PeriodRangeError)) throw error;
      throw unprocessable('validation_failed', error.message, [{ field: error.field, code: error.code, message: error.message }]);
    }
  }

  async schedules(rule: ScheduleRule, periods: Period[], now: Date): Promise<PeriodSchedule[]> {
    const calendar = await this.calendars.calendar();
    return periods.map((period) => scheduleOf(rule, period, calendar, now));
  }

  async schedule(rule: ScheduleRule, period: Period, now: Date): Promise<PeriodSchedule> {
    const [schedule] = await this.schedules(rule, [period], now);
    return schedule;
  }
}

export function obligationSummary(obligation: ObligationScope): ObligationSummaryDto {
  return { code: obligation.code, title: obligation.title, periodType: obligation.periodType, compliesWhen: obligation.compliesWhen };
}
