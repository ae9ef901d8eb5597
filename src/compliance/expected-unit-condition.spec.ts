import { EXPECTED_UNIT_SQL } from '../obligations/expected-units';
import { expectedUnitCondition } from './expected-unit-condition';

describe('expected-unit condition', () => {
  it('is EXPECTED_UNIT_SQL itself when given its own parameters', () => {
    expect(expectedUnitCondition({ end: '$1::date', scope: '$2', codes: '$3::text[]' })).toBe(EXPECTED_UNIT_SQL);
  });

  it('puts the given expressions in place of every parameter', () => {
    const sql = expectedUnitCondition({ end: 'p.end_date', scope: '$7', codes: '$8::text[]' });
    expect(sql).not.toMatch(/\$[123]\b/);
    expect(sql.match(/p\.end_date/g)).toHaveLength(2);
    expect(sql.match(/\$7/g)).toHaveLength(2);
    expect(sql).toContain('u.code = ANY($8::text[])');
  });
});
