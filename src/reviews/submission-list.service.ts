import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../access/authenticated-user';
import { unitFilterFor } from '../access/unit-scope';
import type { PeriodType } from '../periods/domain';
import { SubmissionStorage } from '../submissions/submission-storage.repository';
import { ChangeFlagsService } from './change-flags.service';
import { SubmissionListDto, SubmissionListItemDto, SubmissionListQueryDto } from './dto/review.dto';

const SORTS: Record<string, string> = {
  submittedAt: 's.submitted_at ASC NULLS LAST',
  '-submittedAt': 's.submitted_at DESC NULLS LAST',
  unitCode: 'u.code ASC',
  '-unitCode': 'u.code DESC',
  updatedAt: 's.updated_at ASC',
  '-updatedAt': 's.updated_at DESC',
};

/** A queue filtered on flagged changes is computed whole before paging; beyond this many, narrow the filters. */
const MAX_FLAG_FILTERED = 5000;

type ListRow = SubmissionListItemDto & { obligationId: string; periodType: PeriodType; versionId: string | null; currentVersionId: string | null; submittedVersionId: string | null };

/** Submissions across units, for the review queue; officers only ever see their own unit. */
@Injectable()
export class SubmissionListService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly flags: ChangeFlagsService,
    private readonly storage: SubmissionStorage,
  ) {}

  async list(query: SubmissionListQueryDto, user: AuthenticatedUser): Promise<SubmissionListDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const where: string[] = ["s.status <> 'not_started'"];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    const scope = unitFilterFor(user);
    if (scope) add('s.unit_id = ?', scope);
    if (query.obligation) add('o.code = ?', query.obligation);
    if (query.period) add('s.period_key = ?', query.period);
    if (query.unitId) add('s.unit_id = ?', query.unitId);
    if (query.status) add('s.status = ?', query.status);
    if (query.late) add('s.on_time = ?', query.late === 'false');
    const from = `FROM submissions s JOIN obligations o ON o.id = s.obligation_id JOIN reporting_units u ON u.id = s.unit_id WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total ${from}`, params);
    const byFlag = query.flagged !== undefined;
    const rows: ListRow[] = await this.db.query(
      `SELECT s.id, o.code AS "obligationCode", s.obligation_id AS "obligationId", o.period_type AS "periodType",
              coalesce(s.submitted_version_id, s.current_version_id) AS "versionId", s.period_key AS "periodKey", s.unit_id AS "unitId", u.code AS "unitCode", u.name AS "unitName",
              s.status, s.submitted_at AS "submittedAt", s.on_time AS "onTime", s.days_late AS "daysLate",
              NULL::int AS "currentVersion", NULL::int AS "submittedVersion", s.version_count AS "versionCount", s.revision,
              s.current_version_id AS "currentVersionId", s.submitted_version_id AS "submittedVersionId",
              (SELECT count(*)::int FROM reviews r WHERE r.submission_id = s.id AND r.decision = 'return') AS "returnCount"
       ${from}
       ORDER BY ${SORTS[query.sort ?? 'submittedAt']}, u.code, s.id
       LIMIT ${byFlag ? MAX_FLAG_FILTERED : pageSize} OFFSET ${byFlag ? 0 : (page - 1) * pageSize}`,
      params,
    );
    const flagged = await this.flags.flagged(rows);
    const versionIds = rows.flatMap((row) => [row.currentVersionId, row.submittedVersionId]).filter((id): id is string => id !== null);
    const numbers = await this.storage.numbersOf([...new Set(versionIds)]);
    const numberOf = (id: string | null) => (id === null ? null : (numbers.get(id) ?? null));
    const items = rows.map(({ obligationId: _o, periodType: _p, versionId: _v, currentVersionId, submittedVersionId, ...item }) => ({
      ...item,
      currentVersion: numberOf(currentVersionId),
      submittedVersion: numberOf(submittedVersionId),
      flagged: flagged.has(item.id),
    }));
    if (!byFlag) return { items, total, page, pageSize };
    const matching = items.filter((item) => item.flagged === (query.flagged === 'true'));
    return { items: matching.slice((page - 1) * pageSize, page * pageSize), total: matching.length, page, pageSize };
  }
}
