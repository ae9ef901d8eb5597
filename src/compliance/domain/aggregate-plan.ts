import type { Aggregate, FieldDefinition, ReportSchemaDefinition } from '../../validation/domain/schema-definition';

export type AppliedAggregate = Exclude<Aggregate, 'none'>;

export interface AggregatedField {
  key: string;
  label: string;
  unit: string | null;
  aggregate: AppliedAggregate;
  /** The field that weighs a `weighted_avg` (null otherwise). */
  weightField: string | null;
}

/** What national aggregates add up for a schema: numeric fields, grouped by the key fields when the schema has them. */
export interface AggregatePlan {
  fields: AggregatedField[];
  /** Key fields (e.g. the indicator of form 01/BC-STTTT): each combination of their values is added up apart. */
  groupBy: FieldDefinition[];
}

export const AGGREGATE_LABELS: Record<AppliedAggregate, string> = { sum: 'Tổng', avg: 'Trung bình', weighted_avg: 'Trung bình có trọng số', count: 'Số giá trị' };

export function aggregatePlan(definition: ReportSchemaDefinition): AggregatePlan {
  const fields = definition.fields
    .filter((field) => (field.type === 'integer' || field.type === 'decimal') && field.aggregate !== 'none')
    .map(
      (field): AggregatedField => ({
        key: field.key,
        label: field.label,
        unit: field.unit ?? null,
        aggregate: (field.aggregate ?? 'sum') as AppliedAggregate,
        weightField: field.aggregate === 'weighted_avg' ? (field.weightField ?? null) : null,
      }),
    );
  const groupBy = (definition.keyFields ?? [])
    .map((key) => definition.fields.find((field) => field.key === key))
    .filter((field): field is FieldDefinition => field !== undefined);
  return { fields, groupBy };
}
