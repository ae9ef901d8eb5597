import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { unitFilterFor } from '../auth/unit-scope';
import { SubmissionListDto, SubmissionListQueryDto } from './dto/review.dto';

const SORTS: Record<string, string> = {
  submittedAt: 's.submitted_at ASC NULLS LAST',
  '-submittedAt': 's.submitted_at DESC NULLS LAST',
  unitCode: 'u.code ASC',
  '-unitCode': 'u.code DESC',
  updatedAt: 's.updated_at ASC',
  '-updatedAt': 's.updated_at DESC',
};

/** Submissions across units, for the review queue; officers only ever see their own unit. */
@Injectable()
export class SubmissionListService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

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
    const items = await this.db.query(
      `SELECT s.id, o.code AS "obligationCode", s.period_key AS "periodKey", s.unit_id AS "unitId", u.code AS "unitCode", u.name AS "unitName",
              s.status, s.submitted_at AS "submittedAt", s.on_time AS "onTime", s.days_late AS "daysLate",
              cv.number AS "currentVersion", sv.number AS "submittedVersion", s.version_count AS "versionCount", s.revision,
              (SELECT count(*)::int FROM reviews r WHERE r.submission_id = s.id AND r.decision = 'return') AS "returnCount"
       ${from.replace('WHERE', 'LEFT JOIN submission_versions cv ON cv.id = s.current_version_id LEFT JOIN submission_versions sv ON sv.id = s.submitted_version_id WHERE')}
       ORDER BY ${SORTS[query.sort ?? 'submittedAt']}, u.code, s.id
       LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      params,
    );
    return { items, total, page, pageSize };
  }
}
