import { DEFAULT_REMINDER_POLICY, type ReminderPolicy } from '../../obligations/reminder-policy';
import { WorkingDayCalendar } from '../../periods/domain';
import { planManualReminder, planScheduledReminder, type ScheduledReminderInput } from './reminder-plan';

/** Due Tuesday 11/03/2025: before-7d Tuesday 04/03, before-2d Sunday 09/03, overdue every 3 days from Friday 14/03. */
const DUE = '2025-03-11';
const at = (date: string, time = '10:00') => new Date(`${date}T${time}:00+07:00`);
const calendar = new WorkingDayCalendar();

const input = (now: Date, changes: Partial<ScheduledReminderInput> = {}): ScheduledReminderInput => ({
  policy: DEFAULT_REMINDER_POLICY,
  dueDate: DUE,
  now,
  recordedStages: new Set(),
  calendar,
  hours: { fromHour: 8, untilHour: 17 },
  remindersThisMonth: 0,
  ...changes,
});
const policy = (changes: Partial<ReminderPolicy>): ReminderPolicy => ({ ...DEFAULT_REMINDER_POLICY, ...changes });

describe('planScheduledReminder', () => {
  it.each([
    ['2025-03-03', { action: 'wait', reason: 'no_stage_due' }],
    ['2025-03-04', { action: 'remind', stage: 'before-7d', escalate: false, daysUntilDue: 7 }],
    ['2025-03-07', { action: 'remind', stage: 'before-7d', escalate: false, daysUntilDue: 4 }],
    ['2025-03-10', { action: 'remind', stage: 'before-2d', escalate: false, daysUntilDue: 1 }],
    ['2025-03-11', { action: 'remind', stage: 'due', escalate: false, daysUntilDue: 0 }],
    ['2025-03-14', { action: 'remind', stage: 'overdue-1', escalate: false, daysUntilDue: -3 }],
    ['2025-03-17', { action: 'remind', stage: 'overdue-2', escalate: false, daysUntilDue: -6 }],
    ['2025-03-18', { action: 'remind', stage: 'overdue-2', escalate: true, daysUntilDue: -7 }],
    ['2025-03-20', { action: 'remind', stage: 'overdue-3', escalate: true, daysUntilDue: -9 }],
  ])('on %s at 10:00: %j', (date, expected) => {
    expect(planScheduledReminder(input(at(date)))).toEqual(expected);
  });

  it('sends a stage that fell on a Sunday on the Monday after', () => {
    expect(planScheduledReminder(input(at('2025-03-09')))).toEqual({ action: 'wait', reason: 'outside_sending_hours' });
    expect(planScheduledReminder(input(at('2025-03-10', '08:00')))).toMatchObject({ action: 'remind', stage: 'before-2d' });
  });

  it('waits outside office hours and on days off', () => {
    expect(planScheduledReminder(input(at('2025-03-11', '07:59')))).toEqual({ action: 'wait', reason: 'outside_sending_hours' });
    expect(planScheduledReminder(input(at('2025-03-11', '17:00')))).toEqual({ action: 'wait', reason: 'outside_sending_hours' });
    expect(planScheduledReminder(input(at('2025-03-15')))).toEqual({ action: 'wait', reason: 'outside_sending_hours' });
  });

  it('plans each stage once: a recorded stage is not planned again, whatever became of it', () => {
    expect(planScheduledReminder(input(at('2025-03-11'), { recordedStages: new Set(['due']) }))).toEqual({ action: 'wait', reason: 'already_recorded' });
    expect(planScheduledReminder(input(at('2025-03-14'), { recordedStages: new Set(['due']) }))).toMatchObject({ action: 'remind', stage: 'overdue-1' });
  });

  it('does not catch up on a stage a later one has replaced (before-2d never went out: the due-date stage does)', () => {
    expect(planScheduledReminder(input(at('2025-03-11'), { recordedStages: new Set(['before-7d']) }))).toMatchObject({ action: 'remind', stage: 'due' });
  });

  it('records the stage as skipped once the unit reached its monthly cap', () => {
    const capped = input(at('2025-03-11'), { policy: policy({ monthlyCapPerUnit: 3 }), remindersThisMonth: 3 });
    expect(planScheduledReminder(capped)).toEqual({ action: 'skip_cap', stage: 'due', escalate: false, daysUntilDue: 0 });
    expect(planScheduledReminder({ ...capped, remindersThisMonth: 2 })).toMatchObject({ action: 'remind' });
  });

  it('has no cap when the policy cap is 0', () => {
    expect(planScheduledReminder(input(at('2025-03-11'), { policy: policy({ monthlyCapPerUnit: 0 }), remindersThisMonth: 500 }))).toMatchObject({ action: 'remind' });
  });

  it('follows the configured hours', () => {
    const early = input(at('2025-03-11', '06:30'), { hours: { fromHour: 6, untilHour: 7 } });
    expect(planScheduledReminder(early)).toMatchObject({ action: 'remind', stage: 'due' });
  });
});

describe('planManualReminder', () => {
  it('plans a manual stage named after the Vietnam day, at any hour and whatever the cap', () => {
    expect(planManualReminder({ policy: DEFAULT_REMINDER_POLICY, dueDate: DUE, now: at('2025-03-15', '22:30'), recordedStages: new Set(['overdue-1']) })).toEqual({
      action: 'remind',
      stage: 'manual-2025-03-15',
      escalate: false,
      daysUntilDue: -4,
    });
  });

  it('plans it once per day', () => {
    const state = { policy: DEFAULT_REMINDER_POLICY, dueDate: DUE, now: at('2025-03-18'), recordedStages: new Set(['manual-2025-03-18']) };
    expect(planManualReminder(state)).toEqual({ action: 'wait', reason: 'already_recorded' });
    expect(planManualReminder({ ...state, now: at('2025-03-19') })).toMatchObject({ action: 'remind', stage: 'manual-2025-03-19', escalate: true });
  });

  it('uses the Vietnam date: 23:30 UTC is already the next day', () => {
    expect(planManualReminder({ policy: DEFAULT_REMINDER_POLICY, dueDate: DUE, now: new Date('2025-03-10T23:30:00Z'), recordedStages: new Set() })).toMatchObject({
      stage: 'manual-2025-03-11',
      daysUntilDue: 0,
    });
  });
});
