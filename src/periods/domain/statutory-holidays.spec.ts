import { HOLIDAY_NAMES } from './holiday';
import { statutoryHolidaysOf } from './statutory-holidays';

const datesNamed = (year: number, name: string) =>
  statutoryHolidaysOf(year)
    .filter((holiday) => holiday.name === name)
    .map((holiday) => holiday.date);

describe('statutory public holidays (Labour Code 2019 Art. 112)', () => {
  it('gives 11 days a year, all of kind public_holiday, sorted', () => {
    const holidays = statutoryHolidaysOf(2026);
    expect(holidays).toHaveLength(11);
    expect(holidays.every((holiday) => holiday.kind === 'public_holiday')).toBe(true);
    expect(holidays.map((h) => h.date)).toEqual([...holidays.map((h) => h.date)].sort());
  });

  it.each([
    [2024, ['2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13']],
    [2025, ['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01']],
    [2026, ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']],
  ])('gives Tết %i as the last day of the lunar year plus days 1-4', (year, dates) => {
    expect(datesNamed(year, HOLIDAY_NAMES.lunarNewYear)).toEqual(dates);
  });

  it.each([
    [2025, 'Tuesday', ['2025-09-01', '2025-09-02']],
    [2023, 'Saturday', ['2023-09-01', '2023-09-02']],
    [2029, 'Sunday', ['2029-09-01', '2029-09-02']],
    [2024, 'Monday', ['2024-09-02', '2024-09-03']],
    [2030, 'Monday', ['2030-09-02', '2030-09-03']],
  ])('adds 1 September to National Day %i (2/9 a %s) unless 2/9 is a Monday, then 3 September', (year, _weekday, dates) => {
    expect(datesNamed(year, HOLIDAY_NAMES.nationalDay)).toEqual(dates);
  });

  it('takes Hùng Kings day from the lunar calendar', () => {
    expect(datesNamed(2027, HOLIDAY_NAMES.hungKings)).toEqual(['2027-04-16']);
  });

  it('writes every name in Vietnamese with NFC diacritics', () => {
    expect(Object.values(HOLIDAY_NAMES)).toEqual([
      'Tết Dương lịch',
      'Tết Nguyên Đán',
      'Giỗ Tổ Hùng Vương',
      'Ngày Chiến thắng',
      'Ngày Quốc tế Lao động',
      'Quốc khánh',
      'Nghỉ bù',
    ]);
    for (const name of Object.values(HOLIDAY_NAMES)) expect(name).toBe(name.normalize('NFC'));
  });

  it('refuses unsupported years', () => {
    expect(() => statutoryHolidaysOf(1899)).toThrow(RangeError);
  });
});
