import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { EXPECTED_UNIT_SQL } from '../obligations/expected-units';
import { Obligation } from '../obligations/obligation.entity';
import type { Period } from '../periods/domain';
import type { SubmissionStatus } from '../submissions/domain/submission-status';
import type { UnitKind } from '../units/reporting-unit.entity';
import type { UnitContacts } from './domain/recipients';
import { Reminder } from './reminder.entity';

/** An expected unit of a period, with its report's status and its contacts. */
export interface CampaignUnit extends UnitContacts {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  status: SubmissionStatus;
}

export type NewReminder = Omit<Reminder, 'id' | 'createdAt' | 'obligation' | 'unit'>;

/** The SQL of the reminders feature: who is expected, what was recorded, and the inserts. */
@Injectable()
export class ReminderRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  activeObligations(): Promise<Obligation[]> {
    return this.db.getRepository(Obligation).find({ where: { retiredAt: IsNull() }, order: { code: 'ASC' } });
  }

  /** Every unit expected to report for the period, with its report's status (not_started when none). */
  campaignUnits(obligation: Obligation, period: Period): Promise<CampaignUnit[]> {
    return this.db.query(
      `SELECT u.id, u.code, u.name, u.kind, u.submitter_emails AS "submitterEmails", u.leadership_email AS "leadershipEmail",
              COALESCE(s.status, 'not_started') AS status,
              CASE WHEN cardinality(u.submitter_emails) > 0 THEN '{}'::text[]
                   ELSE ARRAY(SELECT o.email::text FROM users o WHERE o.unit_id = u.id AND o.role = 'province_officer' AND o.active ORDER BY o.email)
              END AS "officerEmails"
         FROM reporting_units u
         LEFT JOIN submissions s ON s.unit_id = u.id AND s.obligation_id = $4 AND s.period_key = $5
        WHERE ${EXPECTED_UNIT_SQL}
        ORDER BY u.code, u.valid_from`,
      [period.end, obligation.targetScope, obligation.targetUnitCodes, obligation.id, period.key],
    );
  }

  /** Stages already recorded per unit for the period, whatever came of them. */
  async recordedStages(obligationId: string, periodKey: string): Promise<Map<string, Set<string>>> {
    const rows: Array<{ unit_id: string; stages: string[] }> = await this.db.query(
      `SELECT unit_id, array_agg(stage) AS stages FROM reminders WHERE obligation_id = $1 AND period_key = $2 GROUP BY unit_id`,
      [obligationId, periodKey],
    );
    return new Map(rows.map((row) => [row.unit_id, new Set(row.stages)]));
  }

  /** Reminders each unit has queued or received in [start, end), across obligations (cancelled and failed ones do not count). */
  async remindersInMonth(unitIds: string[], month: { start: Date; end: Date }): Promise<Map<string, number>> {
    if (unitIds.length === 0) return new Map();
    const rows: Array<{ unit_id: string; count: number }> = await this.db.query(
      `SELECT r.unit_id, count(*)::int AS count
         FROM reminders r JOIN mail_messages m ON m.key = r.mail_key
        WHERE r.unit_id = ANY($1::uuid[]) AND r.planned_at >= $2 AND r.planned_at < $3 AND m.status IN ('queued', 'sent')
        GROUP BY r.unit_id`,
      [unitIds, month.start, month.end],
    );
    return new Map(rows.map((row) => [row.unit_id, row.count]));
  }

  /**
   * Inserts the rows whose (obligation, period, unit, stage) is new (INSERT ... ON CONFLICT DO NOTHING)
   * and returns those only: a concurrent planner that inserted a key first wins it, this one skips it.
   */
  async insertNew(manager: EntityManager, rows: NewReminder[]): Promise<Array<{ id: string; unitId: string; stage: string }>> {
    if (rows.length === 0) return [];
    // One JSON parameter rather than the query builder's thousands of bind parameters: a campaign inserts thousands of rows.
    return manager.query(
      `INSERT INTO reminders (obligation_id, period_key, unit_id, stage, trigger, status, reason, due_date, days_until_due, escalated,
                              submission_status, "to", cc, mail_key, requested_by, planned_at)
       SELECT r."obligationId", r."periodKey", r."unitId", r.stage, r.trigger, r.status, r.reason, r."dueDate", r."daysUntilDue", r.escalated,
              r."submissionStatus", ARRAY(SELECT jsonb_array_elements_text(r."to")), ARRAY(SELECT jsonb_array_elements_text(r.cc)),
              r."mailKey", r."requestedBy", r."plannedAt"
         FROM jsonb_to_recordset($1::jsonb) AS r("obligationId" uuid, "periodKey" text, "unitId" uuid, stage text, trigger text, status text,
                                                 reason text, "dueDate" date, "daysUntilDue" integer, escalated boolean, "submissionStatus" text,
                                                 "to" jsonb, cc jsonb, "mailKey" text, "requestedBy" uuid, "plannedAt" timestamptz)
       ON CONFLICT DO NOTHING
       RETURNING id, unit_id AS "unitId", stage`,
      [JSON.stringify(rows)],
    );
  }

  async remindersSent(obligationId: string, periodKey: string): Promise<number> {
    const [{ count }] = await this.db.query(
      `SELECT count(*)::int AS count FROM reminders r JOIN mail_messages m ON m.key = r.mail_key
        WHERE r.obligation_id = $1 AND r.period_key = $2 AND m.status = 'sent'`,
      [obligationId, periodKey],
    );
    return count;
  }

  async complianceOfficerEmails(): Promise<string[]> {
    const rows: Array<{ email: string }> = await this.db.query(`SELECT email FROM users WHERE role = 'compliance_officer' AND active ORDER BY email`);
    return rows.map((row) => row.email);
  }
}
