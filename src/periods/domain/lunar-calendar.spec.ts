import { leapMonthOf, lunarMonthLength, lunarNewYear, lunarToSolar, solarToLunar } from './lunar-calendar';
import { addDays } from './iso-date';

describe('Vietnamese lunar calendar (UTC+7, after Hồ Ngọc Đức)', () => {
  describe('Tết Nguyên Đán (1st day of the 1st lunar month)', () => {
    it.each([
      [2024, '2024-02-10'],
      [2025, '2025-01-29'],
      [2026, '2026-02-17'],
      [2027, '2027-02-06'],
      [2028, '2028-01-26'],
      [2029, '2029-02-13'],
      [2030, '2030-02-02'],
    ])('falls in %i on %s', (year, date) => {
      expect(lunarNewYear(year)).toBe(date);
      expect(solarToLunar(date)).toEqual({ day: 1, month: 1, year, leap: false });
    });

    it('falls in 1985 on 21 January in Vietnam (China, at UTC+8, had it on 20 February)', () => {
      expect(lunarNewYear(1985)).toBe('1985-01-21');
    });
  });

  describe('Giỗ Tổ Hùng Vương (10th day of the 3rd lunar month)', () => {
    it.each([
      [2024, '2024-04-18'],
      [2025, '2025-04-07'],
      [2026, '2026-04-26'],
      [2027, '2027-04-16'],
      [2028, '2028-04-04'],
      [2029, '2029-04-23'],
      [2030, '2030-04-12'],
    ])('falls in %i on %s', (year, date) => {
      expect(lunarToSolar({ day: 10, month: 3, year, leap: false })).toBe(date);
    });
  });

  describe('leap months', () => {
    it.each([
      [2020, 4],
      [2023, 2],
      [2025, 6],
      [2028, 5],
      [2033, 11],
    ])('lunar year %i repeats month %i', (year, month) => {
      expect(leapMonthOf(year)).toBe(month);
    });

    it.each([2021, 2022, 2024, 2026, 2027])('lunar year %i has no leap month', (year) => {
      expect(leapMonthOf(year)).toBeUndefined();
    });

    it.each([
      [2020, 4],
      [2023, 2],
      [2025, 6],
    ])('in %i the leap month %i follows the ordinary one and round-trips day by day', (year, month) => {
      const ordinaryStart = lunarToSolar({ day: 1, month, year, leap: false });
      const leapStart = lunarToSolar({ day: 1, month, year, leap: true });
      expect(leapStart).toBe(addDays(ordinaryStart, lunarMonthLength(month, year, false)));
      for (let day = 1; day <= lunarMonthLength(month, year, true); day += 1) {
        const lunar = { day, month, year, leap: true };
        expect(solarToLunar(lunarToSolar(lunar))).toEqual(lunar);
      }
      expect(solarToLunar(addDays(leapStart, lunarMonthLength(month, year, true)))).toEqual({
        day: 1,
        month: month + 1,
        year,
        leap: false,
      });
    });

    it('dates the 2023 leap 2nd month from 22 March to 19 April', () => {
      expect(solarToLunar('2023-03-22')).toEqual({ day: 1, month: 2, year: 2023, leap: true });
      expect(solarToLunar('2023-04-19')).toEqual({ day: 29, month: 2, year: 2023, leap: true });
      expect(solarToLunar('2023-04-20')).toEqual({ day: 1, month: 3, year: 2023, leap: false });
    });

    it('refuses a leap flag on a month that is not the leap month', () => {
      expect(() => lunarToSolar({ day: 1, month: 3, year: 2023, leap: true })).toThrow(RangeError);
      expect(() => lunarToSolar({ day: 1, month: 1, year: 2024, leap: true })).toThrow(RangeError);
    });
  });

  describe('conversion', () => {
    it('puts the last day of the lunar year on the eve of Tết (30 Tết 2024 = 9 February)', () => {
      expect(solarToLunar('2024-02-09')).toEqual({ day: 30, month: 12, year: 2023, leap: false });
      expect(solarToLunar('2025-01-28')).toEqual({ day: 29, month: 12, year: 2024, leap: false });
    });

    it('gives early-January dates to months 11-12 of the previous lunar year', () => {
      expect(solarToLunar('2024-01-01')).toEqual({ day: 20, month: 11, year: 2023, leap: false });
    });

    it('round-trips every day from 2019 to 2031', () => {
      const failures: string[] = [];
      for (let date = '2019-01-01'; date <= '2031-12-31'; date = addDays(date, 1)) {
        const back = lunarToSolar(solarToLunar(date));
        if (back !== date) failures.push(`${date} -> ${back}`);
      }
      expect(failures).toEqual([]);
    });

    it('makes every lunar month 29 or 30 days long', () => {
      for (let month = 1; month <= 12; month += 1) {
        expect([29, 30]).toContain(lunarMonthLength(month, 2024));
      }
    });

    it('refuses days and months that do not exist', () => {
      expect(lunarMonthLength(12, 2024)).toBe(29);
      expect(() => lunarToSolar({ day: 30, month: 12, year: 2024, leap: false })).toThrow(RangeError);
      expect(() => lunarToSolar({ day: 0, month: 1, year: 2024, leap: false })).toThrow(RangeError);
      expect(() => lunarToSolar({ day: 1, month: 13, year: 2024, leap: false })).toThrow(RangeError);
    });

    it('refuses years outside 1900-2199', () => {
      expect(() => lunarNewYear(1899)).toThrow(RangeError);
      expect(() => lunarNewYear(2200)).toThrow(RangeError);
    });
  });
});
