import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound, unprocessable } from '../common/app-error';
import { expectsUnit } from '../obligations/expected-units';
import { Obligation } from '../obligations/obligation.entity';
import { ObligationPeriodsService } from '../obligations/obligation-periods.service';
import type { Period } from '../periods/domain';
import { ReportingUnit } from '../units/reporting-unit.entity';

/** Where resolve() has TypeORM put the unit it reads with the obligation; taken off before the obligation is handed on. */
const UNIT_ALONG = 'unitReadAlong';

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
    private readonly periods: ObligationPeriodsService,
  ) {}

  async resolve(code: string, periodKey: string, unitId: string): Promise<SubmissionTarget> {
    // One statement for both: the unit rides along with the obligation, checked after it as before.
    const found = await this.db
      .getRepository(Obligation)
      .createQueryBuilder('o')
      .leftJoinAndMapOne(`o.${UNIT_ALONG}`, ReportingUnit, 'u', 'u.id = :unitId', { unitId })
      .where('o.code = :code', { code })
      .getOne();
    if (!found) throw notFound('nghĩa vụ báo cáo', code);
    const { [UNIT_ALONG]: unit, ...fields } = found as Obligation & { [UNIT_ALONG]?: ReportingUnit | null };
    const obligation = Object.assign(new Obligation(), fields);
    const period = this.periods.period(obligation, periodKey);
    if (!unit) throw notFound('đơn vị báo cáo', unitId);
    if (!expectsUnit(obligation, unit, period)) {
      throw unprocessable('unit_not_expected', `${unit.name} không phải nộp báo cáo ${obligation.code} cho ${period.label}.`, [
        { field: 'unitId', code: 'unit_not_expected', message: `Đơn vị ${unit.code} không thuộc diện phải báo cáo ${period.label}` },
      ]);
    }
    return { obligation, period, unit };
  }
}
