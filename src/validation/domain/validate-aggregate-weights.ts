import type { FieldDefinition } from './schema-definition';
import { joinPath, type SchemaErrorCollector } from './schema-definition-errors';

/** A `weighted_avg` field must be weighed by another numeric field of the same schema. */
export function validateAggregateWeights(fields: readonly FieldDefinition[], errors: SchemaErrorCollector): void {
  const byKey = new Map(fields.map((field) => [field.key, field]));
  fields.forEach((field, index) => {
    if (field.aggregate !== 'weighted_avg' || typeof field.weightField !== 'string') return;
    const weight = byKey.get(field.weightField);
    const path = joinPath(joinPath('fields', index), 'weightField');
    if (field.weightField === field.key) {
      errors.add(path, 'invalid_weight_field', `Cột "${field.label}" không thể là trọng số của chính nó.`);
    } else if (!weight) {
      errors.add(path, 'unknown_weight_field', `weightField "${field.weightField}" không phải là mã cột của biểu mẫu.`);
    } else if (weight.type !== 'integer' && weight.type !== 'decimal') {
      errors.add(path, 'invalid_weight_field', `Trọng số "${weight.label}" phải là cột số (integer, decimal).`);
    }
  });
}
