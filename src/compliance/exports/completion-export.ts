import type { UnitCompletionListDto } from '../dto/completion.dto';
import type { ExportDocument } from './export-document';
import { formatVietnameseDate, formatVietnameseDateTimeSeconds } from '../../common/vietnamese-dates';
import { formatNumber } from './vietnamese-format';

const COMPLIES_WHEN = { approved: 'báo cáo đã được duyệt', submitted: 'báo cáo đã gửi (hoặc đã duyệt)' };

/** The completion table of an obligation and period: one row per expected unit. */
export function completionDocument(table: UnitCompletionListDto): ExportDocument {
  const { obligation, period, figures } = table;
  return {
    baseName: `tien-do-${obligation.code}-${period.key}`,
    title: `Tiến độ nộp báo cáo ${obligation.code} — ${period.label}`,
    info: [
      ['Nghĩa vụ báo cáo', `${obligation.code} — ${obligation.title}`],
      ['Cơ quan chủ trì', table.bodies.issuingBody],
      ['Cơ quan nhận báo cáo', table.bodies.receivingBody ?? '—'],
      ['Kỳ báo cáo', period.label],
      ['Hạn nộp', formatVietnameseDate(period.dueDate)],
      ['Tính là hoàn thành khi', COMPLIES_WHEN[obligation.compliesWhen]],
      ['Theo dõi tiến độ', figures.tracked ? 'Có' : 'Không: kỳ có hạn nộp trước ngày bắt đầu theo dõi, số liệu được nạp bù'],
      ['Số đơn vị phải nộp', figures.expected],
      ['Đã hoàn thành', figures.headline],
      ['Tỷ lệ hoàn thành', figures.completionPercent === null ? '—' : `${formatNumber(figures.completionPercent)}%`],
      ['Nộp đúng hạn', figures.onTime],
      ['Nộp trễ hạn', figures.late],
      ['Quá hạn chưa hoàn thành', figures.overdue],
      ['Số liệu tại thời điểm (giờ Việt Nam)', formatVietnameseDateTimeSeconds(table.at)],
    ],
    csvSheet: 0,
    sheets: [
      {
        name: 'Tiến độ',
        columns: [
          { key: 'unitCode', header: 'Mã đơn vị', kind: 'text', width: 11 },
          { key: 'unitName', header: 'Tên đơn vị', kind: 'text', width: 34 },
          { key: 'departmentName', header: 'Cơ quan báo cáo', kind: 'text', width: 44 },
          { key: 'statusLabel', header: 'Trạng thái', kind: 'text', width: 20 },
          { key: 'complied', header: 'Đã hoàn thành', kind: 'boolean', width: 14 },
          { key: 'dueDate', header: 'Hạn nộp', kind: 'date', width: 12 },
          { key: 'firstSubmittedAt', header: 'Nộp lần đầu (giờ Việt Nam)', kind: 'datetime', width: 20 },
          { key: 'submittedAt', header: 'Nộp gần nhất (giờ Việt Nam)', kind: 'datetime', width: 20 },
          { key: 'onTime', header: 'Đúng hạn', kind: 'boolean', width: 10 },
          { key: 'daysLate', header: 'Số ngày nộp trễ', kind: 'integer', width: 14 },
          { key: 'daysOverdue', header: 'Số ngày quá hạn', kind: 'integer', width: 14 },
          { key: 'returnCount', header: 'Số lần bị trả lại', kind: 'integer', width: 14 },
          { key: 'backfilled', header: 'Nạp bù', kind: 'boolean', width: 10 },
        ],
        rows: table.items.map((item) => ({ ...item })),
      },
    ],
  };
}
