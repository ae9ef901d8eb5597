import type { MailContent } from '../mail/mail-content';
import { type MailTemplate, renderMailTemplate } from '../mail/mail-template';
import type { IsoDate } from '../periods/domain';
import type { SubmissionStatus } from '../submissions/domain/submission-status';
import { compliancePagePath, pageUrl, submissionPagePath } from '../web/page-links';
import { formatVietnameseDate } from '../common/vietnamese-dates';
import { MISSING_BY_STATUS, timingPhrase } from './domain/reminder-wording';

export interface ReminderMailValues {
  /** The unit's reporting department on the sending day, e.g. "Sở Khoa học và Công nghệ tỉnh Tuyên Quang". */
  recipient: string;
  obligationCode: string;
  obligationTitle: string;
  /** The issuing body on the sending day: the e-mail is signed in its name. */
  issuingBody: string;
  periodLabel: string;
  dueDate: IsoDate;
  daysUntilDue: number;
  submissionStatus: SubmissionStatus;
  /** The unit's leadership is in copy. */
  escalated: boolean;
  manual: boolean;
  publicUrl: string;
  periodKey: string;
  unitId: string;
}

const FOOTER = 'Trân trọng,\n{{issuingBody}}\nHệ thống báo cáo định kỳ (thư gửi tự động, vui lòng không trả lời thư này)';

function subjectOf(daysUntilDue: number): string {
  if (daysUntilDue > 0) return 'Nhắc hạn nộp báo cáo {{code}} kỳ {{period}}: còn {{days}} ngày (hạn {{dueDate}})';
  if (daysUntilDue === 0) return 'Hôm nay là hạn nộp báo cáo {{code}} kỳ {{period}} ({{dueDate}})';
  return 'Quá hạn {{days}} ngày: báo cáo {{code}} kỳ {{period}} (hạn {{dueDate}})';
}

/** The reminder a unit receives: what is owed, by when, what is missing, and where to act. */
export function reminderMail(values: ReminderMailValues): MailContent {
  const template: MailTemplate = {
    subject: subjectOf(values.daysUntilDue),
    body: [
      'Kính gửi {{recipient}},',
      values.manual
        ? 'Theo đề nghị của cán bộ theo dõi việc thực hiện chế độ báo cáo, Hệ thống báo cáo định kỳ xin nhắc: đơn vị chưa hoàn thành báo cáo dưới đây.'
        : 'Hệ thống báo cáo định kỳ xin nhắc: đơn vị chưa hoàn thành báo cáo dưới đây.',
      'Báo cáo: {{title}} (mã {{code}})\nKỳ báo cáo: {{period}}\nHạn nộp: {{dueDate}} ({{timing}})\nTình trạng: {{missing}}',
      ...(values.escalated ? ['Do báo cáo đã quá hạn {{days}} ngày, thư này được gửi đồng thời tới lãnh đạo đơn vị.'] : []),
      'Đề nghị đơn vị tải lên hoặc nhập số liệu và gửi báo cáo để duyệt trong thời gian sớm nhất tại trang nộp báo cáo: {{submissionUrl}}',
    ].join('\n\n'),
    action: { label: 'Mở trang nộp báo cáo', url: '{{submissionUrl}}' },
    footer: FOOTER,
  };
  return renderMailTemplate(template, {
    recipient: values.recipient,
    code: values.obligationCode,
    title: values.obligationTitle,
    issuingBody: values.issuingBody,
    period: values.periodLabel,
    dueDate: formatVietnameseDate(values.dueDate),
    days: Math.abs(values.daysUntilDue),
    timing: timingPhrase(values.daysUntilDue),
    missing: MISSING_BY_STATUS[values.submissionStatus],
    submissionUrl: pageUrl(values.publicUrl, submissionPagePath(values.obligationCode, values.periodKey, values.unitId)),
  });
}

export interface CampaignSummaryValues {
  obligationCode: string;
  obligationTitle: string;
  /** The issuing body on the sending day. */
  issuingBody: string;
  periodLabel: string;
  dueDate: IsoDate;
  expectedUnits: number;
  remindersSent: number;
  publicUrl: string;
  periodKey: string;
}

/** The one e-mail compliance officers get when every expected unit has complied for a period. */
export function campaignSummaryMail(values: CampaignSummaryValues): MailContent {
  return renderMailTemplate(
    {
      subject: 'Hoàn thành báo cáo {{code}} kỳ {{period}}: {{units}}/{{units}} đơn vị',
      body: [
        'Kính gửi cán bộ theo dõi việc thực hiện chế độ báo cáo,',
        '{{units}}/{{units}} đơn vị đã hoàn thành báo cáo "{{title}}" (mã {{code}}) kỳ {{period}}, hạn nộp {{dueDate}}.',
        'Đợt nhắc hạn của kỳ này đã kết thúc: hệ thống không gửi thêm thư nhắc. Số thư nhắc đã gửi trong đợt: {{sent}}.',
      ].join('\n\n'),
      action: { label: 'Xem tình hình nộp báo cáo', url: '{{dashboardUrl}}' },
      footer: FOOTER,
    },
    {
      code: values.obligationCode,
      title: values.obligationTitle,
      issuingBody: values.issuingBody,
      period: values.periodLabel,
      dueDate: formatVietnameseDate(values.dueDate),
      units: values.expectedUnits,
      sent: values.remindersSent,
      dashboardUrl: pageUrl(values.publicUrl, compliancePagePath(values.obligationCode, values.periodKey)),
    },
  );
}
