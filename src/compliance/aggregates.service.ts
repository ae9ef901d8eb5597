import { Injectable } from '@nestjs/common';
import { ObligationBodiesService } from '../obligations/obligation-bodies.service';
import { ReportSchemasService } from '../obligations/report-schemas.service';
import { previousPeriod, samePeriodLastYear } from '../periods/domain';
import { AggregatesRepository } from './aggregates.repository';
import { ComplianceContext, obligationSummary } from './compliance-context.service';
import { aggregateGroups } from './domain/aggregate-groups';
import { aggregatePlan } from './domain/aggregate-plan';
import type { AggregatesDto } from './dto/aggregates.dto';

/** National aggregates of approved reports, against the previous period and the same period last year. */
@Injectable()
export class AggregatesService {
  constructor(
    private readonly context: ComplianceContext,
    private readonly schemas: ReportSchemasService,
    private readonly repository: AggregatesRepository,
    private readonly bodies: ObligationBodiesService,
  ) {}

  async aggregates(code: string, periodKey: string): Promise<AggregatesDto> {
    const obligation = await this.context.obligation(code);
    const period = this.context.period(obligation.periodType, periodKey);
    const [schema, schedule] = await Promise.all([this.schemas.inForce(obligation, period), this.context.schedule(obligation, period, this.context.now())]);
    const plan = schema ? aggregatePlan(schema.definition) : { fields: [], groupBy: [] };
    const columns = plan.fields.map((field) => ({ key: field.key, weightField: field.weightField }));
    const groupKeys = plan.groupBy.map((field) => field.key);
    const previous = previousPeriod(period);
    const lastYear = samePeriodLastYear(period);
    const [now, before, yearAgo] = await Promise.all(
      [period, previous, lastYear].map((p) => this.repository.aggregate(obligation.id, p.key, schema?.id ?? null, columns, groupKeys)),
    );
    return {
      obligation: obligationSummary(obligation),
      periodKey: period.key,
      label: period.label,
      bodies: await this.bodies.on(obligation, schedule.dueDate),
      schemaVersion: schema?.version ?? null,
      unitsIncluded: now.unitsIncluded,
      unitsOnOtherSchemaVersions: now.unitsOnOtherSchemaVersions,
      previous: { periodKey: previous.key, label: previous.label, unitsIncluded: before.unitsIncluded },
      lastYear: { periodKey: lastYear.key, label: lastYear.label, unitsIncluded: yearAgo.unitsIncluded },
      groups: aggregateGroups(plan, now.stats, before.stats, yearAgo.stats),
    };
  }
}
