import { compliedStatuses, completionFigures, daysOverdue, isComplied, isOverdue, percentOf, tallyOf, type CompletionTally } from './completion-figures';

const DUE_DATE = '2025-02-04';
const DUE_AT = '2025-02-04T16:59:59.999Z'; // end of 04/02/2025 in Vietnam

const tally: CompletionTally = {
  expected: 63,
  counts: { notStarted: 1, draft: 1, submitted: 3, returned: 1, approved: 57 },
  onTime: 55,
  late: 6,
};

describe('completion figures', () => {
  it('counts only approved reports when the obligation requires approval', () => {
    expect(compliedStatuses('approved')).toEqual(['approved']);
    expect(isComplied('submitted', 'approved')).toBe(false);
    expect(completionFigures(tally, 'approved', DUE_AT, new Date('2025-01-01T00:00:00Z'))).toMatchObject({ complied: 57, headline: '57/63', completionPercent: 90.48 });
  });

  it('counts submitted and approved reports when submitting suffices', () => {
    expect(compliedStatuses('submitted')).toEqual(['submitted', 'approved']);
    expect(isComplied('returned', 'submitted')).toBe(false);
    expect(completionFigures(tally, 'submitted', DUE_AT, new Date('2025-01-01T00:00:00Z'))).toMatchObject({ complied: 60, headline: '60/63', completionPercent: 95.24 });
  });

  it('reports nobody overdue until the end of the due date in Vietnam, then every unit not complied', () => {
    expect(completionFigures(tally, 'approved', DUE_AT, new Date(DUE_AT)).overdue).toBe(0);
    expect(completionFigures(tally, 'approved', DUE_AT, new Date('2025-02-04T17:00:00Z')).overdue).toBe(6);
    expect(completionFigures(tally, 'submitted', DUE_AT, new Date('2025-02-04T17:00:00Z')).overdue).toBe(3);
  });

  it('gives a period due before the obligation is tracked its counts, but no percentage and nobody late or overdue', () => {
    const figures = completionFigures(tally, 'approved', DUE_AT, new Date('2026-12-07T03:00:00Z'), false);
    expect(figures).toMatchObject({ tracked: false, expected: 63, complied: 57, counts: tally.counts, onTime: 0, late: 0, overdue: 0, completionPercent: null, headline: 'không theo dõi' });
    expect(completionFigures(tally, 'approved', DUE_AT, new Date('2026-12-07T03:00:00Z')).tracked).toBe(true);
  });

  it('gives no percentage when no unit is expected', () => {
    const empty = { expected: 0, counts: { notStarted: 0, draft: 0, submitted: 0, returned: 0, approved: 0 }, onTime: 0, late: 0 };
    expect(completionFigures(empty, 'approved', DUE_AT, new Date())).toMatchObject({ complied: 0, headline: '0/0', completionPercent: null, overdue: 0 });
  });

  it('rounds percentages to two decimals', () => {
    expect(percentOf(61, 63)).toBe(96.83);
    expect(percentOf(63, 63)).toBe(100);
    expect(percentOf(0, 63)).toBe(0);
    expect(percentOf(1, 3)).toBe(33.33);
  });

  it('counts days overdue in whole Vietnamese calendar days after the due date', () => {
    expect(isOverdue(false, DUE_AT, new Date('2025-02-04T16:59:59Z'))).toBe(false);
    expect(daysOverdue(false, DUE_DATE, DUE_AT, new Date('2025-02-04T16:59:59Z'))).toBeNull();
    expect(daysOverdue(false, DUE_DATE, DUE_AT, new Date('2025-02-04T17:00:00Z'))).toBe(1);
    expect(daysOverdue(false, DUE_DATE, DUE_AT, new Date('2025-02-14T03:00:00Z'))).toBe(10);
    expect(daysOverdue(true, DUE_DATE, DUE_AT, new Date('2025-02-14T03:00:00Z'))).toBeNull();
  });

  it('tallies a list of unit standings like the SQL does', () => {
    expect(
      tallyOf([
        { status: 'not_started', onTime: null },
        { status: 'approved', onTime: true },
        { status: 'approved', onTime: false },
        { status: 'returned', onTime: true },
      ]),
    ).toEqual({ expected: 4, counts: { notStarted: 1, draft: 0, submitted: 0, returned: 1, approved: 2 }, onTime: 2, late: 1 });
  });
});
