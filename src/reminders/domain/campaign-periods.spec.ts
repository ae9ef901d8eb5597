import { DEFAULT_REMINDER_POLICY } from '../../obligations/reminder-policy';
import { WorkingDayCalendar } from '../../periods/domain';
import { campaignsAt, type CampaignRule } from './campaign-periods';

const calendar = new WorkingDayCalendar();
const at = (date: string) => new Date(`${date}T10:00:00+07:00`);
const keys = (rule: CampaignRule, date: string, horizon = 90) => campaignsAt(rule, calendar, at(date), horizon).map((c) => `${c.period.key}@${c.dueDate}`);

/** TT35: yearly, due 31/01 of the next year moved past Tết (2024-Y is due 04/02/2025). */
const yearly: CampaignRule = {
  periodType: 'yearly',
  cutoffKind: 'calendar',
  deadlineRule: { kind: 'day_of_month', monthOffset: 1, day: 31, adjust: 'next_working_day' },
  activeFrom: '2017-01-01',
  trackedFrom: '2017-01-01',
  reminderPolicy: DEFAULT_REMINDER_POLICY,
};

/** Quarterly under Decree 09: 5 working days after the cut-off (14th of the quarter's last month). */
const quarterly: CampaignRule = {
  periodType: 'quarterly',
  cutoffKind: 'decree09',
  deadlineRule: { kind: 'days_after_cutoff', days: 5, dayType: 'working', adjust: 'next_working_day' },
  activeFrom: '2020-01-01',
  trackedFrom: '2020-01-01',
  reminderPolicy: DEFAULT_REMINDER_POLICY,
};

describe('campaignsAt', () => {
  it('opens a yearly campaign at the first stage before the due date and closes it at the horizon', () => {
    expect(keys(yearly, '2025-01-27')).toEqual([]);
    expect(keys(yearly, '2025-01-28')).toEqual(['2024-Y@2025-02-04']);
    expect(keys(yearly, '2025-05-05')).toEqual(['2024-Y@2025-02-04']);
    expect(keys(yearly, '2025-05-06')).toEqual([]);
    expect(keys(yearly, '2025-03-06', 30)).toEqual(['2024-Y@2025-02-04']);
    expect(keys(yearly, '2025-03-07', 30)).toEqual([]);
  });

  it('runs two quarterly campaigns at once when the previous one is still within the horizon', () => {
    expect(keys(quarterly, '2024-03-14')).toEqual(['2023-Q4@2023-12-21', '2024-Q1@2024-03-21']);
    expect(keys(quarterly, '2024-03-14', 30)).toEqual(['2024-Q1@2024-03-21']);
    expect(keys(quarterly, '2024-05-01', 30)).toEqual([]);
  });

  it('starts with the periods the obligation covers', () => {
    expect(keys({ ...yearly, activeFrom: '2025-01-01' }, '2025-02-04')).toEqual([]);
  });

  it('reminds nothing of a period due before the obligation is tracked', () => {
    expect(keys({ ...quarterly, trackedFrom: '2024-03-21' }, '2024-03-14')).toEqual(['2024-Q1@2024-03-21']);
    expect(keys({ ...quarterly, trackedFrom: '2024-03-22' }, '2024-03-14')).toEqual([]);
  });

  it('starts no campaign before the period opens, even with an early stage', () => {
    const early = { ...quarterly, reminderPolicy: { ...DEFAULT_REMINDER_POLICY, daysBefore: [100] } };
    expect(keys(early, '2023-12-14', 1)).not.toContain('2024-Q1@2024-03-21');
    expect(keys(early, '2023-12-15', 1)).toContain('2024-Q1@2024-03-21');
  });

  it('follows the calendar: an announced day off moves the due date and the campaign with it', () => {
    const moved = new WorkingDayCalendar([{ date: '2025-02-04', kind: 'day_off', reason: 'Nghỉ bổ sung' }]);
    expect(campaignsAt(yearly, moved, at('2025-01-28'), 90)).toEqual([]);
    expect(campaignsAt(yearly, moved, at('2025-01-29'), 90).map((c) => c.dueDate)).toEqual(['2025-02-05']);
  });
});
