import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { SqlMailGuard } from '../mail/mail-guards';
import type { MailMessage } from '../mail/mail-message.entity';
import { MailService } from '../mail/mail.service';
import type { ComplianceStatus } from '../obligations/obligation.entity';
import type { SubmissionStatus } from '../submissions/domain/submission-status';
import { owesAction } from './domain/compliance';
import { REMINDER_MAIL_KIND } from './reminder-queue';

interface ReminderContext {
  reminderId: string;
  obligationId: string;
  periodKey: string;
  unitId: string;
}

/** What the guard decides on, read with the locked message `m` (null when the reminder is gone). */
interface ReminderFacts {
  compliesWhen: ComplianceStatus;
  retired: boolean;
  /** The period's due date is on or after the day the obligation is tracked from. */
  tracked: boolean;
  status: SubmissionStatus;
  superseded: boolean;
}

const REMINDER_FACTS_SQL = `
  SELECT jsonb_build_object(
           'compliesWhen', o.complies_when,
           'retired', o.retired_at IS NOT NULL,
           'tracked', r.due_date >= o.tracked_from,
           'status', COALESCE(s.status, 'not_started'),
           'superseded', EXISTS (SELECT 1 FROM reminders later
                                  WHERE later.obligation_id = r.obligation_id AND later.period_key = r.period_key AND later.unit_id = r.unit_id
                                    AND later.status = 'planned' AND later.planned_at > r.planned_at))
    FROM reminders r
    JOIN obligations o ON o.id = r.obligation_id
    LEFT JOIN submissions s ON s.obligation_id = r.obligation_id AND s.period_key = r.period_key AND s.unit_id = r.unit_id
   WHERE r.id = (m.context ->> 'reminderId')::uuid`;

/**
 * Checked by the mail worker just before a reminder goes out: a unit that has complied (or submitted
 * for review) meanwhile gets nothing, nor does one for a retired obligation or a period no longer
 * tracked, nor one a later reminder for the same report has superseded (after an SMTP outage, only
 * the newest goes out).
 */
@Injectable()
export class ReminderMailGuard implements OnModuleInit, OnModuleDestroy, SqlMailGuard {
  readonly facts = REMINDER_FACTS_SQL;
  private unregister?: () => void;

  constructor(private readonly mail: MailService) {}

  onModuleInit(): void {
    this.unregister = this.mail.registerGuard(REMINDER_MAIL_KIND, this);
  }

  onModuleDestroy(): void {
    this.unregister?.();
  }

  allows(message: MailMessage, facts: unknown): boolean {
    const context = message.context as Partial<ReminderContext>;
    if (!context.reminderId || !context.obligationId || !context.periodKey || !context.unitId) return false;
    const found = facts as ReminderFacts | null | undefined;
    return !!found && !found.retired && found.tracked && !found.superseded && owesAction(found.status, found.compliesWhen);
  }
}
