import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Period } from '../periods/domain';
import type { SubmissionStatus } from '../submissions/domain/submission-status';
import type { UnitKind } from '../units/reporting-unit.entity';
import type { CompletionTally } from './domain/completion-figures';
import type { SubmissionFacts } from './domain/unit-status';
import { expectedUnitCondition } from './expected-unit-condition';
import type { ObligationScope } from './obligation-scope';

/** An expected unit and its submission, if any. */
export interface UnitFacts {
  unitId: string;
  unitCode: string;
  unitName: string;
  unitKind: UnitKind;
  facts: SubmissionFacts | undefined;
  /** How many times the submission went back to the unit (return round trips). */
  returnCount: number;
}

interface TallyRow {
  expected: number;
  notStarted: number;
  draft: number;
  submitted: number;
  returned: number;
  approved: number;
  onTime: number;
  late: number;
}

interface UnitFactsRow {
  unitId: string;
  unitCode: string;
  unitName: string;
  unitKind: UnitKind;
  status: SubmissionStatus | null;
  submittedAt: Date | null;
  firstSubmittedAt: Date | null;
  dueDate: string | null;
  onTime: boolean | null;
  daysLate: number | null;
  backfilled: boolean | null;
  returnCount: number;
}

// Only columns of the covering unique index on submissions (migration ComplianceCoveringIndex): index-only scans.
const TALLY_COLUMNS = `count(u.id)::int AS expected,
  count(u.id) FILTER (WHERE s.status IS NULL OR s.status = 'not_started')::int AS "notStarted",
  count(*) FILTER (WHERE s.status = 'draft')::int AS draft,
  count(*) FILTER (WHERE s.status = 'submitted')::int AS submitted,
  count(*) FILTER (WHERE s.status = 'returned')::int AS returned,
  count(*) FILTER (WHERE s.status = 'approved')::int AS approved,
  count(*) FILTER (WHERE s.on_time IS TRUE)::int AS "onTime",
  count(*) FILTER (WHERE s.on_time IS FALSE)::int AS late`;

const FACT_COLUMNS = `u.id AS "unitId", u.code AS "unitCode", u.name AS "unitName", u.kind AS "unitKind", s.status,
  s.submitted_at AS "submittedAt", s.first_submitted_at AS "firstSubmittedAt", s.due_date::text AS "dueDate",
  s.on_time AS "onTime", s.days_late AS "daysLate", s.backfilled,
  (SELECT count(*)::int FROM reviews r WHERE r.submission_id = s.id AND r.decision = 'return') AS "returnCount"`;

/** Who is expected for an obligation's periods and where their submissions stand: SQL over units and submissions. */
@Injectable()
export class CompletionRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Counts of the expected units by status, on time and late, for one obligation and period. */
  async tally(obligation: ObligationScope, period: Period): Promise<CompletionTally> {
    if (obligation.activeFrom > period.end) return toTally(undefined);
    const [row]: TallyRow[] = await this.db.query(
      `SELECT ${TALLY_COLUMNS}
         FROM reporting_units u
         LEFT JOIN submissions s ON s.obligation_id = $4 AND s.period_key = $5 AND s.unit_id = u.id
        WHERE ${expectedUnitCondition({ end: '$1::date', scope: '$2', codes: '$3::text[]' })}`,
      [period.end, obligation.targetScope, obligation.targetUnitCodes, obligation.id, period.key],
    );
    return toTally(row);
  }

  /** The same counts for several periods of one obligation, in one query. */
  async tallies(obligation: ObligationScope, periods: Period[]): Promise<Map<string, CompletionTally>> {
    const active = periods.filter((period) => obligation.activeFrom <= period.end);
    const rows: Array<TallyRow & { key: string }> =
      active.length === 0
        ? []
        : await this.db.query(
            `SELECT p.key, ${TALLY_COLUMNS}
               FROM unnest($1::date[], $4::text[]) AS p(end_date, key)
               LEFT JOIN reporting_units u ON ${expectedUnitCondition({ end: 'p.end_date', scope: '$2', codes: '$3::text[]' })}
               LEFT JOIN submissions s ON s.obligation_id = $5 AND s.period_key = p.key AND s.unit_id = u.id
              GROUP BY p.key`,
            [active.map((p) => p.end), obligation.targetScope, obligation.targetUnitCodes, active.map((p) => p.key), obligation.id],
          );
    const byKey = new Map(rows.map((row) => [row.key, row]));
    return new Map(periods.map((period) => [period.key, toTally(byKey.get(period.key))]));
  }

  /**
   * The expected units with their submissions, by unit code; `exceptStatuses` leaves out units in
   * those statuses (e.g. the complied ones, for the list of units still owing); `limit` keeps the first ones.
   */
  async units(obligation: ObligationScope, period: Period, options: { exceptStatuses?: SubmissionStatus[]; limit?: number } = {}): Promise<UnitFacts[]> {
    if (obligation.activeFrom > period.end) return [];
    const params: unknown[] = [period.end, obligation.targetScope, obligation.targetUnitCodes, obligation.id, period.key];
    const where = [expectedUnitCondition({ end: '$1::date', scope: '$2', codes: '$3::text[]' })];
    if (options.exceptStatuses?.length) {
      params.push(options.exceptStatuses);
      where.push(`coalesce(s.status, 'not_started') <> ALL($${params.length}::text[])`);
    }
    if (options.limit) params.push(options.limit);
    const rows: UnitFactsRow[] = await this.db.query(
      `SELECT ${FACT_COLUMNS}
         FROM reporting_units u
         LEFT JOIN submissions s ON s.obligation_id = $4 AND s.period_key = $5 AND s.unit_id = u.id
        WHERE ${where.map((condition) => `(${condition})`).join(' AND ')}
        ORDER BY u.code, u.valid_from
        ${options.limit ? `LIMIT $${params.length}` : ''}`,
      params,
    );
    return rows.map(toUnitFacts);
  }
}

function toTally(row: TallyRow | undefined): CompletionTally {
  return {
    expected: row?.expected ?? 0,
    counts: {
      notStarted: row?.notStarted ?? 0,
      draft: row?.draft ?? 0,
      submitted: row?.submitted ?? 0,
      returned: row?.returned ?? 0,
      approved: row?.approved ?? 0,
    },
    onTime: row?.onTime ?? 0,
    late: row?.late ?? 0,
  };
}

export function toUnitFacts(row: UnitFactsRow): UnitFacts {
  return {
    unitId: row.unitId,
    unitCode: row.unitCode,
    unitName: row.unitName,
    unitKind: row.unitKind,
    facts:
      row.status === null
        ? undefined
        : { status: row.status, submittedAt: row.submittedAt, firstSubmittedAt: row.firstSubmittedAt, dueDate: row.dueDate, onTime: row.onTime, daysLate: row.daysLate, backfilled: row.backfilled ?? false },
    returnCount: row.returnCount ?? 0,
  };
}
