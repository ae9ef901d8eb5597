import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound, unprocessable } from '../common/app-error';
import { expectsUnit } from '../obligations/expected-units';
import type { Obligation } from '../obligations/obligation.entity';
import { ObligationPeriodsService } from '../obligations/obligation-periods.service';
import { ObligationsService } from '../obligations/obligations.service';
import type { Period } from '../periods/domain';
import { ReportingUnit } from '../units/reporting-unit.entity';

export interface SubmissionTarget {
  obligation: Obligation;
  period: Period;
  unit: ReportingUnit;
}

/** Resolves (obligation code, period key, unit id) from a route and checks that the unit owes that report. */
@Injectable()
export class SubmissionTargetService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly obligations: ObligationsService,
    private readonly periods: ObligationPeriodsService,
  ) {}

  async resolve(code: string, periodKey: string, unitId: string): Promise<SubmissionTarget> {
    const obligation = await this.obligations.find(code);
    const period = this.periods.period(obligation, periodKey);
    const unit = await this.db.getRepository(ReportingUnit).findOneBy({ id: unitId });
    if (!unit) throw notFound('đơn vị báo cáo', unitId);
    if (!expectsUnit(obligation, unit, period)) {
      throw unprocessable('unit_not_expected', `${unit.name} không phải nộp báo cáo ${obligation.code} cho ${period.label}.`, [
        { field: 'unitId', code: 'unit_not_expected', message: `Đơn vị ${unit.code} không thuộc diện phải báo cáo ${period.label}` },
      ]);
    }
    return { obligation, period, unit };
  }
}
