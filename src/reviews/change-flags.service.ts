import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Environment } from '../config/environment';
import { parsePeriodKeyFor, type PeriodType, previousPeriod, samePeriodLastYear } from '../periods/domain';
import { SubmissionStorage } from '../submissions/submission-storage.repository';
import type { FieldDefinition } from '../validation/domain/schema-definition';
import { compareTotals, type FieldTotals } from './domain/period-comparison';

/** A submission of a list, with what its flag needs. */
export interface FlagCandidate {
  id: string;
  obligationId: string;
  periodType: PeriodType;
  periodKey: string;
  unitId: string;
  /** The version under review (submitted, else the latest upload); null before any upload. */
  versionId: string | null;
}

/**
 * Which submissions of a list changed by more than REVIEW_CHANGE_THRESHOLD_PERCENT against the
 * previous period or the same period last year: the review page's comparison, in a few set queries
 * for a whole queue. Units created by a merger are compared there with their predecessors' sum;
 * here only with their own earlier reports.
 */
@Injectable()
export class ChangeFlagsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: ConfigService<Environment, true>,
    private readonly storage: SubmissionStorage,
  ) {}

  async flagged(candidates: FlagCandidate[]): Promise<Set<string>> {
    const withVersion = candidates.filter((c): c is FlagCandidate & { versionId: string } => c.versionId !== null);
    if (withVersion.length === 0) return new Set();
    const earlier = withVersion.map((c) => {
      const period = parsePeriodKeyFor(c.periodType, c.periodKey);
      return { candidate: c, keys: [previousPeriod(period).key, samePeriodLastYear(period).key] };
    });
    const lookups = earlier.flatMap(({ candidate, keys }) => keys.map((key) => ({ obligationId: candidate.obligationId, periodKey: key, unitId: candidate.unitId })));
    const earlierVersions: Array<{ key: string; versionId: string }> = await this.db.query(
      `SELECT s.obligation_id || '/' || s.period_key || '/' || s.unit_id AS key, s.submitted_version_id AS "versionId"
         FROM submissions s JOIN unnest($1::uuid[], $2::text[], $3::uuid[]) AS l(obligation_id, period_key, unit_id)
           ON s.obligation_id = l.obligation_id AND s.period_key = l.period_key AND s.unit_id = l.unit_id
        WHERE s.submitted_version_id IS NOT NULL`,
      [lookups.map((l) => l.obligationId), lookups.map((l) => l.periodKey), lookups.map((l) => l.unitId)],
    );
    const versionOf = new Map(earlierVersions.map((row) => [row.key, row.versionId]));
    const fields = await this.numericFields(withVersion.map((c) => c.versionId));
    const totals = await this.totals([...withVersion.map((c) => c.versionId), ...versionOf.values()]);
    const threshold = this.config.get('REVIEW_CHANGE_THRESHOLD_PERCENT', { infer: true });

    const flagged = new Set<string>();
    for (const { candidate, keys } of earlier) {
      const current = totals.get(candidate.versionId) ?? {};
      const changed = keys.some((key) => {
        const other = versionOf.get(`${candidate.obligationId}/${key}/${candidate.unitId}`);
        return other !== undefined && compareTotals(fields.get(candidate.versionId) ?? [], current, totals.get(other) ?? {}, threshold).some((c) => c.flagged);
      });
      if (changed) flagged.add(candidate.id);
    }
    return flagged;
  }

  /** The numeric, aggregated fields of each version's schema. */
  private async numericFields(versionIds: string[]): Promise<Map<string, FieldDefinition[]>> {
    const rows = await this.storage.fieldsOf(versionIds);
    return new Map(rows.map((row) => [row.id, row.fields.filter((f) => (f.type === 'integer' || f.type === 'decimal') && f.aggregate !== 'none')]));
  }

  /** Sums of every numeric value over each version's rows. */
  private async totals(versionIds: string[]): Promise<Map<string, FieldTotals>> {
    const rows = await this.storage.allNumericTotals(versionIds);
    const totals = new Map<string, FieldTotals>();
    for (const row of rows) totals.set(row.versionId, { ...totals.get(row.versionId), [row.key]: Number(row.total) });
    return totals;
  }
}
