import { CutoffWindow, cutoffWindow } from './cutoff-window';
import { parsePeriodKey } from './period-key';
import { daysLate, daysUntil, periodStatusAt } from './period-status';

/** Q1/2024 under Decree 09: 15/12/2023 to 14/03/2024, due 19/03/2024. */
const window: CutoffWindow = cutoffWindow(parsePeriodKey('2024-Q1'), 'decree09');
const due = '2024-03-19';
const at = (iso: string) => new Date(iso);

describe('periodStatusAt', () => {
  it.each([
    ['2023-12-01T03:00:00.000Z', 'upcoming', 'weeks before the window'],
    ['2023-12-14T16:59:59.999Z', 'upcoming', 'the last moment of 14/12 in Vietnam'],
    ['2023-12-14T17:00:00.000Z', 'open', 'midnight of 15/12 in Vietnam (still 14/12 in UTC)'],
    ['2024-02-10T05:00:00.000Z', 'open', 'inside the window'],
    ['2024-03-14T16:59:59.999Z', 'open', 'the last moment of the window'],
    ['2024-03-14T17:00:00.000Z', 'due', 'midnight after the window ends'],
    ['2024-03-19T16:59:59.999Z', 'due', 'the last moment of the due date'],
    ['2024-03-19T17:00:00.000Z', 'overdue', 'midnight after the due date'],
    ['2024-06-01T00:00:00.000Z', 'overdue', 'months later'],
  ])('at %s it is %s (%s)', (instant, status) => {
    expect(periodStatusAt(window, due, at(instant))).toBe(status);
  });

  it('reads overdue when the due date passes before the window ends', () => {
    const year2024 = cutoffWindow(parsePeriodKey('2024-Y'), 'calendar');
    expect(periodStatusAt(year2024, '2024-11-25', at('2024-12-01T03:00:00.000Z'))).toBe('overdue');
    expect(periodStatusAt(year2024, '2024-11-25', at('2024-11-20T03:00:00.000Z'))).toBe('open');
  });
});

describe('daysUntil and daysLate (calendar days in Vietnam)', () => {
  it.each([
    ['2024-03-10T00:00:00.000Z', 9, 0],
    ['2024-03-18T16:59:59.999Z', 1, 0],
    ['2024-03-18T17:00:00.000Z', 0, 0],
    ['2024-03-19T16:59:59.999Z', 0, 0],
    ['2024-03-19T17:00:00.000Z', -1, 1],
    ['2024-03-21T05:00:00.000Z', -2, 2],
    ['2024-03-29T03:00:00.000Z', -10, 10],
  ])('at %s: %i days until, %i days late', (instant, until, late) => {
    expect(daysUntil(due, at(instant))).toBe(until);
    expect(daysLate(due, at(instant))).toBe(late);
  });

  it('counts across the leap day', () => {
    expect(daysUntil('2024-03-01', at('2024-02-28T05:00:00.000Z'))).toBe(2);
    expect(daysUntil('2023-03-01', at('2023-02-28T05:00:00.000Z'))).toBe(1);
  });
});
