import { DEFAULT_REMINDER_POLICY, type ReminderPolicy } from '../../obligations/reminder-policy';
import { addDays } from '../../periods/domain';
import { chaseFrom, chaseUntil, currentStage, escalates } from './reminder-schedule';

const DUE = '2025-03-12';
const policy = (changes: Partial<ReminderPolicy> = {}): ReminderPolicy => ({ ...DEFAULT_REMINDER_POLICY, ...changes });
const day = (offset: number) => addDays(DUE, offset);

describe('currentStage (default policy: 7 and 2 days before, on the due date, every 3 days overdue)', () => {
  it.each([
    [-30, null],
    [-8, null],
    [-7, { stage: 'before-7d', date: day(-7) }],
    [-6, { stage: 'before-7d', date: day(-7) }],
    [-3, { stage: 'before-7d', date: day(-7) }],
    [-2, { stage: 'before-2d', date: day(-2) }],
    [-1, { stage: 'before-2d', date: day(-2) }],
    [0, { stage: 'due', date: DUE }],
    [1, { stage: 'due', date: DUE }],
    [2, { stage: 'due', date: DUE }],
    [3, { stage: 'overdue-1', date: day(3) }],
    [5, { stage: 'overdue-1', date: day(3) }],
    [6, { stage: 'overdue-2', date: day(6) }],
    [9, { stage: 'overdue-3', date: day(9) }],
    [89, { stage: 'overdue-29', date: day(87) }],
  ])('%i days from the due date: %j', (offset, expected) => {
    expect(currentStage(policy(), DUE, day(offset))).toEqual(expected);
  });

  it('orders any number of days before, nearest last, whatever their order in the policy', () => {
    const p = policy({ daysBefore: [1, 14, 3] });
    expect(currentStage(p, DUE, day(-15))).toBeNull();
    expect(currentStage(p, DUE, day(-14))?.stage).toBe('before-14d');
    expect(currentStage(p, DUE, day(-4))?.stage).toBe('before-14d');
    expect(currentStage(p, DUE, day(-3))?.stage).toBe('before-3d');
    expect(currentStage(p, DUE, day(-1))?.stage).toBe('before-1d');
  });

  it('never sends a stage meant for before the due date on or after it', () => {
    const p = policy({ onDueDate: false, overdueEveryDays: 0, escalateAfterDays: 0 });
    expect(currentStage(p, DUE, day(-1))?.stage).toBe('before-2d');
    expect(currentStage(p, DUE, DUE)).toBeNull();
    expect(currentStage(p, DUE, day(10))).toBeNull();
  });

  it('without a due-date reminder, waits for the first overdue stage', () => {
    const p = policy({ onDueDate: false });
    expect(currentStage(p, DUE, DUE)).toBeNull();
    expect(currentStage(p, DUE, day(2))).toBeNull();
    expect(currentStage(p, DUE, day(3))?.stage).toBe('overdue-1');
  });

  it('keeps the due-date stage current while overdue reminders are off', () => {
    const p = policy({ overdueEveryDays: 0, escalateAfterDays: 0 });
    expect(currentStage(p, DUE, day(40))).toEqual({ stage: 'due', date: DUE });
  });

  it('with overdue reminders off, sends one escalation stage once escalateAfterDays have passed', () => {
    const p = policy({ overdueEveryDays: 0, escalateAfterDays: 7 });
    expect(currentStage(p, DUE, day(6))?.stage).toBe('due');
    expect(currentStage(p, DUE, day(7))).toEqual({ stage: 'escalation', date: day(7) });
    expect(currentStage(p, DUE, day(30))).toEqual({ stage: 'escalation', date: day(7) });
  });

  it('with no stage at all, never reminds', () => {
    const p = policy({ daysBefore: [], onDueDate: false, overdueEveryDays: 0, escalateAfterDays: 0 });
    for (const offset of [-10, 0, 10]) expect(currentStage(p, DUE, day(offset))).toBeNull();
  });

  it('counts overdue stages from the due date with any interval', () => {
    const p = policy({ overdueEveryDays: 1 });
    expect(currentStage(p, DUE, day(1))?.stage).toBe('overdue-1');
    expect(currentStage(p, DUE, day(4))?.stage).toBe('overdue-4');
  });
});

describe('escalates', () => {
  it.each([
    [-3, false],
    [0, false],
    [6, false],
    [7, true],
    [30, true],
  ])('%i days from the due date, escalating after 7: %s', (offset, expected) => {
    expect(escalates(policy({ escalateAfterDays: 7 }), DUE, day(offset))).toBe(expected);
  });

  it('never escalates when escalateAfterDays is 0', () => {
    expect(escalates(policy({ escalateAfterDays: 0 }), DUE, day(100))).toBe(false);
  });
});

describe('chaseFrom and chaseUntil', () => {
  it('start with the earliest stage before the due date and end at the horizon after it', () => {
    expect(chaseFrom(policy({ daysBefore: [2, 7] }), DUE)).toBe(day(-7));
    expect(chaseFrom(policy({ daysBefore: [] }), DUE)).toBe(DUE);
    expect(chaseUntil(DUE, 90)).toBe(day(90));
  });
});
