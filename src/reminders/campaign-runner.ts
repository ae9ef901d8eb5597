import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type EnqueueMail, MailService } from '../mail/mail.service';
import { ObligationBodiesService } from '../obligations/obligation-bodies.service';
import type { Obligation } from '../obligations/obligation.entity';
import { vietnamDateOf } from '../periods/domain';
import { DepartmentsService } from '../units/departments.service';
import type { Campaign } from './domain/campaign-periods';
import { hasComplied, owesAction } from './domain/compliance';
import { vietnamMonthOf } from './domain/monthly-cap';
import { NO_ADDRESS_REASON, recipientsOf } from './domain/recipients';
import { planManualReminder, planScheduledReminder, type ReminderDecision } from './domain/reminder-plan';
import { isSendingTime, type WorkingDayCheck } from './domain/sending-window';
import { CampaignSummary } from './campaign-summary';
import { reminderMail } from './reminder-mail';
import { REMINDER_MAIL_KIND, reminderMailKey } from './reminder-queue';
import { type CampaignUnit, type NewReminder, ReminderRepository } from './reminder.repository';
import { ReminderSettings } from './reminder-settings';

export type Planning =
  | { trigger: 'schedule'; calendar: WorkingDayCheck }
  | { trigger: 'manual'; unitId?: string; requestedBy: string | null };

export interface CampaignOutcome {
  expectedUnits: number;
  compliedUnits: number;
  /** Submitted and waiting for the ministry's review: not reminded. */
  awaitingReview: number;
  /** New reminders with a queued e-mail. */
  planned: number;
  /** Units whose current stage was recorded before (by an earlier or concurrent run). */
  alreadyRecorded: number;
  skippedCap: number;
  skippedNoAddress: number;
  /** Every expected unit has complied: nothing more is planned. */
  complete: boolean;
  summaryQueued: boolean;
}

// Rows per transaction: e-mails start going out as soon as the first batch commits.
const BATCH_SIZE = 200;
const NO_STAGES: ReadonlySet<string> = new Set();

type Decided = Extract<ReminderDecision, { stage: string }>;

/** Plans one period's reminders for an obligation: which units owe it, which stage is due, and the e-mails. */
@Injectable()
export class CampaignRunner {
  private readonly logger = new Logger(CampaignRunner.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: ReminderRepository,
    private readonly mail: MailService,
    private readonly summary: CampaignSummary,
    private readonly settings: ReminderSettings,
    private readonly bodies: ObligationBodiesService,
    private readonly departments: DepartmentsService,
  ) {}

  async run(obligation: Obligation, campaign: Campaign, now: Date, planning: Planning): Promise<CampaignOutcome> {
    const units = await this.repository.campaignUnits(obligation, campaign.period);
    const complied = units.filter((unit) => hasComplied(unit.status, obligation.compliesWhen)).length;
    const outcome: CampaignOutcome = {
      expectedUnits: units.length,
      compliedUnits: complied,
      awaitingReview: 0,
      planned: 0,
      alreadyRecorded: 0,
      skippedCap: 0,
      skippedNoAddress: 0,
      complete: units.length > 0 && complied === units.length,
      summaryQueued: false,
    };
    if (outcome.complete) {
      outcome.summaryQueued = await this.summary.send(obligation, campaign, units.length);
      return outcome;
    }
    const owing = units.filter((unit) => !hasComplied(unit.status, obligation.compliesWhen) && (planning.trigger === 'schedule' || !planning.unitId || unit.id === planning.unitId));
    const targets = owing.filter((unit) => owesAction(unit.status, obligation.compliesWhen));
    outcome.awaitingReview = owing.length - targets.length;
    if (targets.length === 0) return outcome;
    if (planning.trigger === 'schedule' && !isSendingTime(now, planning.calendar, this.settings.hours)) return outcome;

    const rows = await this.decide(obligation, campaign, now, planning, targets, outcome);
    // E-mails name the bodies of the sending day: the unit's department and the issuing ministry.
    const today = vietnamDateOf(now);
    const names = { departments: await this.departments.namesOf(targets, today), issuingBody: (await this.bodies.on(obligation, today)).issuingBody };
    for (let start = 0; start < rows.length; start += BATCH_SIZE) {
      await this.persist(obligation, campaign, planning, rows.slice(start, start + BATCH_SIZE), outcome, names);
    }
    if (outcome.planned > 0) {
      this.logger.log(`${obligation.code} ${campaign.period.key}: ${outcome.planned} reminder(s) queued (${planning.trigger})`);
    }
    return outcome;
  }

