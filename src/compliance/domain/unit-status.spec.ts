import { type SubmissionFacts, unitStatus } from './unit-status';

const SCHEDULE = { dueDate: '2025-02-04', dueAt: '2025-02-04T16:59:59.999Z' };
const AFTER_DUE = new Date('2025-02-10T03:00:00Z');
const facts = (overrides: Partial<SubmissionFacts>): SubmissionFacts => ({
  status: 'draft',
  submittedAt: null,
  firstSubmittedAt: null,
  dueDate: null,
  onTime: null,
  daysLate: null,
  backfilled: false,
  ...overrides,
});

describe('unit status', () => {
  it('treats a unit without a submission as not started, owing and overdue once past due', () => {
    expect(unitStatus(undefined, SCHEDULE, 'approved', AFTER_DUE)).toEqual({
      status: 'not_started',
      complied: false,
      dueDate: '2025-02-04',
      submittedAt: null,
      firstSubmittedAt: null,
      onTime: null,
      daysLate: null,
      daysOverdue: 6,
      backfilled: false,
    });
    expect(unitStatus(undefined, SCHEDULE, 'approved', new Date('2025-02-01T00:00:00Z')).daysOverdue).toBeNull();
  });

  it('keeps the lateness and due date recorded at the first submission', () => {
    const late = facts({ status: 'approved', submittedAt: new Date('2025-02-07T02:00:00Z'), firstSubmittedAt: new Date('2025-02-07T02:00:00Z'), dueDate: '2025-02-04', onTime: false, daysLate: 3 });
    expect(unitStatus(late, { ...SCHEDULE, dueDate: '2025-02-05' }, 'approved', AFTER_DUE)).toMatchObject({ complied: true, dueDate: '2025-02-04', daysLate: 3, onTime: false, daysOverdue: null });
  });

  it('counts a returned report as owing and overdue', () => {
    expect(unitStatus(facts({ status: 'returned', onTime: true, daysLate: 0 }), SCHEDULE, 'submitted', AFTER_DUE)).toMatchObject({ complied: false, daysOverdue: 6 });
  });

  it('has nobody on time, late or overdue in a period that is not tracked, and says what was backfilled', () => {
    expect(unitStatus(undefined, SCHEDULE, 'approved', AFTER_DUE, false)).toMatchObject({ status: 'not_started', daysOverdue: null });
    const loadedLate = facts({ status: 'approved', onTime: false, daysLate: 1356 });
    expect(unitStatus(loadedLate, SCHEDULE, 'approved', AFTER_DUE, false)).toMatchObject({ complied: true, onTime: null, daysLate: null });
    expect(unitStatus(facts({ status: 'approved', backfilled: true }), SCHEDULE, 'approved', AFTER_DUE, false)).toMatchObject({ complied: true, backfilled: true });
  });

  it('follows the obligation rule for a report awaiting review', () => {
    expect(unitStatus(facts({ status: 'submitted' }), SCHEDULE, 'submitted', AFTER_DUE)).toMatchObject({ complied: true, daysOverdue: null });
    expect(unitStatus(facts({ status: 'submitted' }), SCHEDULE, 'approved', AFTER_DUE)).toMatchObject({ complied: false, daysOverdue: 6 });
  });
});
