import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ReportingUnit } from '../units/reporting-unit.entity';
import type { SubmissionFacts } from './domain/unit-status';
import { expectedUnitCondition } from './expected-unit-condition';
import type { ObligationScope } from './obligation-scope';

/** One (obligation, period) whose expected units a matrix lists. */
export interface ExpectedSet {
  obligation: Pick<ObligationScope, 'targetScope' | 'targetUnitCodes'>;
  periodEnd: string;
}

export type MatrixUnit = Pick<ReportingUnit, 'id' | 'code' | 'name' | 'kind' | 'validFrom' | 'validTo'>;

export interface Page {
  offset: number;
  limit: number;
}

/** Units and submissions for the units x periods and units x obligations matrices. */
@Injectable()
export class MatrixRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A page of the units expected in at least one of the sets, by code, and how many there are. */
  async units(sets: ExpectedSet[], page: Page, unitId: string | null): Promise<{ total: number; units: MatrixUnit[] }> {
    if (sets.length === 0) return { total: 0, units: [] };
    const params: unknown[] = [];
    const conditions = sets.map(({ obligation, periodEnd }) => {
      params.push(periodEnd, obligation.targetScope, obligation.targetUnitCodes);
      const n = params.length;
      return `(${expectedUnitCondition({ end: `$${n - 2}::date`, scope: `$${n - 1}`, codes: `$${n}::text[]` })})`;
    });
    let where = `(${conditions.join(' OR ')})`;
    if (unitId) {
      params.push(unitId);
      where += ` AND u.id = $${params.length}`;
    }
    params.push(page.limit, page.offset);
    const rows: Array<MatrixUnit & { total: number }> = await this.db.query(
      `SELECT u.id, u.code, u.name, u.kind, u.valid_from::text AS "validFrom", u.valid_to::text AS "validTo", count(*) OVER ()::int AS total
         FROM reporting_units u
        WHERE ${where}
        ORDER BY u.code, u.valid_from
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    if (rows.length === 0 && page.offset > 0) {
      return { total: (await this.units(sets, { offset: 0, limit: 1 }, unitId)).total, units: [] };
    }
    return { total: rows[0]?.total ?? 0, units: rows.map(({ total: _total, ...unit }) => unit) };
  }

  /** Submissions of the units for the obligations and periods, keyed `obligationId|periodKey|unitId`. */
  async facts(obligationIds: string[], periodKeys: string[], unitIds: string[]): Promise<Map<string, SubmissionFacts>> {
    if (obligationIds.length === 0 || periodKeys.length === 0 || unitIds.length === 0) return new Map();
    const rows: Array<SubmissionFacts & { obligationId: string; periodKey: string; unitId: string }> = await this.db.query(
      `SELECT s.obligation_id AS "obligationId", s.period_key AS "periodKey", s.unit_id AS "unitId", s.status,
              s.submitted_at AS "submittedAt", s.first_submitted_at AS "firstSubmittedAt", s.due_date::text AS "dueDate",
              s.on_time AS "onTime", s.days_late AS "daysLate", s.backfilled
         FROM submissions s
        WHERE s.obligation_id = ANY($1::uuid[]) AND s.period_key = ANY($2::text[]) AND s.unit_id = ANY($3::uuid[])`,
      [obligationIds, periodKeys, unitIds],
    );
    return new Map(rows.map(({ obligationId, periodKey, unitId, ...facts }) => [factKey(obligationId, periodKey, unitId), facts]));
  }
}

export const factKey = (obligationId: string, periodKey: string, unitId: string) => `${obligationId}|${periodKey}|${unitId}`;
