import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MailService } from '../mail/mail.service';
import { Clock } from '../common/clock';
import { ObligationBodiesService } from '../obligations/obligation-bodies.service';
import type { Obligation } from '../obligations/obligation.entity';
import { vietnamDateOf } from '../periods/domain';
import type { Campaign } from './domain/campaign-periods';
import { campaignSummaryMail } from './reminder-mail';
import { CAMPAIGN_SUMMARY_MAIL_KIND, campaignSummaryKey } from './reminder-queue';
import { ReminderRepository } from './reminder.repository';
import { ReminderSettings } from './reminder-settings';

/** Tells the compliance officers, once per obligation and period, that every expected unit has complied. */
@Injectable()
export class CampaignSummary {
  private readonly logger = new Logger(CampaignSummary.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly mail: MailService,
    private readonly repository: ReminderRepository,
    private readonly settings: ReminderSettings,
    private readonly bodies: ObligationBodiesService,
    private readonly clock: Clock,
  ) {}

  /** True when the summary was queued now; false when it was queued before or nobody can receive it. */
  async send(obligation: Obligation, campaign: Campaign, expectedUnits: number): Promise<boolean> {
    const key = campaignSummaryKey(obligation.code, campaign.period.key);
    if (await this.mail.findByKey(key)) return false;
    const to = await this.repository.complianceOfficerEmails();
    if (to.length === 0) {
      this.logger.warn(`Campaign ${obligation.code} ${campaign.period.key} is complete, but no active compliance officer can be told`);
      return false;
    }
    const content = campaignSummaryMail({
      obligationCode: obligation.code,
      obligationTitle: obligation.title,
      issuingBody: (await this.bodies.on(obligation, vietnamDateOf(this.clock.now()))).issuingBody,
      periodLabel: campaign.period.label,
      dueDate: campaign.dueDate,
      expectedUnits,
      remindersSent: await this.repository.remindersSent(obligation.id, campaign.period.key),
      publicUrl: this.settings.publicUrl,
      periodKey: campaign.period.key,
    });
    // The unique mail key makes this once-only even when two planners get here together.
    const { created } = await this.mail.enqueue(this.db.manager, {
      key,
      kind: CAMPAIGN_SUMMARY_MAIL_KIND,
      to,
      content,
      context: { obligationId: obligation.id, periodKey: campaign.period.key },
    });
    if (created) this.logger.log(`Campaign ${obligation.code} ${campaign.period.key} complete (${expectedUnits}/${expectedUnits}); summary queued`);
    return created;
  }
}
