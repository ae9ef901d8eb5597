import { Injectable } from '@nestjs/common';
import { ObligationBodiesService } from '../obligations/obligation-bodies.service';
import { DepartmentsService } from '../units/departments.service';
import type { Period } from '../periods/domain';
import type { PeriodSchedule } from '../periods/period-schedule';
import { STATUS_LABELS } from '../submissions/domain/submission-status';
import { ComplianceContext, obligationSummary } from './compliance-context.service';
import { CompletionRepository, type UnitFacts } from './completion.repository';
import { completionFigures, compliedStatuses, emptyTally, tallyOf } from './domain/completion-figures';
import { unitStatus } from './domain/unit-status';
import type { CompletionDto, ObligationCompletionDto, PeriodCompletionListDto, TrendDto, UnitCompletionDto, UnitCompletionListDto } from './dto/completion.dto';
import type { ObligationScope } from './obligation-scope';
import { isTracked } from '../obligations/tracking';

/** Units still owing listed in a completion summary unless asked otherwise (all of them for the 63 provinces). */
export const DEFAULT_OWING_LIMIT = 100;

/** Completion of obligations and periods: figures, units still owing, the full unit table, trends. */
@Injectable()
export class CompletionService {
  constructor(
    private readonly context: ComplianceContext,
    private readonly repository: CompletionRepository,
    private readonly bodies: ObligationBodiesService,
    private readonly departments: DepartmentsService,
  ) {}

  async completion(code: string, periodKey: string, owingLimit = DEFAULT_OWING_LIMIT): Promise<CompletionDto> {
    const now = this.context.now();
    const obligation = await this.context.obligation(code);
    const period = this.context.period(obligation.periodType, periodKey);
    const [schedule, tally, owing] = await Promise.all([
      this.context.schedule(obligation, period, now),
      this.repository.tally(obligation, period),
      this.repository.units(obligation, period, { exceptStatuses: compliedStatuses(obligation.compliesWhen), limit: owingLimit }),
    ]);
    const tracked = isTracked(obligation, schedule.dueDate);
    const figures = completionFigures(tally, obligation.compliesWhen, schedule.dueAt, now, tracked);
    return {
      obligation: obligationSummary(obligation),
      period: schedule,
      at: now.toISOString(),
      ...figures,
      owingTotal: figures.expected - figures.complied,
      owing: owing.map((unit) => {
        const standing = unitStatus(unit.facts, schedule, obligation.compliesWhen, now, tracked);
        return {
          unitId: unit.unitId,
          unitCode: unit.unitCode,
          unitName: unit.unitName,
          status: standing.status,
          statusLabel: STATUS_LABELS[standing.status],
          submittedAt: standing.submittedAt,
          daysOverdue: standing.daysOverdue,
        };
      }),
    };
  }

  /**
   * Every expected unit with its standing: the completion table (also what the exports carry). Bodies
   * are named as on the period's due date: the departments that owed the report and the body it was due to.
   */
  async units(code: string, periodKey: string): Promise<UnitCompletionListDto> {
    const now = this.context.now();
    const obligation = await this.context.obligation(code);
    const period = this.context.period(obligation.periodType, periodKey);
    const [schedule, units] = await Promise.all([this.context.schedule(obligation, period, now), this.repository.units(obligation, period)]);
    const departments = await this.departments.namesOf(units.map((unit) => ({ id: unit.unitId, name: unit.unitName, kind: unit.unitKind })), schedule.dueDate);
    const items = units.map((unit) => unitRow(unit, schedule, obligation, now, departments.get(unit.unitId) ?? unit.unitName));
    return {
      obligation: obligationSummary(obligation),
      period: schedule,
      bodies: await this.bodies.on(obligation, schedule.dueDate),
      at: now.toISOString(),
      figures: completionFigures(tallyOf(items), obligation.compliesWhen, schedule.dueAt, now, isTracked(obligation, schedule.dueDate)),
      items,
    };
  }

  async trend(code: string, from: string | undefined, to: string | undefined): Promise<TrendDto> {
    const now = this.context.now();
    const obligation = await this.context.obligation(code);
    const periods = this.context.range(obligation.periodType, from, to);
    const [schedules, tallies] = await Promise.all([this.context.schedules(obligation, periods, now), this.repository.tallies(obligation, periods)]);
    return {
      obligation: obligationSummary(obligation),
      at: now.toISOString(),
      items: schedules.map((schedule) => ({
        period: schedule,
        ...completionFigures(tallies.get(schedule.key) ?? emptyTally(), obligation.compliesWhen, schedule.dueAt, now, isTracked(obligation, schedule.dueDate)),
      })),
    };
  }

  /** Every obligation reporting by the key's period type, for that period. */
  async period(periodKey: string): Promise<PeriodCompletionListDto> {
    const now = this.context.now();
    const period = this.context.period(undefined, periodKey);
    const obligations = await this.context.obligationsFor(period);
    const items = await Promise.all(obligations.map((obligation) => this.obligationCompletion(obligation, period, now)));
    return { periodKey: period.key, label: period.label, periodType: period.type, at: now.toISOString(), items };
  }

  private async obligationCompletion(obligation: ObligationScope, period: Period, now: Date): Promise<ObligationCompletionDto> {
    const [schedule, tally] = await Promise.all([this.context.schedule(obligation, period, now), this.repository.tally(obligation, period)]);
    return {
      obligation: obligationSummary(obligation),
      period: schedule,
      ...completionFigures(tally, obligation.compliesWhen, schedule.dueAt, now, isTracked(obligation, schedule.dueDate)),
    };
  }
}

function unitRow(unit: UnitFacts, schedule: PeriodSchedule, obligation: ObligationScope, now: Date, departmentName: string): UnitCompletionDto {
  const standing = unitStatus(unit.facts, schedule, obligation.compliesWhen, now, isTracked(obligation, schedule.dueDate));
  return { unitId: unit.unitId, unitCode: unit.unitCode, unitName: unit.unitName, ...standing, statusLabel: STATUS_LABELS[standing.status], returnCount: unit.returnCount, departmentName };
}
