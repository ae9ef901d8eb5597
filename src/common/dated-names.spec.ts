import { inForceOn, overlappingSpans } from './dated-names';

describe('names with validity', () => {
  const ministry = [
    { name: 'Bộ Thông tin và Truyền thông', validFrom: '2017-01-01', validTo: '2025-02-28' },
    { name: 'Bộ Khoa học và Công nghệ', validFrom: '2025-03-01', validTo: null },
  ];

  it('gives the name in force on a day, both ends inclusive', () => {
    expect(inForceOn(ministry, '2025-02-28')?.name).toBe('Bộ Thông tin và Truyền thông');
    expect(inForceOn(ministry, '2025-03-01')?.name).toBe('Bộ Khoa học và Công nghệ');
    expect(inForceOn(ministry, '2030-01-01')?.name).toBe('Bộ Khoa học và Công nghệ');
    expect(inForceOn(ministry, '2016-12-31')).toBeUndefined();
  });

  it('finds overlapping spans', () => {
    expect(overlappingSpans(ministry)).toEqual([]);
    expect(overlappingSpans([...ministry, { validFrom: '2025-02-01', validTo: '2025-03-31' }])).toEqual([
      [0, 2],
      [1, 2],
    ]);
  });
});
