import { departmentNameOn, placeName, readDepartmentNames } from './department-names';

describe("a unit's reporting department over time", () => {
  const rules = readDepartmentNames();
  const haGiang = { id: 'u02', name: 'Hà Giang', kind: 'province' as const };
  const hanoi = { id: 'u01', name: 'Thành phố Hà Nội', kind: 'municipality' as const };

  it('is the Sở TT&TT until 28/02/2025 and the Sở KH&CN from 01/03/2025 (reference data with its legal basis)', () => {
    expect(departmentNameOn(haGiang, rules, '2025-02-28')).toBe('Sở Thông tin và Truyền thông tỉnh Hà Giang');
    expect(departmentNameOn(haGiang, rules, '2025-03-01')).toBe('Sở Khoa học và Công nghệ tỉnh Hà Giang');
    expect(departmentNameOn(hanoi, rules, '2026-12-07')).toBe('Sở Khoa học và Công nghệ Thành phố Hà Nội');
    expect(rules.every((rule) => rule.legalBasis && rule.legalBasis.length > 10)).toBe(true);
    expect(rules.find((rule) => rule.validFrom === '2025-03-01')?.legalBasis).toContain('Nghị định 45/2025/NĐ-CP');
  });

  it("prefers the unit's own rule and falls back to the unit's name where no rule applies", () => {
    const own = [...rules, { unitId: 'u02', namePattern: 'Sở Khoa học, Công nghệ và Chuyển đổi số {place}', validFrom: '2026-01-01', validTo: null, legalBasis: null }];
    expect(departmentNameOn(haGiang, own, '2026-01-01')).toBe('Sở Khoa học, Công nghệ và Chuyển đổi số tỉnh Hà Giang');
    expect(departmentNameOn(hanoi, own, '2026-01-01')).toBe('Sở Khoa học và Công nghệ Thành phố Hà Nội');
    expect(departmentNameOn(haGiang, [], '2026-01-01')).toBe('Hà Giang');
    expect(placeName({ name: 'Bộ Công an', kind: 'ministry' })).toBe('Bộ Công an');
    expect(departmentNameOn({ id: 'c1', name: 'Xã Tân Lập', kind: 'commune' }, rules, '2026-01-01')).toBe('Xã Tân Lập');
  });
});
