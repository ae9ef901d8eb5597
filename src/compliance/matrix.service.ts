import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../access/authenticated-user';
import { unitFilterFor } from '../access/unit-scope';
import { expectsUnit } from '../obligations/expected-units';
import type { Period } from '../periods/domain';
import type { PeriodSchedule } from '../periods/period-schedule';
import { ComplianceContext, obligationSummary } from './compliance-context.service';
import { type SubmissionFacts, unitStatus } from './domain/unit-status';
import type { MatrixCellDto, MatrixColumnDto, MatrixDto } from './dto/matrix.dto';
import { factKey, type MatrixUnit, MatrixRepository, type Page } from './matrix.repository';
import type { ObligationScope } from './obligation-scope';
import { isTracked } from '../obligations/tracking';

/** One column of a matrix: an obligation in a period with its schedule. */
interface Column {
  key: string;
  label: string;
  obligation: ObligationScope;
  period: Period;
  schedule: PeriodSchedule;
}

export const DEFAULT_PAGE: Page = { offset: 0, limit: 100 };
/** Exports carry every unit. */
export const WHOLE_MATRIX: Page = { offset: 0, limit: 1_000_000 };

/** Units x periods for one obligation, and units x obligations for one period; province officers see their own row only. */
@Injectable()
export class MatrixService {
  constructor(
    private readonly context: ComplianceContext,
    private readonly repository: MatrixRepository,
  ) {}

  async byPeriods(code: string, from: string | undefined, to: string | undefined, page: Page, user: AuthenticatedUser): Promise<MatrixDto> {
    const now = this.context.now();
    const obligation = await this.context.obligation(code);
    const periods = this.context.range(obligation.periodType, from, to);
    const schedules = await this.context.schedules(obligation, periods, now);
    const columns = periods.map((period, i) => ({ key: period.key, label: period.label, obligation, period, schedule: schedules[i] }));
    return { columnsAre: 'periods', obligation: obligationSummary(obligation), periodKey: null, ...(await this.fill(columns, page, user, now)) };
  }

  async byObligations(periodKey: string, page: Page, user: AuthenticatedUser): Promise<MatrixDto> {
    const now = this.context.now();
    const period = this.context.period(undefined, periodKey);
    const obligations = await this.context.obligationsFor(period);
    const columns = await Promise.all(
      obligations.map(async (obligation) => ({ key: obligation.code, label: obligation.title, obligation, period, schedule: await this.context.schedule(obligation, period, now) })),
    );
    return { columnsAre: 'obligations', obligation: null, periodKey: period.key, ...(await this.fill(columns, page, user, now)) };
  }

  private async fill(columns: Column[], page: Page, user: AuthenticatedUser, now: Date): Promise<Omit<MatrixDto, 'columnsAre' | 'obligation' | 'periodKey'>> {
    const sets = columns.filter(({ obligation, period }) => obligation.activeFrom <= period.end).map(({ obligation, period }) => ({ obligation, periodEnd: period.end }));
    const { total, units } = await this.repository.units(sets, page, unitFilterFor(user));
    const facts = await this.repository.facts(
      [...new Set(columns.map((c) => c.obligation.id))],
      [...new Set(columns.map((c) => c.period.key))],
      units.map((unit) => unit.id),
    );
    return {
      at: now.toISOString(),
      columns: columns.map(({ key, label, obligation, period, schedule }): MatrixColumnDto => ({
        key,
        label,
        periodKey: period.key,
        obligationCode: obligation.code,
        dueDate: schedule.dueDate,
        dueAt: schedule.dueAt,
        tracked: isTracked(obligation, schedule.dueDate),
      })),
      rows: units.map((unit) => ({
        unitId: unit.id,
        unitCode: unit.code,
        unitName: unit.name,
        cells: columns.map((column) => cell(column, unit, facts, now)),
      })),
      total,
      offset: page.offset,
      limit: page.limit,
    };
  }
}

function cell({ obligation, period, schedule }: Column, unit: MatrixUnit, facts: Map<string, SubmissionFacts>, now: Date): MatrixCellDto | null {
  if (!expectsUnit(obligation, unit, period)) return null;
  const standing = unitStatus(facts.get(factKey(obligation.id, period.key, unit.id)), schedule, obligation.compliesWhen, now, isTracked(obligation, schedule.dueDate));
  const { status, complied, dueDate, submittedAt, daysLate, daysOverdue, backfilled } = standing;
  return { status, complied, dueDate, submittedAt, daysLate, daysOverdue, backfilled };
}
