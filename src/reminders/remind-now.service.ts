import { Injectable } from '@nestjs/common';
import type { Actor } from '../audit/actor';
import { conflict, unprocessable } from '../common/app-error';
import { formatVietnameseDate } from '../common/vietnamese-dates';
import { isTracked, periodNotTracked } from '../obligations/tracking';
import { Clock } from '../common/clock';
import { ObligationPeriodsService } from '../obligations/obligation-periods.service';
import { ObligationsService } from '../obligations/obligations.service';
import { vietnamDateOf } from '../periods/domain';
import { SubmissionTargetService } from '../submission-targets/submission-target.service';
import { CampaignRunner } from './campaign-runner';
import { manualStage } from './domain/reminder-stage';
import { RemindNowDto, RemindNowResultDto } from './dto/remind-now.dto';
import { PlanningLock } from './planning-lock';

/**
 * "Remind now": reminds one unit, or every unit of the period that still has something to do, at
 * once. Idempotent per Vietnam day: the stage is `manual-<date>`, so a second call that day adds nothing.
 */
@Injectable()
export class RemindNowService {
  constructor(
    private readonly obligations: ObligationsService,
    private readonly periods: ObligationPeriodsService,
    private readonly targets: SubmissionTargetService,
    private readonly runner: CampaignRunner,
    private readonly lock: PlanningLock,
    private readonly clock: Clock,
  ) {}

  async remind(input: RemindNowDto, actor: Actor): Promise<RemindNowResultDto> {
    const obligation = input.unitId
      ? (await this.targets.resolve(input.obligationCode, input.periodKey, input.unitId)).obligation
      : await this.obligations.find(input.obligationCode);
    if (obligation.retiredAt) throw conflict('obligation_retired', `Nghĩa vụ ${obligation.code} đã ngừng áp dụng; không gửi nhắc.`);
    const period = this.periods.period(obligation, input.periodKey);
    const schedule = await this.periods.schedule(obligation, period);
    if (schedule.status === 'upcoming') {
      throw unprocessable('period_not_open', `Kỳ ${period.label} chưa bắt đầu (từ ${formatVietnameseDate(schedule.cutoffStart)}); chưa thể nhắc.`, [
        { field: 'periodKey', code: 'period_not_open', message: `Kỳ ${period.label} chưa bắt đầu` },
      ]);
    }
    if (!isTracked(obligation, schedule.dueDate)) {
      throw periodNotTracked(obligation, period, schedule.dueDate, 'kỳ này là số liệu lịch sử, không gửi thư nhắc.');
    }
    const now = this.clock.now();
    const outcome = await this.lock.run(() =>
      this.runner.run(obligation, { period, dueDate: schedule.dueDate }, now, { trigger: 'manual', unitId: input.unitId, requestedBy: actor.user?.id ?? null }),
    );
    // Each reminder row records who asked for it (requested_by): that is the trail of this action.
    return { obligationCode: obligation.code, periodKey: period.key, stage: manualStage(vietnamDateOf(now)), dueDate: schedule.dueDate, ...outcome };
  }
}
