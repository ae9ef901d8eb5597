import type { Period } from '../periods/domain';
import type { ReportingUnit } from '../units/reporting-unit.entity';
import type { Obligation } from './obligation.entity';

export const PROVINCIAL_KINDS = ['province', 'municipality'] as const;

/**
 * Whether a unit owes the obligation's report for a period: the unit exists on the period's last
 * day (so a merger expects the old units before it and the successor after it), the obligation
 * applies by then, and the unit is in its target set.
 */
export function expectsUnit(obligation: Pick<Obligation, 'targetScope' | 'targetUnitCodes' | 'activeFrom'>, unit: Pick<ReportingUnit, 'code' | 'kind' | 'validFrom' | 'validTo'>, period: Pick<Period, 'end'>): boolean {
  if (obligation.activeFrom > period.end) return false;
  if (unit.validFrom > period.end || (unit.validTo !== null && unit.validTo < period.end)) return false;
  return obligation.targetScope === 'all_provinces'
    ? (PROVINCIAL_KINDS as readonly string[]).includes(unit.kind)
    : obligation.targetUnitCodes.includes(unit.code);
}

/** The same test as SQL over `reporting_units u`, for set queries: $1 period end, $2 scope, $3 codes. */
export const EXPECTED_UNIT_SQL = `u.valid_from <= $1::date AND (u.valid_to IS NULL OR u.valid_to >= $1::date)
  AND (($2 = 'all_provinces' AND u.kind IN ('province', 'municipality')) OR ($2 = 'listed_units' AND u.code = ANY($3::text[])))`;
