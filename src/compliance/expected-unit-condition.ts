import { EXPECTED_UNIT_SQL } from '../obligations/expected-units';

const PLACEHOLDERS: Record<string, 'end' | 'scope' | 'codes'> = { '$1::date': 'end', '$2': 'scope', '$3::text[]': 'codes' };

/**
 * EXPECTED_UNIT_SQL (the SQL form of expectsUnit) with its parameters replaced by other
 * expressions, so that set queries over several periods or obligations keep the one definition:
 * e.g. `expectedUnitCondition({ end: 'p.end_date', scope: '$2', codes: '$3::text[]' })`.
 */
export function expectedUnitCondition(expressions: { end: string; scope: string; codes: string }): string {
  return EXPECTED_UNIT_SQL.replace(/\$1::date|\$3::text\[\]|\$2\b/g, (placeholder) => expressions[PLACEHOLDERS[placeholder]]);
}
