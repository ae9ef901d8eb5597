import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { GroupValue, PeriodStats } from './domain/aggregate-groups';

export interface PeriodAggregation {
  stats: PeriodStats;
  /** Approved submissions with a submitted version. */
  unitsIncluded: number;
  /** Of those, the ones validated against another schema version than the one given. */
  unitsOnOtherSchemaVersions: number;
}

interface StatRow {
  values: GroupValue[];
  field: string;
  sum: string | null;
  avg: string | null;
  count: number;
  units: number;
  weightedSum: string | null;
  weightTotal: string | null;
  weightedUnits: number;
}

/** A numeric field to add up, and the field weighing it for a weighted average. */
export interface AggregateColumn {
  key: string;
  weightField: string | null;
}

/** Sums, averages and counts of numeric fields over the rows of each approved submission's submitted version. */
@Injectable()
export class AggregatesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async aggregate(obligationId: string, periodKey: string, schemaVersionId: string | null, columns: AggregateColumn[], groupKeys: string[]): Promise<PeriodAggregation> {
    const [included]: Array<{ units: number; other: number }> = await this.db.query(
      `SELECT count(*)::int AS units, count(*) FILTER (WHERE v.schema_version_id IS DISTINCT FROM $3::uuid)::int AS other
         FROM submissions s JOIN submission_versions v ON v.id = s.submitted_version_id
        WHERE s.obligation_id = $1 AND s.period_key = $2 AND s.status = 'approved'`,
      [obligationId, periodKey, schemaVersionId],
    );
    const rows: StatRow[] =
      columns.length === 0 || included.units === 0
        ? []
        : await this.db.query(
            `SELECT g.grp AS "values", k.key AS field,
                    sum(v.value)::text AS sum, avg(v.value)::text AS avg,
                    count(*)::int AS count, count(DISTINCT s.unit_id)::int AS units,
                    sum(v.value * v.weight)::text AS "weightedSum", sum(v.weight)::text AS "weightTotal",
                    count(DISTINCT s.unit_id) FILTER (WHERE v.weight IS NOT NULL)::int AS "weightedUnits"
               FROM submissions s
               JOIN submission_rows r ON r.version_id = s.submitted_version_id
               CROSS JOIN LATERAL (
                 SELECT coalesce(jsonb_agg(r.data -> f.key ORDER BY f.ord), '[]'::jsonb) AS grp
                   FROM unnest($4::text[]) WITH ORDINALITY AS f(key, ord)
               ) g
               CROSS JOIN unnest($3::text[], $5::text[]) AS k(key, weight_key)
               CROSS JOIN LATERAL (
                 SELECT (r.data ->> k.key)::numeric AS value,
                        CASE WHEN jsonb_typeof(r.data -> k.weight_key) = 'number' THEN (r.data ->> k.weight_key)::numeric END AS weight
               ) v
              WHERE s.obligation_id = $1 AND s.period_key = $2 AND s.status = 'approved'
                AND jsonb_typeof(r.data -> k.key) = 'number'
              GROUP BY g.grp, k.key`,
            [obligationId, periodKey, columns.map((c) => c.key), groupKeys, columns.map((c) => c.weightField ?? '')],
          );
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
