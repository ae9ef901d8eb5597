import { CalendarOverride, validateCalendarOverrides } from './calendar-override';

const row = (overrides: Partial<CalendarOverride> = {}): CalendarOverride => ({
  date: '2025-02-08',
  kind: 'working_day',
  reason: 'Làm bù cho thứ Hai 27/01/2025',
  ...overrides,
});

describe('validateCalendarOverrides', () => {
  it('accepts a well-formed table, and an empty one', () => {
    expect(validateCalendarOverrides([row(), row({ date: '2025-01-27', kind: 'day_off', reason: 'Nghỉ hoán đổi' })])).toEqual([]);
    expect(validateCalendarOverrides([])).toEqual([]);
  });

  it('names the row and property of an invalid date', () => {
    expect(validateCalendarOverrides([row(), row({ date: '2025-02-30' })])).toEqual([
      'overrides[1].date: ngày không hợp lệ (must be a calendar date YYYY-MM-DD)',
    ]);
  });

  it('rejects two rows for one date', () => {
    expect(validateCalendarOverrides([row(), row({ kind: 'day_off' })])).toEqual([
      'overrides[1].date: ngày 2025-02-08 bị trùng (duplicate date)',
    ]);
  });

  it('rejects an unknown kind and a blank reason', () => {
    const invalid = { ...row(), kind: 'holiday', reason: '  ' } as unknown as CalendarOverride;
    expect(validateCalendarOverrides([invalid])).toEqual([
      "overrides[0].kind: phải là 'day_off' hoặc 'working_day' (must be 'day_off' or 'working_day')",
      'overrides[0].reason: cần nêu lý do (a reason is required)',
    ]);
  });
});
