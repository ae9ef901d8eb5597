import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Obligation } from '../obligations/obligation.entity';
import type { Period } from '../periods/domain';
import { UnitLineageService, type UnitOnDate } from '../units/unit-lineage.service';
import type { FieldDefinition } from '../validation/domain/schema-definition';

export interface UnitPeriodValues {
  periodKey: string;
  label: string;
  /** The units whose approved reports stand for the unit in that period (its predecessors before a merger). */
  units: Array<UnitOnDate & { approved: boolean }>;
  /** Per numeric field: the schema's aggregate (sum, avg, weighted_avg or count) over those units' approved rows. */
  values: Record<string, number>;
}

/** A unit's reported values over time, merger-aware. */
@Injectable()
export class UnitHistoryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly lineage: UnitLineageService,
  ) {}

  async valuesFor(obligation: Obligation, period: Period, unitId: string): Promise<UnitPeriodValues> {
    const units = await this.lineage.standingFor(unitId, period.end);
    const approved: Array<{ unit_id: string; version_id: string; definition: { fields: FieldDefinition[] } }> = await this.db.query(
      `SELECT s.unit_id, s.submitted_version_id AS version_id, sv.definition
         FROM submissions s JOIN submission_versions v ON v.id = s.submitted_version_id JOIN report_schema_versions sv ON sv.id = v.schema_version_id
        WHERE s.obligation_id = $1 AND s.period_key = $2 AND s.unit_id = ANY($3::uuid[]) AND s.status = 'approved'`,
      [obligation.id, period.key, units.map((u) => u.id)],
    );
    const values: Record<string, number> = {};
    if (approved.length > 0) {
      const fields = approved[0].definition.fields.filter((f) => (f.type === 'integer' || f.type === 'decimal') && f.aggregate !== 'none');
      const rows: Array<{ key: string; unit_sum: string; unit_rows: number; weighted_sum: string | null; weight_total: string | null }> = await this.db.query(
        `SELECT k.key, r.version_id AS unit_id, sum((r.data ->> k.key)::numeric) AS unit_sum, count(*)::int AS unit_rows,
                sum((r.data ->> k.key)::numeric * (r.data ->> k.weight_key)::numeric) FILTER (WHERE jsonb_typeof(r.data -> k.weight_key) = 'number') AS weighted_sum,
                sum((r.data ->> k.weight_key)::numeric) FILTER (WHERE jsonb_typeof(r.data -> k.weight_key) = 'number') AS weight_total
           FROM submission_rows r CROSS JOIN unnest($2::text[], $3::text[]) AS k(key, weight_key)
          WHERE r.version_id = ANY($1::uuid[]) AND jsonb_typeof(r.data -> k.key) = 'number'
          GROUP BY k.key, r.version_id`,
        [approved.map((a) => a.version_id), fields.map((f) => f.key), fields.map((f) => (f.aggregate === 'weighted_avg' ? (f.weightField ?? '') : ''))],
      );
      for (const field of fields) {
        const perUnit = rows.filter((row) => row.key === field.key);
        if (perUnit.length === 0) continue;
        const total = perUnit.reduce((sum, row) => sum + Number(row.unit_sum), 0);
        const weightTotal = perUnit.reduce((sum, row) => sum + Number(row.weight_total ?? 0), 0);
        const weightedSum = perUnit.reduce((sum, row) => sum + Number(row.weighted_sum ?? 0), 0);
        if (field.aggregate === 'weighted_avg') {
          if (weightTotal > 0) values[field.key] = Math.round((weightedSum / weightTotal) * 1e6) / 1e6;
        } else {
          values[field.key] =
            field.aggregate === 'avg' ? Math.round((total / perUnit.length) * 1e6) / 1e6 : field.aggregate === 'count' ? perUnit.reduce((n, row) => n + row.unit_rows, 0) : total;
        }
      }
    }
    const approvedUnits = new Set(approved.map((a) => a.unit_id));
    return {
      periodKey: period.key,
      label: period.label,
      units: units.map((unit) => ({ ...unit, approved: approvedUnits.has(unit.id) })),
      values,
    };
  }
}
