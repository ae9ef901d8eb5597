import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readProvinces } from './provinces-reference';
import { asciiName, kindFromName, mergerProblems, parseMergerCsv } from './merger-plan';

describe('the 2025 merger mapping', () => {
  const entries = parseMergerCsv(readFileSync(join(__dirname, 'reference', 'provinces-2025-merger.csv'), 'utf8'));
  const codes = new Set(readProvinces().map((p) => p.code));

  it('maps the 63 provinces onto 34 units, each old code exactly once', () => {
    expect(entries).toHaveLength(34);
    expect(entries.flatMap((e) => e.oldCodes).sort()).toEqual([...codes].sort());
    expect(mergerProblems(entries, codes)).toEqual([]);
    expect(entries.find((e) => e.code === '79')).toEqual({ code: '79', name: 'Thành phố Hồ Chí Minh', oldCodes: ['74', '77', '79'] });
  });

  it('reports duplicated, unknown and malformed entries by position', () => {
    const problems = mergerProblems(
      [
        { code: '01', name: 'A', oldCodes: ['01', '02'] },
        { code: '01', name: '', oldCodes: ['02', '99'] },
        { code: 'x', name: 'B', oldCodes: [] },
      ],
      codes,
    );
    expect(problems.map((p) => p.field)).toEqual(['units[1].code', 'units[1].name', 'units[1].oldCodes', 'units[1].oldCodes', 'units[2].code', 'units[2].oldCodes']);
  });

  it('derives ASCII names and kinds', () => {
    expect(asciiName('Thành phố Đà Nẵng')).toBe('Thanh pho Da Nang');
    expect(kindFromName('Thành phố Huế')).toBe('municipality');
    expect(kindFromName('Tuyên Quang')).toBe('province');
  });
});
