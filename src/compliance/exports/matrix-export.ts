import { parsePeriodKey } from '../../periods/domain';
import { STATUS_LABELS } from '../../submissions/domain/submission-status';
import type { MatrixCellDto, MatrixDto } from '../dto/matrix.dto';
import type { ExportDocument, ExportValue } from './export-document';
import { formatVietnameseDateTimeSeconds } from '../../common/vietnamese-dates';

export const NOT_EXPECTED = '—';

/** What a wide matrix cell says: the status, and how late or overdue. */
export function cellSummary(cell: MatrixCellDto | null): string {
  if (!cell) return NOT_EXPECTED;
  const label = STATUS_LABELS[cell.status];
  if (cell.backfilled) return `${label} (nạp bù)`;
  if (cell.daysOverdue) return `${label}, quá hạn ${cell.daysOverdue} ngày`;
  if (cell.daysLate) return `${label}, nộp trễ ${cell.daysLate} ngày`;
  return label;
}

/**
 * A matrix as a workbook with the grid (one status per unit and column) and the details (one row
 * per unit and column); the CSV carries the details.
 */
export function matrixDocument(matrix: MatrixDto): ExportDocument {
  const byPeriods = matrix.columnsAre === 'periods';
  const periodLabel = matrix.periodKey ? parsePeriodKey(matrix.periodKey).label : '';
  // People read periods by their label (Năm 2024), obligations by their code.
  const columnName = (i: number) => (byPeriods ? matrix.columns[i].label : matrix.columns[i].key);
  const subject = byPeriods ? `${matrix.obligation?.code} (${matrix.columns[0]?.label ?? ''} – ${matrix.columns[matrix.columns.length - 1]?.label ?? ''})` : `kỳ ${periodLabel}`;
  const columnHeader = byPeriods ? 'Kỳ báo cáo' : 'Nghĩa vụ báo cáo';
  const details: Array<Record<string, ExportValue>> = matrix.rows.flatMap((row) =>
    row.cells.flatMap((cell, i) =>
      cell
        ? [
            {
              unitCode: row.unitCode,
              unitName: row.unitName,
              column: columnName(i),
              status: STATUS_LABELS[cell.status],
              complied: cell.complied,
              dueDate: cell.dueDate,
              submittedAt: cell.submittedAt,
              daysLate: cell.daysLate,
              daysOverdue: cell.daysOverdue,
              backfilled: cell.backfilled,
            },
          ]
        : [],
    ),
  );
  return {
    baseName: byPeriods ? `ma-tran-${matrix.obligation?.code}-${matrix.columns[0]?.key}-${matrix.columns[matrix.columns.length - 1]?.key}` : `ma-tran-${matrix.periodKey}`,
    title: `Ma trận tình hình nộp báo cáo theo đơn vị — ${subject}`,
    info: [
      ...(byPeriods && matrix.obligation ? [['Nghĩa vụ báo cáo', `${matrix.obligation.code} — ${matrix.obligation.title}`] as [string, string]] : []),
      ...(!byPeriods ? [['Kỳ báo cáo', periodLabel] as [string, string]] : []),
      ['Số đơn vị', matrix.total],
      ['Ô "—"', 'đơn vị không phải nộp báo cáo này (chưa thành lập, đã giải thể hoặc không thuộc diện)'],
      ['Số liệu tại thời điểm (giờ Việt Nam)', formatVietnameseDateTimeSeconds(matrix.at)],
    ],
    csvSheet: 1,
    sheets: [
      {
        name: 'Ma trận',
        columns: [
          { key: 'unitCode', header: 'Mã đơn vị', kind: 'text', width: 11 },
          { key: 'unitName', header: 'Tên đơn vị', kind: 'text', width: 30 },
          ...matrix.columns.map((_column, i) => ({ key: `c${i}`, header: columnName(i), kind: 'text' as const, width: 26 })),
        ],
        rows: matrix.rows.map((row) => ({
          unitCode: row.unitCode,
          unitName: row.unitName,
          ...Object.fromEntries(row.cells.map((cell, i) => [`c${i}`, cellSummary(cell)])),
        })),
      },
      {
        name: 'Chi tiết',
        columns: [
          { key: 'unitCode', header: 'Mã đơn vị', kind: 'text', width: 11 },
          { key: 'unitName', header: 'Tên đơn vị', kind: 'text', width: 30 },
          { key: 'column', header: columnHeader, kind: 'text', width: 18 },
          { key: 'status', header: 'Trạng thái', kind: 'text', width: 20 },
          { key: 'complied', header: 'Đã hoàn thành', kind: 'boolean', width: 14 },
          { key: 'dueDate', header: 'Hạn nộp', kind: 'date', width: 12 },
          { key: 'submittedAt', header: 'Thời điểm nộp (giờ Việt Nam)', kind: 'datetime', width: 20 },
          { key: 'daysLate', header: 'Số ngày nộp trễ', kind: 'integer', width: 14 },
          { key: 'daysOverdue', header: 'Số ngày quá hạn', kind: 'integer', width: 14 },
          { key: 'backfilled', header: 'Nạp bù', kind: 'boolean', width: 10 },
        ],
        rows: details,
      },
    ],
  };
}
