import { formatVietnameseDateTime } from '../common/vietnamese-dates';
import { renderMailTemplate } from '../mail/mail-template';
import type { MailContent } from '../mail/mail-content';

const TEMPLATES = {
  approve: {
    subject: 'Báo cáo {{obligationCode}} {{period}} của {{unit}} đã được duyệt',
    body:
      'Kính gửi {{recipient}},\n\nBáo cáo "{{obligationTitle}}" kỳ {{period}} (phiên bản {{version}}) đã được {{reviewer}} duyệt lúc {{decidedAt}}.' +
      '\n\n{{comment}}',
  },
  return: {
    subject: 'Báo cáo {{obligationCode}} {{period}} của {{unit}} bị trả lại, đề nghị sửa và gửi lại',
    body:
      'Kính gửi {{recipient}},\n\nBáo cáo "{{obligationTitle}}" kỳ {{period}} (phiên bản {{version}}) đã bị {{reviewer}} trả lại lúc {{decidedAt}}.' +
      '\n\nÝ kiến: {{comment}}\n\n{{remarks}}Đề nghị đơn vị chỉnh sửa, tải lên phiên bản mới và gửi lại.',
  },
  reopen: {
    subject: 'Báo cáo {{obligationCode}} {{period}} của {{unit}} được mở lại để chỉnh sửa',
    body:
      'Kính gửi {{recipient}},\n\nBáo cáo "{{obligationTitle}}" kỳ {{period}} đã duyệt nay được mở lại lúc {{decidedAt}}.' +
      '\n\nLý do: {{comment}}\n\nĐề nghị đơn vị chỉnh sửa, tải lên phiên bản mới và gửi lại.',
  },
} as const;

export interface ReviewMailValues {
  decision: keyof typeof TEMPLATES;
  obligationCode: string;
  obligationTitle: string;
  period: string;
  unit: string;
  /** The unit's reporting department on the day of the decision. */
  recipient: string;
  version: number;
  reviewer: string;
  decidedAt: Date;
  comment: string | null;
  remarks: Array<{ row?: number; field?: string; message: string }>;
  /** Column labels by field key, so that remarks name columns as the unit's file does. */
  fieldLabels: Readonly<Record<string, string>>;
  link: string;
}

/** The e-mail a unit's officers receive when their report is approved, returned or reopened. */
export function reviewMail(values: ReviewMailValues): MailContent {
  const remarks = values.remarks
    .map((remark) => {
      const column = remark.field ? `cột "${values.fieldLabels[remark.field] ?? remark.field}"` : null;
      return `- ${[remark.row ? `dòng ${remark.row}` : null, column].filter(Boolean).join(', ') || 'chung'}: ${remark.message}`;
    })
    .join('\n');
  return renderMailTemplate(
    { ...TEMPLATES[values.decision], action: { label: 'Xem báo cáo', url: '{{link}}' }, footer: 'Thư này được gửi tự động từ Hệ thống báo cáo định kỳ.' },
    {
      obligationCode: values.obligationCode,
      obligationTitle: values.obligationTitle,
      period: values.period,
      unit: values.unit,
      recipient: values.recipient,
      version: values.version,
      reviewer: values.reviewer,
      decidedAt: formatVietnameseDateTime(values.decidedAt),
      comment: values.comment ?? '',
      remarks: remarks ? `Nhận xét chi tiết:\n${remarks}\n\n` : '',
      link: values.link,
    },
  );
}
