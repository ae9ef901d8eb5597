import { Injectable } from '@nestjs/common';
import { type ApprovedFieldStatRow, SubmissionStorage } from '../submissions/submission-storage.repository';
import type { GroupValue, PeriodStats } from './domain/aggregate-groups';

export interface PeriodAggregation {
  stats: PeriodStats;
  /** Approved submissions with a submitted version. */
  unitsIncluded: number;
  /** Of those, the ones validated against another schema version than the one given. */
  unitsOnOtherSchemaVersions: number;
}

/** The storage's statistics, its group values being the schema's (JSON) values. */
type StatRow = ApprovedFieldStatRow & { values: GroupValue[] };

/** A numeric field to add up, and the field weighing it for a weighted average. */
export interface AggregateColumn {
  key: string;
  weightField: string | null;
}

/** Sums, averages and counts of numeric fields over the rows of each approved submission's submitted version. */
@Injectable()
export class AggregatesRepository {
  constructor(private readonly storage: SubmissionStorage) {}

  async aggregate(obligationId: string, periodKey: string, schemaVersionId: string | null, columns: AggregateColumn[], groupKeys: string[]): Promise<PeriodAggregation> {
    const included = await this.storage.approvedCount(obligationId, periodKey, schemaVersionId);
    const rows: StatRow[] =
      columns.length === 0 || included.units === 0
        ? []
        : ((await this.storage.approvedFieldStats(
            obligationId,
            periodKey,
            columns.map((c) => c.key),
            groupKeys,
            columns.map((c) => c.weightField ?? ''),
          )) as StatRow[]);
    const stats: PeriodStats = new Map();
    for (const row of rows) {
      const id = JSON.stringify(row.values);
      const group = stats.get(id) ?? { values: row.values, fields: new Map() };
      group.fields.set(row.field, {
        sum: toNumber(row.sum),
        avg: toNumber(row.avg),
        count: row.count,
        units: row.units,
        weightedSum: toNumber(row.weightedSum),
        weightTotal: toNumber(row.weightTotal),
        weightedUnits: row.weightedUnits,
      });
      stats.set(id, group);
    }
    return { stats, unitsIncluded: included.units, unitsOnOtherSchemaVersions: included.other };
  }
}

function toNumber(value: string | null): number | null {
  return value === null ? null : Number(value);
}
