import { Injectable } from '@nestjs/common';
import type { Obligation } from '../obligations/obligation.entity';
import type { Period } from '../periods/domain';
import { SubmissionStorage } from '../submissions/submission-storage.repository';
import { UnitLineageService, type UnitOnDate } from '../units/unit-lineage.service';

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
    private readonly storage: SubmissionStorage,
    private readonly lineage: UnitLineageService,
  ) {}

  async valuesFor(obligation: Obligation, period: Period, unitId: string): Promise<UnitPeriodValues> {
    const units = await this.lineage.standingFor(unitId, period.end);
    const approved = await this.storage.approvedVersionsOf(obligation.id, period.key, units.map((u) => u.id));
    const values: Record<string, number> = {};
    if (approved.length > 0) {
      const fields = approved[0].definition.fields.filter((f) => (f.type === 'integer' || f.type === 'decimal') && f.aggregate !== 'none');
      const rows = await this.storage.unitFieldSums(
        approved.map((a) => a.version_id),
        fields.map((f) => f.key),
        fields.map((f) => (f.aggregate === 'weighted_avg' ? (f.weightField ?? '') : '')),
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
