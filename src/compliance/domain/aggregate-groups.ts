import { type Change, changeBetween, roundTo } from './change';
import type { AggregatedField, AggregatePlan, AppliedAggregate } from './aggregate-plan';

export type GroupValue = string | number | boolean | null;

/** What the database adds up for one field of one group in one period. */
export interface FieldStat {
  sum: number | null;
  avg: number | null;
  count: number;
  /** Units with a value for the field. */
  units: number;
  /** Sum of value x weight over the rows that have both (weighted_avg only). */
  weightedSum: number | null;
  /** Sum of the weights of those rows. */
  weightTotal: number | null;
  /** Units with both a value and a weight. */
  weightedUnits: number;
}

/** Stats of a period by group (the key values as JSON, '[]' without grouping), then by field key. */
export type PeriodStats = Map<string, { values: GroupValue[]; fields: Map<string, FieldStat> }>;

export interface ComparedValue extends Change {
  value: number | null;
}

export interface FieldAggregate {
  field: string;
  label: string;
  unit: string | null;
  aggregate: AppliedAggregate;
  value: number | null;
  units: number;
  previous: ComparedValue;
  lastYear: ComparedValue;
}

export interface AggregateGroup {
  /** Key field values, e.g. { chi_tieu: 'Doanh nghiệp được cấp giấy phép bưu chính' }; null without grouping. */
  key: Record<string, GroupValue> | null;
  label: string;
  fields: FieldAggregate[];
}

export const UNGROUPED_LABEL = 'Toàn quốc';

/**
 * The value a field's aggregate asks for (averages to 4 decimals); null when no unit reported it. A
 * weighted average is sum(value x weight) / sum(weight) over the rows with both, e.g. the national
 * online-filing rate out of the provinces' rates and filing counts; null when the weights add up to 0.
 */
export function aggregateValue(stat: FieldStat | undefined, aggregate: AppliedAggregate): number | null {
  if (!stat || stat.units === 0) return null;
  if (aggregate === 'count') return stat.count;
  if (aggregate === 'avg') return stat.avg === null ? null : roundTo(stat.avg, 4);
  if (aggregate === 'weighted_avg') return stat.weightedSum === null || !stat.weightTotal ? null : roundTo(stat.weightedSum / stat.weightTotal, 4);
  return stat.sum === null ? null : roundTo(stat.sum, 6);
}

/** Units that count for a field: those with a value, and for a weighted average also a weight. */
export function unitsOf(stat: FieldStat | undefined, aggregate: AppliedAggregate): number {
  return (aggregate === 'weighted_avg' ? stat?.weightedUnits : stat?.units) ?? 0;
}

/** Order of groups: enum key fields in the schema's order of values, other keys by value. */
export function compareGroups(plan: AggregatePlan, a: GroupValue[], b: GroupValue[]): number {
  for (const [i, field] of plan.groupBy.entries()) {
    const order = field.enumValues ?? [];
    const rank = (value: GroupValue) => (order.includes(String(value)) ? order.indexOf(String(value)) : order.length);
    const byRank = rank(a[i]) - rank(b[i]);
    if (byRank !== 0) return byRank;
    const byValue = String(a[i] ?? '').localeCompare(String(b[i] ?? ''), 'vi');
    if (byValue !== 0) return byValue;
  }
  return 0;
}

function compared(field: AggregatedField, value: number | null, stats: PeriodStats, group: string): ComparedValue {
  const earlier = aggregateValue(stats.get(group)?.fields.get(field.key), field.aggregate);
  return { value: earlier, ...changeBetween(value, earlier) };
}

/**
 * National aggregates by group and field, each with its change against the previous period and
 * the same period last year. Groups seen in any of the three periods are listed; a schema without
 * key fields has the one group "Toàn quốc".
 */
export function aggregateGroups(plan: AggregatePlan, current: PeriodStats, previous: PeriodStats, lastYear: PeriodStats): AggregateGroup[] {
  const groups = new Map<string, GroupValue[]>();
  if (plan.groupBy.length === 0) groups.set('[]', []);
  for (const stats of [current, previous, lastYear]) {
    for (const [id, { values }] of stats) if (plan.groupBy.length > 0) groups.set(id, values);
  }
  return [...groups.entries()]
    .sort(([, a], [, b]) => compareGroups(plan, a, b))
    .map(([id, values]) => ({
      key: plan.groupBy.length === 0 ? null : Object.fromEntries(plan.groupBy.map((field, i) => [field.key, values[i] ?? null])),
      label: plan.groupBy.length === 0 ? UNGROUPED_LABEL : values.map((value) => String(value ?? '(trống)')).join(' — '),
      fields: plan.fields.map((field) => {
        const stat = current.get(id)?.fields.get(field.key);
        const value = aggregateValue(stat, field.aggregate);
        return {
          field: field.key,
          label: field.label,
          unit: field.unit,
          aggregate: field.aggregate,
          value,
          units: unitsOf(stat, field.aggregate),
          previous: compared(field, value, previous, id),
          lastYear: compared(field, value, lastYear, id),
        };
      }),
    }));
}
