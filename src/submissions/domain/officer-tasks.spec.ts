import { compareTasks, nextActionOf, type NextAction } from './officer-tasks';

describe('nextActionOf', () => {
  it('says what to do in each state', () => {
    expect(nextActionOf({ status: 'not_started', currentVersionValid: null, locked: false })).toBe('upload');
    expect(nextActionOf({ status: 'draft', currentVersionValid: false, locked: false })).toBe('fix_errors');
    expect(nextActionOf({ status: 'draft', currentVersionValid: true, locked: false })).toBe('submit');
    expect(nextActionOf({ status: 'returned', currentVersionValid: true, locked: false })).toBe('revise');
    expect(nextActionOf({ status: 'submitted', currentVersionValid: true, locked: false })).toBe('await_review');
    expect(nextActionOf({ status: 'approved', currentVersionValid: true, locked: false })).toBe('none');
  });

  it('a lock stops the work still to do, not what is submitted or approved', () => {
    expect(nextActionOf({ status: 'not_started', currentVersionValid: null, locked: true })).toBe('locked');
    expect(nextActionOf({ status: 'returned', currentVersionValid: true, locked: true })).toBe('locked');
    expect(nextActionOf({ status: 'submitted', currentVersionValid: true, locked: true })).toBe('await_review');
    expect(nextActionOf({ status: 'approved', currentVersionValid: true, locked: true })).toBe('none');
  });
});

describe('compareTasks', () => {
  const task = (nextAction: NextAction, dueDate: string, obligationCode = 'A', periodKey = '2024-Q1') => ({ nextAction, dueDate, obligationCode, periodKey });

  it('puts work to do first, most overdue first, then locked, waiting and done', () => {
    const sorted = [
      task('none', '2024-01-01'),
      task('await_review', '2023-01-01'),
      task('submit', '2024-05-01'),
      task('locked', '2022-01-01'),
      task('upload', '2024-04-01'),
      task('fix_errors', '2024-04-01', 'B'),
    ].sort(compareTasks);
    expect(sorted.map((t) => `${t.nextAction}@${t.dueDate}`)).toEqual([
      'upload@2024-04-01',
      'fix_errors@2024-04-01',
      'submit@2024-05-01',
      'locked@2022-01-01',
      'await_review@2023-01-01',
      'none@2024-01-01',
    ]);
  });
});
