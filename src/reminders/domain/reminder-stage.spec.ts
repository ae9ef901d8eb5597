import { beforeStage, manualStage, overdueStage, REMINDER_STAGE_PATTERN } from './reminder-stage';

describe('reminder stages', () => {
  it('names stages for the unique key', () => {
    expect([beforeStage(7), overdueStage(2), manualStage('2025-02-10')]).toEqual(['before-7d', 'overdue-2', 'manual-2025-02-10']);
  });

  it.each(['before-7d', 'due', 'overdue-12', 'escalation', 'manual-2025-02-10'])('accepts %s as a stage filter', (stage) => {
    expect(REMINDER_STAGE_PATTERN.test(stage)).toBe(true);
  });

  it.each(['', 'before-0d', 'before-7', 'overdue-0', 'manual-today', 'due ', 'DUE', "due' OR 1=1"])('refuses %j', (stage) => {
    expect(REMINDER_STAGE_PATTERN.test(stage)).toBe(false);
  });
});
