import { cellSummary, NOT_EXPECTED } from './matrix-export';

const cell = (overrides: Partial<Parameters<typeof cellSummary>[0] & object>) => ({
  status: 'approved' as const,
  complied: true,
  dueDate: '2025-02-04',
  submittedAt: null,
  daysLate: null,
  daysOverdue: null,
  backfilled: false,
  ...overrides,
});

describe('matrix grid cells', () => {
  it('say the status, and how late or overdue', () => {
    expect(cellSummary(cell({ daysLate: 0 }))).toBe('đã duyệt');
    expect(cellSummary(cell({ daysLate: 3 }))).toBe('đã duyệt, nộp trễ 3 ngày');
    expect(cellSummary(cell({ status: 'not_started', complied: false, daysOverdue: 12 }))).toBe('chưa nộp, quá hạn 12 ngày');
    expect(cellSummary(cell({ status: 'returned', complied: false, daysLate: 2, daysOverdue: 5 }))).toBe('bị trả lại, quá hạn 5 ngày');
  });

  it('say when the report was loaded as history', () => {
    expect(cellSummary(cell({ backfilled: true }))).toBe('đã duyệt (nạp bù)');
  });

  it('mark a unit that does not owe the report', () => {
    expect(cellSummary(null)).toBe(NOT_EXPECTED);
  });
});
