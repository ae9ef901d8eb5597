import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { unprocessable } from '../common/app-error';
import { addDays, isIsoDate, type Period, parsePeriodKeyFor, PeriodKeyError, periodsBetween, vietnamDateOf } from '../periods/domain';
import { type PeriodSchedule, scheduleOf } from '../periods/period-schedule';
import { WorkingCalendarService } from '../periods/working-calendar.service';
import type { Obligation } from './obligation.entity';
import { ObligationsService } from './obligations.service';

const MAX_PERIODS = 240;

/** The periods of an obligation with their cut-off windows, due dates and status. */
@Injectable()
export class ObligationPeriodsService {
  constructor(
    private readonly obligations: ObligationsService,
    private readonly calendars: WorkingCalendarService,
    private readonly clock: Clock,
  ) {}

  async list(code: string, from: string | undefined, to: string | undefined, at: string | undefined) {
    const obligation = await this.obligations.find(code);
    const now = at ? new Date(at) : this.clock.now();
    const today = vietnamDateOf(now);
    const first = this.boundary(obligation, from, 'from') ?? addDays(today, -366);
    const last = this.boundary(obligation, to, 'to') ?? addDays(today, 366);
    if (first > last) throw unprocessable('validation_failed', 'from phải trước to.', [{ field: 'from', code: 'after_to', message: 'from phải trước to' }]);
    const periods = periodsBetween(obligation.periodType, first, last);
    if (periods.length > MAX_PERIODS) {
      throw unprocessable('validation_failed', `Tối đa ${MAX_PERIODS} kỳ mỗi lần.`, [{ field: 'to', code: 'too_many_periods', message: `khoảng from–to chứa quá ${MAX_PERIODS} kỳ` }]);
    }
    const calendar = await this.calendars.calendar();
    return { obligationCode: code, at: now.toISOString(), items: periods.map((period) => scheduleOf(obligation, period, calendar, now)) };
  }

  /** The period of an obligation named by a key, or a 422 naming the parameter. */
  period(obligation: Obligation, key: string, field = 'periodKey'): Period {
    try {
      return parsePeriodKeyFor(obligation.periodType, key);
    } catch (error) {
      if (!(error instanceof PeriodKeyError)) throw error;
      throw unprocessable('invalid_period', error.message, [{ field, code: 'invalid_period', message: error.message }]);
    }
  }

  async schedule(obligation: Obligation, period: Period): Promise<PeriodSchedule> {
    return scheduleOf(obligation, period, await this.calendars.calendar(), this.clock.now());
  }

  private boundary(obligation: Obligation, value: string | undefined, field: 'from' | 'to'): string | undefined {
    if (!value) return undefined;
    if (isIsoDate(value)) return value;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      throw unprocessable('validation_failed', `${value} không phải là ngày có thật.`, [{ field, code: 'invalid_date', message: `${field} không phải là ngày có thật` }]);
    }
    const period = this.period(obligation, value, field);
    return field === 'from' ? period.start : period.end;
  }
}
