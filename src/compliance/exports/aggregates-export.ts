import { AGGREGATE_LABELS } from '../domain/aggregate-plan';
import type { AggregatesDto } from '../dto/aggregates.dto';
import type { ExportDocument } from './export-document';

/** National aggregates: one row per group and field, with both comparisons. */
export function aggregatesDocument(aggregates: AggregatesDto): ExportDocument {
  const { obligation, previous, lastYear } = aggregates;
  return {
    baseName: `tong-hop-${obligation.code}-${aggregates.periodKey}`,
    title: `Tổng hợp số liệu toàn quốc ${obligation.code} — ${aggregates.label}`,
    info: [
      ['Nghĩa vụ báo cáo', `${obligation.code} — ${obligation.title}`],
      ['Cơ quan chủ trì', aggregates.bodies.issuingBody],
      ['Cơ quan nhận báo cáo', aggregates.bodies.receivingBody ?? '—'],
      ['Kỳ báo cáo', aggregates.label],
      ['Phiên bản biểu mẫu', aggregates.schemaVersion ?? '—'],
      ['Số đơn vị được tổng hợp (báo cáo đã duyệt)', aggregates.unitsIncluded],
      [`Số đơn vị kỳ trước (${previous.label})`, previous.unitsIncluded],
      [`Số đơn vị cùng kỳ năm trước (${lastYear.label})`, lastYear.unitsIncluded],
      ['Ghi chú', 'Chỉ tổng hợp báo cáo đã được duyệt; tỷ lệ thay đổi tính trên giá trị kỳ so sánh.'],
    ],
    csvSheet: 0,
    sheets: [
      {
        name: 'Tổng hợp',
        columns: [
          { key: 'group', header: 'Nhóm', kind: 'text', width: 30 },
          { key: 'field', header: 'Mã chỉ tiêu', kind: 'text', width: 22 },
          { key: 'label', header: 'Chỉ tiêu', kind: 'text', width: 36 },
          { key: 'unit', header: 'Đơn vị tính', kind: 'text', width: 12 },
          { key: 'aggregate', header: 'Cách tổng hợp', kind: 'text', width: 13 },
          { key: 'value', header: `Giá trị ${aggregates.label}`, kind: 'decimal', width: 18 },
          { key: 'units', header: 'Số đơn vị có số liệu', kind: 'integer', width: 12 },
          { key: 'previousValue', header: `Giá trị ${previous.label}`, kind: 'decimal', width: 18 },
          { key: 'previousChange', header: 'Thay đổi so với kỳ trước', kind: 'decimal', width: 16 },
          { key: 'previousPercent', header: 'Thay đổi so với kỳ trước (%)', kind: 'percent', width: 14 },
          { key: 'lastYearValue', header: `Giá trị ${lastYear.label}`, kind: 'decimal', width: 18 },
          { key: 'lastYearChange', header: 'Thay đổi so với cùng kỳ năm trước', kind: 'decimal', width: 16 },
          { key: 'lastYearPercent', header: 'Thay đổi so với cùng kỳ năm trước (%)', kind: 'percent', width: 14 },
        ],
        rows: aggregates.groups.flatMap((group) =>
          group.fields.map((field) => ({
            group: group.label,
            field: field.field,
            label: field.label,
            unit: field.unit,
            aggregate: AGGREGATE_LABELS[field.aggregate],
            value: field.value,
            units: field.units,
            previousValue: field.previous.value,
            previousChange: field.previous.change,
            previousPercent: field.previous.changePercent,
            lastYearValue: field.lastYear.value,
            lastYearChange: field.lastYear.change,
            lastYearPercent: field.lastYear.changePercent,
          })),
        ),
      },
    ],
  };
}
