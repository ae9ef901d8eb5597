import { publicHolidaysOf } from './holiday-calendar';

const listed = (year: number) =>
  publicHolidaysOf(year).map(({ date, name, compensatesFor }) =>
    compensatesFor ? `${date} ${name} (${compensatesFor})` : `${date} ${name}`,
  );

describe('public holidays of a year with compensatory days', () => {
  it('lists 2024 in full', () => {
    expect(listed(2024)).toEqual([
      '2024-01-01 Tết Dương lịch',
      '2024-02-09 Tết Nguyên Đán',
      '2024-02-10 Tết Nguyên Đán',
      '2024-02-11 Tết Nguyên Đán',
      '2024-02-12 Tết Nguyên Đán',
      '2024-02-13 Tết Nguyên Đán',
      '2024-02-14 Nghỉ bù (2024-02-10)',
      '2024-02-15 Nghỉ bù (2024-02-11)',
      '2024-04-18 Giỗ Tổ Hùng Vương',
      '2024-04-30 Ngày Chiến thắng',
      '2024-05-01 Ngày Quốc tế Lao động',
      '2024-09-02 Quốc khánh',
      '2024-09-03 Quốc khánh',
    ]);
  });

  it('lists 2025 in full (1/2 is a Saturday, so Monday 3/2 is off too)', () => {
    expect(listed(2025)).toEqual([
      '2025-01-01 Tết Dương lịch',
      '2025-01-28 Tết Nguyên Đán',
      '2025-01-29 Tết Nguyên Đán',
      '2025-01-30 Tết Nguyên Đán',
      '2025-01-31 Tết Nguyên Đán',
      '2025-02-01 Tết Nguyên Đán',
      '2025-02-03 Nghỉ bù (2025-02-01)',
      '2025-04-07 Giỗ Tổ Hùng Vương',
      '2025-04-30 Ngày Chiến thắng',
      '2025-05-01 Ngày Quốc tế Lao động',
      '2025-09-01 Quốc khánh',
      '2025-09-02 Quốc khánh',
    ]);
  });

  it('lists 2023, a year of many weekend holidays, in full', () => {
    expect(listed(2023)).toEqual([
      '2023-01-01 Tết Dương lịch',
      '2023-01-02 Nghỉ bù (2023-01-01)',
      '2023-01-21 Tết Nguyên Đán',
      '2023-01-22 Tết Nguyên Đán',
      '2023-01-23 Tết Nguyên Đán',
      '2023-01-24 Tết Nguyên Đán',
      '2023-01-25 Tết Nguyên Đán',
      '2023-01-26 Nghỉ bù (2023-01-21)',
      '2023-01-27 Nghỉ bù (2023-01-22)',
      // Hùng Kings on Saturday 29/4 and 30/4 on Sunday: Monday 1/5 is already a holiday.
      '2023-04-29 Giỗ Tổ Hùng Vương',
      '2023-04-30 Ngày Chiến thắng',
      '2023-05-01 Ngày Quốc tế Lao động',
      '2023-05-02 Nghỉ bù (2023-04-29)',
      '2023-05-03 Nghỉ bù (2023-04-30)',
      // 2/9 on Saturday: the extra day is Friday 1/9 and the compensatory day Monday 4/9.
      '2023-09-01 Quốc khánh',
      '2023-09-02 Quốc khánh',
      '2023-09-04 Nghỉ bù (2023-09-02)',
    ]);
  });

  it('gives two compensatory days when 1/9 and 2/9 fall on a weekend (2029)', () => {
    expect(listed(2029).filter((line) => line.startsWith('2029-09'))).toEqual([
      '2029-09-01 Quốc khánh',
      '2029-09-02 Quốc khánh',
      '2029-09-03 Nghỉ bù (2029-09-01)',
      '2029-09-04 Nghỉ bù (2029-09-02)',
    ]);
  });
});
