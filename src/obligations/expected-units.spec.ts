import { expectsUnit } from './expected-units';

const province = { code: '01', kind: 'municipality' as const, validFrom: '2008-08-01', validTo: null };
const all = { targetScope: 'all_provinces' as const, targetUnitCodes: [], activeFrom: '2017-01-01' };

describe('expectsUnit', () => {
  it('expects every province and municipality for an all-provinces obligation', () => {
    expect(expectsUnit(all, province, { end: '2024-12-31' })).toBe(true);
    expect(expectsUnit(all, { ...province, kind: 'province' }, { end: '2024-12-31' })).toBe(true);
  });

  it('does not expect ministries or communes for an all-provinces obligation', () => {
    expect(expectsUnit(all, { ...province, kind: 'ministry' }, { end: '2024-12-31' })).toBe(false);
    expect(expectsUnit(all, { ...province, kind: 'commune' }, { end: '2024-12-31' })).toBe(false);
  });

  it('expects only listed codes for a listed-units obligation', () => {
    const listed = { ...all, targetScope: 'listed_units' as const, targetUnitCodes: ['79'] };
    expect(expectsUnit(listed, province, { end: '2024-12-31' })).toBe(false);
    expect(expectsUnit(listed, { ...province, code: '79' }, { end: '2024-12-31' })).toBe(true);
  });

  it('expects a unit only if it exists on the period’s last day (old units before a merger, the successor after)', () => {
    const merged = { ...province, validTo: '2025-06-30' };
    const successor = { ...province, validFrom: '2025-07-01' };
    expect(expectsUnit(all, merged, { end: '2025-06-30' })).toBe(true);
    expect(expectsUnit(all, merged, { end: '2025-09-30' })).toBe(false);
    expect(expectsUnit(all, successor, { end: '2025-06-30' })).toBe(false);
    expect(expectsUnit(all, successor, { end: '2025-09-30' })).toBe(true);
  });

  it('does not expect anything for periods ending before the obligation applies', () => {
    expect(expectsUnit({ ...all, activeFrom: '2025-01-01' }, province, { end: '2024-12-31' })).toBe(false);
  });
});
