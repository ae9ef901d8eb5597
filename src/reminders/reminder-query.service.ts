import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DeliveryQueryDto, ReminderDeliveryListDto, ReminderListDto, ReminderQueryDto } from './dto/reminder.dto';

// Planning's decision until an e-mail exists; from then on the e-mail's own status.
const EFFECTIVE_STATUS = `CASE WHEN r.status <> 'planned' THEN r.status WHEN m.status = 'queued' THEN 'planned' ELSE m.status END`;

type Filters = Pick<ReminderQueryDto, 'obligation' | 'period' | 'unitId' | 'stage'>;

function whereOf(query: Filters, status: { sql: string; value: string | undefined }): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (query.obligation) add('o.code = ?', query.obligation);
  if (query.period) add('r.period_key = ?', query.period);
  if (query.unitId) add('r.unit_id = ?', query.unitId);
  if (query.stage) add('r.stage = ?', query.stage);
  if (status.value) add(`${status.sql} = ?`, status.value);
  return { sql: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** Read side of the operations routes: reminders and their delivery attempts, filtered and paged. */
@Injectable()
export class ReminderQueryService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async reminders(query: ReminderQueryDto): Promise<ReminderListDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const { sql, params } = whereOf(query, { sql: EFFECTIVE_STATUS, value: query.status });
    const from = `FROM reminders r JOIN obligations o ON o.id = r.obligation_id JOIN reporting_units u ON u.id = r.unit_id
                  LEFT JOIN mail_messages m ON m.key = r.mail_key ${sql}`;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total ${from}`, params);
    const items = await this.db.query(
      `SELECT r.id, o.code AS "obligationCode", r.period_key AS "periodKey", r.unit_id AS "unitId", u.code AS "unitCode", u.name AS "unitName",
              r.stage, r.trigger, ${EFFECTIVE_STATUS} AS status, r.reason, to_char(r.due_date, 'YYYY-MM-DD') AS "dueDate",
              r.days_until_due AS "daysUntilDue", r.escalated, r.submission_status AS "submissionStatus", r."to", r.cc,
              r.mail_key AS "mailKey", r.requested_by AS "requestedBy", r.planned_at AS "plannedAt", m.sent_at AS "sentAt",
              COALESCE(m.attempts, 0) AS attempts, m.last_error AS "lastError"
       ${from}
       ORDER BY r.planned_at DESC, u.code, r.stage, r.id
       LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      params,
    );
    return { items, total, page, pageSize };
  }

  async deliveries(query: DeliveryQueryDto): Promise<ReminderDeliveryListDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const { sql, params } = whereOf(query, { sql: 'd.outcome', value: query.status });
    const from = `FROM mail_deliveries d JOIN mail_messages m ON m.id = d.message_id JOIN reminders r ON r.mail_key = m.key
                  JOIN obligations o ON o.id = r.obligation_id JOIN reporting_units u ON u.id = r.unit_id ${sql}`;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total ${from}`, params);
    const items = await this.db.query(
      `SELECT d.id, r.id AS "reminderId", o.code AS "obligationCode", r.period_key AS "periodKey", r.unit_id AS "unitId", u.code AS "unitCode",
              r.stage, m.key AS "mailKey", d.attempt, d.outcome AS status, m."to", m.cc, d.smtp_response AS "smtpResponse", d.error,
              d.started_at AS "startedAt", d.finished_at AS "finishedAt"
       ${from}
       ORDER BY d.started_at DESC, d.attempt DESC, d.id
       LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      params,
    );
    return { items, total, page, pageSize };
  }
}
