import { compareTotals } from './period-comparison';

const fields = [
  { key: 'san_luong', label: 'Sản lượng bưu gửi' },
  { key: 'doanh_thu', label: 'Doanh thu' },
  { key: 'khong_co', label: 'Không có số liệu' },
];

describe('compareTotals', () => {
  it('computes absolute and percent change and flags a +47% jump above a 30% threshold', () => {
    const result = compareTotals(fields, { san_luong: 505, doanh_thu: 11250 }, { san_luong: 343.54, doanh_thu: 8750 }, 30);
    expect(result).toEqual([
      { field: 'san_luong', label: 'Sản lượng bưu gửi', current: 505, previous: 343.54, change: 161.46, percent: 47, flagged: true },
      { field: 'doanh_thu', label: 'Doanh thu', current: 11250, previous: 8750, change: 2500, percent: 28.57, flagged: false },
    ]);
  });

  it('flags drops as well as jumps', () => {
    expect(compareTotals(fields, { san_luong: 50 }, { san_luong: 100 }, 30)[0]).toMatchObject({ change: -50, percent: -50, flagged: true });
  });

  it('has no change without a previous period and no percent against zero', () => {
    expect(compareTotals(fields, { san_luong: 5 }, null, 30)[0]).toMatchObject({ previous: null, change: null, percent: null, flagged: false });
    expect(compareTotals(fields, { san_luong: 5 }, { san_luong: 0 }, 30)[0]).toMatchObject({ previous: 0, change: 5, percent: null, flagged: false });
  });

  it('does not flag a change exactly at the threshold', () => {
    expect(compareTotals(fields, { san_luong: 130 }, { san_luong: 100 }, 30)[0].flagged).toBe(false);
  });
});
