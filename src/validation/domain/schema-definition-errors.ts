export const SCHEMA_ERROR_CODES = [
  'invalid_type',
  'missing_property',
  'unknown_property',
  'invalid_sheet_name',
  'no_fields',
  'invalid_key',
  'reserved_key',
  'duplicate_key',
  'empty_label',
  'duplicate_label',
  'alias_conflict',
  'unknown_field_type',
  'bound_not_allowed',
  'invalid_bound',
  'min_greater_than_max',
  'length_not_allowed',
  'invalid_length',
  'pattern_not_allowed',
  'invalid_pattern',
  'enum_values_required',
  'enum_values_not_allowed',
  'empty_enum_value',
  'duplicate_enum_value',
  'unknown_aggregate',
  'aggregate_not_allowed',
  'period_check_not_allowed',
  'invalid_period_check',
  'duplicate_reference_date',
  'weight_field_required',
  'weight_field_not_allowed',
  'unknown_weight_field',
  'invalid_weight_field',
  'empty_id',
  'duplicate_rule_id',
  'empty_message',
  'invalid_rule',
  'invalid_severity',
  'invalid_missing_policy',
  'unknown_rule_kind',
  'unknown_field',
  'duplicate_field_reference',
  'invalid_row_count',
] as const;
export type SchemaErrorCode = (typeof SCHEMA_ERROR_CODES)[number];

/** One problem in a schema definition; `path` such as `fields[2].min`, empty for the whole definition. */
export interface SchemaDefinitionError {
  path: string;
  code: SchemaErrorCode;
  /** Vietnamese, for the ministry staff who edit schemas. */
  message: string;
}

/** Collects errors while the validators walk a definition. */
export class SchemaErrorCollector {
  readonly errors: SchemaDefinitionError[] = [];

  add(path: string, code: SchemaErrorCode, message: string): void {
    this.errors.push({ path, code, message });
  }
}

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reports properties outside `allowed`: usually a misspelt name whose setting would be silently lost. */
export function checkKnownProperties(
  object: JsonObject,
  allowed: readonly string[],
  path: string,
  errors: SchemaErrorCollector,
): void {
  for (const name of Object.keys(object)) {
    if (!allowed.includes(name)) {
      const message = `Thuộc tính "${name}" không được hỗ trợ; các thuộc tính hợp lệ: ${allowed.join(', ')}.`;
      errors.add(joinPath(path, name), 'unknown_property', message);
    }
  }
}

/**
 * Reads a required string property; reports and returns null when it is absent or not a string.
 * `undefined` is returned for an absent optional property.
 */
export function readString(
  object: JsonObject,
  name: string,
  path: string,
  errors: SchemaErrorCollector,
  options: { required: boolean },
): string | null | undefined {
  const value = object[name];
  const propertyPath = joinPath(path, name);
  if (value === undefined) {
    if (!options.required) return undefined;
    errors.add(propertyPath, 'missing_property', `Thiếu thuộc tính bắt buộc "${name}".`);
    return null;
  }
  if (typeof value !== 'string') {
    errors.add(propertyPath, 'invalid_type', `Thuộc tính "${name}" phải là chuỗi.`);
    return null;
  }
  return value;
}

export function joinPath(path: string, name: string | number): string {
  if (typeof name === 'number') return `${path}[${name}]`;
  return path === '' ? name : `${path}.${name}`;
}