  private async decide(
    obligation: Obligation,
    campaign: Campaign,
    now: Date,
    planning: Planning,
    targets: CampaignUnit[],
    outcome: CampaignOutcome,
  ): Promise<Array<{ unit: CampaignUnit; row: NewReminder }>> {
    const recorded = await this.repository.recordedStages(obligation.id, campaign.period.key);
    const sentThisMonth =
      planning.trigger === 'schedule' ? await this.repository.remindersInMonth(targets.map((unit) => unit.id), vietnamMonthOf(now)) : new Map<string, number>();
    const rows: Array<{ unit: CampaignUnit; row: NewReminder }> = [];
    for (const unit of targets) {
      const state = { policy: obligation.reminderPolicy, dueDate: campaign.dueDate, now, recordedStages: recorded.get(unit.id) ?? NO_STAGES };
      const decision =
        planning.trigger === 'schedule'
          ? planScheduledReminder({ ...state, calendar: planning.calendar, hours: this.settings.hours, remindersThisMonth: sentThisMonth.get(unit.id) ?? 0 })
          : planManualReminder(state);
      if (decision.action === 'wait') {
        if (decision.reason === 'already_recorded') outcome.alreadyRecorded += 1;
        continue;
      }
      rows.push({ unit, row: this.rowFor(obligation, campaign, unit, decision, now, planning) });
    }
    return rows;
  }

  private rowFor(obligation: Obligation, campaign: Campaign, unit: CampaignUnit, decision: Decided, now: Date, planning: Planning): NewReminder {
    const { to, cc } = recipientsOf(unit, decision.escalate);
    const status = to.length === 0 ? 'skipped_no_address' : decision.action === 'skip_cap' ? 'skipped_cap' : 'planned';
    const reason =
      status === 'skipped_no_address'
        ? NO_ADDRESS_REASON
        : status === 'skipped_cap'
          ? `Đơn vị đã nhận đủ ${obligation.reminderPolicy.monthlyCapPerUnit} thư nhắc trong tháng (giới hạn mỗi tháng).`
          : null;
    return {
      obligationId: obligation.id,
      periodKey: campaign.period.key,
      unitId: unit.id,
      stage: decision.stage,
      trigger: planning.trigger,
      status,
      reason,
      dueDate: campaign.dueDate,
      daysUntilDue: decision.daysUntilDue,
      escalated: decision.escalate,
      submissionStatus: unit.status,
      to,
      cc,
      mailKey: status === 'planned' ? reminderMailKey(obligation.code, campaign.period.key, unit.id, decision.stage) : null,
      requestedBy: planning.trigger === 'manual' ? planning.requestedBy : null,
      plannedAt: now,
    };
  }

  /** One transaction: the new reminder rows and their e-mails, queued once it commits. */
  private async persist(
    obligation: Obligation,
    campaign: Campaign,
    planning: Planning,
    batch: Array<{ unit: CampaignUnit; row: NewReminder }>,
    outcome: CampaignOutcome,
    names: { departments: Map<string, string>; issuingBody: string },
  ): Promise<void> {
    const counts = await this.db.transaction(async (manager) => {
      const inserted = await this.repository.insertNew(
        manager,
        batch.map(({ row }) => row),
      );
      const done = { planned: 0, skippedCap: 0, skippedNoAddress: 0, alreadyRecorded: batch.length - inserted.length };
      const byUnit = new Map(batch.map((item) => [item.row.unitId, item]));
      const mails: EnqueueMail[] = [];
      for (const { id, unitId } of inserted) {
        const { unit, row } = byUnit.get(unitId) as { unit: CampaignUnit; row: NewReminder };
        if (row.status === 'skipped_cap') done.skippedCap += 1;
        if (row.status === 'skipped_no_address') done.skippedNoAddress += 1;
        if (row.status !== 'planned' || !row.mailKey) continue;
        mails.push({
          key: row.mailKey,
          kind: REMINDER_MAIL_KIND,
          to: row.to,
          cc: row.cc,
          content: reminderMail({
            recipient: names.departments.get(unit.id) ?? unit.name,
            obligationCode: obligation.code,
            obligationTitle: obligation.title,
            issuingBody: names.issuingBody,
            periodLabel: campaign.period.label,
            dueDate: campaign.dueDate,
            daysUntilDue: row.daysUntilDue,
            submissionStatus: unit.status,
            escalated: row.cc.length > 0,
            manual: planning.trigger === 'manual',
            publicUrl: this.settings.publicUrl,
            periodKey: campaign.period.key,
            unitId: unit.id,
          }),
          context: { reminderId: id, obligationId: obligation.id, periodKey: campaign.period.key, unitId },
        });
      }
      done.planned += (await this.mail.enqueueMany(manager, mails)).length;
      return done;
    });
    outcome.planned += counts.planned;
    outcome.skippedCap += counts.skippedCap;
    outcome.skippedNoAddress += counts.skippedNoAddress;
    outcome.alreadyRecorded += counts.alreadyRecorded;
  }
}
