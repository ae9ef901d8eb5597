import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
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

/**
 * Checked by the mail worker just before a reminder goes out: a unit that has complied (or submitted
 * for review) meanwhile gets nothing, nor does one for a retired obligation, nor one a later reminder
 * for the same report has superseded (after an SMTP outage, only the newest goes out).
 */
@Injectable()
export class ReminderMailGuard implements OnModuleInit, OnModuleDestroy {
  private unregister?: () => void;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly mail: MailService,
  ) {}

  onModuleInit(): void {
    this.unregister = this.mail.registerGuard(REMINDER_MAIL_KIND, (message) => this.stillWanted(message));
  }

  onModuleDestroy(): void {
    this.unregister?.();
  }

  async stillWanted(message: MailMessage): Promise<boolean> {
    const context = message.context as Partial<ReminderContext>;
    if (!context.reminderId || !context.obligationId || !context.periodKey || !context.unitId) return false;
    const rows: Array<{ complies_when: ComplianceStatus; retired: boolean; status: SubmissionStatus; superseded: boolean }> = await this.db.query(
      `SELECT o.complies_when, o.retired_at IS NOT NULL AS retired, COALESCE(s.status, 'not_started') AS status,
              EXISTS (SELECT 1 FROM reminders later
                       WHERE later.obligation_id = r.obligation_id AND later.period_key = r.period_key AND later.unit_id = r.unit_id
                         AND later.status = 'planned' AND later.planned_at > r.planned_at) AS superseded
         FROM reminders r
         JOIN obligations o ON o.id = r.obligation_id
         LEFT JOIN submissions s ON s.obligation_id = r.obligation_id AND s.period_key = r.period_key AND s.unit_id = r.unit_id
        WHERE r.id = $1`,
      [context.reminderId],
    );
    const [row] = rows;
    return row !== undefined && !row.retired && !row.superseded && owesAction(row.status, row.complies_when);
  }
}
