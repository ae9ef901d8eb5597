import type { DataSource } from 'typeorm';
import { Obligation } from '../../../src/obligations/obligation.entity';
import { DEFAULT_REMINDER_POLICY, type ReminderPolicy } from '../../../src/obligations/reminder-policy';
import type { SubmissionStatus } from '../../../src/submissions/domain/submission-status';

export interface TestUnit {
  id: string;
  code: string;
  name: string;
}

export interface UnitSpec {
  submitterEmails?: string[];
  leadershipEmail?: string | null;
  /** Active province officers of the unit (the fallback recipients). */
  officers?: string[];
}

/** Communes, so that no all-provinces obligation expects them; codes `<prefix>-1`, `<prefix>-2`... */
export async function createUnits(db: DataSource, prefix: string, specs: UnitSpec[]): Promise<TestUnit[]> {
  const units: TestUnit[] = [];
  for (const [index, spec] of specs.entries()) {
    const code = `${prefix}-${index + 1}`;
    const name = `Xã thử nghiệm ${prefix} số ${index + 1}`;
    const [{ id }] = await db.query(
      `INSERT INTO reporting_units (code, name, name_ascii, kind, valid_from, submitter_emails, leadership_email)
       VALUES ($1, $2, $3, 'commune', '2000-01-01', $4, $5) RETURNING id`,
      [code, name, `Xa thu nghiem ${prefix} so ${index + 1}`, spec.submitterEmails ?? [], spec.leadershipEmail ?? null],
    );
    for (const email of spec.officers ?? []) {
      await db.query(`INSERT INTO users (email, full_name, password_hash, role, unit_id) VALUES ($1, $2, 'not-a-hash', 'province_officer', $3)`, [email, `Cán bộ ${name}`, id]);
    }
    units.push({ id, code, name });
  }
  return units;
}

export interface TestObligation {
  id: string;
  code: string;
}

/**
 * A monthly obligation of the listed units from 2025-M02 on (so no earlier period is overdue), due on
 * `dueDay` of the next month without working-day shift: 2025-M02 is due Tuesday 11/03/2025.
 */
export async function createObligation(
  db: DataSource,
  code: string,
  options: { units: TestUnit[]; policy?: Partial<ReminderPolicy>; compliesWhen?: 'approved' | 'submitted'; dueDay?: number },
): Promise<TestObligation> {
  const saved = await db.getRepository(Obligation).save({
    code,
    title: `Báo cáo thử nghiệm nhắc hạn ${code}`,
    legalDocument: 'Văn bản thử nghiệm',
    issuingBody: 'Bộ Khoa học và Công nghệ',
    periodType: 'monthly',
    cutoffKind: 'calendar',
    deadlineRule: { kind: 'day_of_month', monthOffset: 1, day: options.dueDay ?? 11, adjust: 'none' },
    targetScope: 'listed_units',
    targetUnitCodes: options.units.map((unit) => unit.code),
    compliesWhen: options.compliesWhen ?? 'approved',
    reminderPolicy: { ...DEFAULT_REMINDER_POLICY, ...options.policy },
    activeFrom: '2025-02-01',
    trackedFrom: '2025-02-01',
  });
  return { id: saved.id, code: saved.code };
}

/** Retired: later ticks in the same database leave it alone. */
export async function retire(db: DataSource, obligation: TestObligation): Promise<void> {
  await db.query(`UPDATE obligations SET retired_at = now(), retired_reason = 'hết phần thử nghiệm' WHERE id = $1`, [obligation.id]);
}

export async function setSubmission(db: DataSource, obligationId: string, periodKey: string, unitId: string, status: SubmissionStatus): Promise<void> {
  await db.query(
    `INSERT INTO submissions (obligation_id, period_key, unit_id, status, revision) VALUES ($1, $2, $3, $4, 1)
     ON CONFLICT (obligation_id, period_key, unit_id) DO UPDATE SET status = EXCLUDED.status, revision = submissions.revision + 1`,
    [obligationId, periodKey, unitId, status],
  );
}

export interface ReminderRow {
  id: string;
  unitId: string;
  stage: string;
  status: string;
  mailStatus: string | null;
  escalated: boolean;
  to: string[];
  cc: string[];
  reason: string | null;
  mailKey: string | null;
  daysUntilDue: number;
}

export function remindersOf(db: DataSource, obligationId: string): Promise<ReminderRow[]> {
  return db.query(
    `SELECT r.id, r.unit_id AS "unitId", r.stage, r.status, m.status AS "mailStatus", r.escalated, r."to", r.cc, r.reason,
            r.mail_key AS "mailKey", r.days_until_due AS "daysUntilDue"
       FROM reminders r LEFT JOIN mail_messages m ON m.key = r.mail_key
      WHERE r.obligation_id = $1 ORDER BY r.planned_at, r.stage, r.unit_id`,
    [obligationId],
  );
}
