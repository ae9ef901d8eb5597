import { isIsoDate } from './calendar-date';
import { compileFullMatchPattern } from './field-checks';
import { normalizeHeader } from './normalize-header';
import { KEYWORDS } from './rule-parser';
import {
  AGGREGATES,
  FIELD_TYPES,
  type FieldDefinition,
  type FieldType,
  MAX_PERIOD_TOLERANCE_DAYS,
  PERIOD_CHECK_SEVERITIES,
} from './schema-definition';
import {
  checkKnownProperties,
  isJsonObject,
  joinPath,
  readString,
  type JsonObject,
  type SchemaErrorCollector,
} from './schema-definition-errors';

const FIELD_PROPERTIES = [
  'key',
  'label',
  'aliases',
  'type',
  'required',
  'min',
  'max',
  'minLength',
  'maxLength',
  'pattern',
  'enumValues',
  'unit',
  'aggregate',
  'weightField',
  'description',
  'referenceDate',
  'periodCheck',
] as const satisfies ReadonlyArray<keyof FieldDefinition>;

const FIELD_KEY = /^[a-z][a-z0-9_]*$/;

/**
 * Checks the `fields` array and returns the fields usable for checking rules and references
 * (those with a valid, unique key and a known type).
 */
export function validateFieldDefinitions(fields: unknown, errors: SchemaErrorCollector): FieldDefinition[] {
  if (fields === undefined) {
    errors.add('fields', 'no_fields', 'Biểu mẫu phải có ít nhất một cột (fields).');
    return [];
  }
  if (!Array.isArray(fields)) {
    errors.add('fields', 'invalid_type', 'fields phải là một danh sách cột.');
    return [];
  }
  if (fields.length === 0) {
    errors.add('fields', 'no_fields', 'Biểu mẫu phải có ít nhất một cột (fields).');
    return [];
  }
  const usable: FieldDefinition[] = [];
  const firstIndexByKey = new Map<string, number>();
  fields.forEach((field: unknown, index) => {
    const path = joinPath('fields', index);
    if (!isJsonObject(field)) {
      errors.add(path, 'invalid_type', `Cột thứ ${index + 1} phải là một đối tượng.`);
      return;
    }
    const key = validateKey(field, path, firstIndexByKey, index, errors);
    const type = validateFieldType(field, path, errors);
    validateFieldProperties(field, path, type, errors);
    if (key !== null && type !== null) usable.push(field as unknown as FieldDefinition);
  });
  checkNameCollisions(fields, errors);
  checkSingleReferenceDate(fields, errors);
  return usable;
}

function validateKey(
  field: JsonObject,
  path: string,
  firstIndexByKey: Map<string, number>,
  index: number,
  errors: SchemaErrorCollector,
): string | null {
  const key = readString(field, 'key', path, errors, { required: true });
  if (typeof key !== 'string') return null;
  const keyPath = joinPath(path, 'key');
  if (!FIELD_KEY.test(key)) {
    errors.add(keyPath, 'invalid_key', `Mã cột "${key}" phải bắt đầu bằng chữ thường và chỉ gồm a-z, 0-9, "_".`);
    return null;
  }
  if (KEYWORDS.has(key)) {
    errors.add(keyPath, 'reserved_key', `Mã cột "${key}" trùng với từ khóa của ngôn ngữ quy tắc; hãy đặt tên khác.`);
    return null;
  }
  const first = firstIndexByKey.get(key);
  if (first !== undefined) {
    errors.add(keyPath, 'duplicate_key', `Mã cột "${key}" đã dùng cho fields[${first}].`);
    return null;
  }
  firstIndexByKey.set(key, index);
  return key;
}

function validateFieldType(field: JsonObject, path: string, errors: SchemaErrorCollector): FieldType | null {
  const type = readString(field, 'type', path, errors, { required: true });
  if (typeof type !== 'string') return null;
  if (!(FIELD_TYPES as readonly string[]).includes(type)) {
    const message = `Kiểu "${type}" không hợp lệ; dùng một trong: ${FIELD_TYPES.join(', ')}.`;
    errors.add(joinPath(path, 'type'), 'unknown_field_type', message);
    return null;
  }
  return type as FieldType;
}

function validateFieldProperties(field: JsonObject, path: string, type: FieldType | null, errors: SchemaErrorCollector): void {
  checkKnownProperties(field, FIELD_PROPERTIES, path, errors);
  validateLabel(field, path, errors);
  validateAliases(field, path, errors);
  for (const name of ['unit', 'description'] as const) readString(field, name, path, errors, { required: false });
  if (field.required !== undefined && typeof field.required !== 'boolean') {
    errors.add(joinPath(path, 'required'), 'invalid_type', 'required phải là true hoặc false.');
  }
  if (type === null) return;
  validateBounds(field, path, type, errors);
  validateLengths(field, path, type, errors);
  validatePattern(field, path, type, errors);
  validateEnumValues(field, path, type, errors);
  validateAggregate(field, path, type, errors);
  validatePeriodCheck(field, path, type, errors);
}

function validateLabel(field: JsonObject, path: string, errors: SchemaErrorCollector): void {
  const label = readString(field, 'label', path, errors, { required: true });
  if (typeof label === 'string' && normalizeHeader(label) === '') {
    errors.add(joinPath(path, 'label'), 'empty_label', 'Tên cột (label) không được để trống.');
  }
}

function validateAliases(field: JsonObject, path: string, errors: SchemaErrorCollector): void {
  const aliases = field.aliases;
  if (aliases === undefined) return;
  const aliasesPath = joinPath(path, 'aliases');
  if (!Array.isArray(aliases)) {
    errors.add(aliasesPath, 'invalid_type', 'aliases phải là danh sách chuỗi.');
    return;
  }
  aliases.forEach((alias: unknown, index) => {
    const aliasPath = joinPath(aliasesPath, index);
    if (typeof alias !== 'string') errors.add(aliasPath, 'invalid_type', 'Tên khác của cột phải là chuỗi.');
    else if (normalizeHeader(alias) === '') errors.add(aliasPath, 'empty_label', 'Tên khác của cột không được để trống.');
  });
}

function validateBounds(field: JsonObject, path: string, type: FieldType, errors: SchemaErrorCollector): void {
  const numeric = type === 'integer' || type === 'decimal';
  const valid: Partial<Record<'min' | 'max', number | string>> = {};
  for (const name of ['min', 'max'] as const) {
    const bound = field[name];
    if (bound === undefined) continue;
    const boundPath = joinPath(path, name);
    if (!numeric && type !== 'date') {
      errors.add(boundPath, 'bound_not_allowed', `${name} chỉ dùng cho cột kiểu integer, decimal hoặc date, không cho ${type}.`);
    } else if (numeric && (typeof bound !== 'number' || !Number.isFinite(bound))) {
      errors.add(boundPath, 'invalid_bound', `${name} của cột số phải là một số.`);
    } else if (type === 'date' && (typeof bound !== 'string' || !isIsoDate(bound))) {
      errors.add(boundPath, 'invalid_bound', `${name} của cột ngày phải là ngày dạng yyyy-mm-dd, ví dụ "2024-01-31".`);
    } else {
      valid[name] = bound as number | string;
    }
  }
  if (valid.min !== undefined && valid.max !== undefined && valid.min > valid.max) {
    errors.add(joinPath(path, 'min'), 'min_greater_than_max', `min (${valid.min}) lớn hơn max (${valid.max}).`);
  }
}

function validateLengths(field: JsonObject, path: string, type: FieldType, errors: SchemaErrorCollector): void {
  const valid: Partial<Record<'minLength' | 'maxLength', number>> = {};
  for (const name of ['minLength', 'maxLength'] as const) {
    const length = field[name];
    if (length === undefined) continue;
    const lengthPath = joinPath(path, name);
    if (type !== 'text') {
      errors.add(lengthPath, 'length_not_allowed', `${name} chỉ dùng cho cột kiểu text.`);
    } else if (typeof length !== 'number' || !Number.isInteger(length) || length < 0) {
      errors.add(lengthPath, 'invalid_length', `${name} phải là số nguyên không âm.`);
    } else {
      valid[name] = length;
    }
  }
  if (valid.minLength !== undefined && valid.maxLength !== undefined && valid.minLength > valid.maxLength) {
    errors.add(
      joinPath(path, 'minLength'),
      'min_greater_than_max',
      `minLength (${valid.minLength}) lớn hơn maxLength (${valid.maxLength}).`,
    );
  }
}

function validatePattern(field: JsonObject, path: string, type: FieldType, errors: SchemaErrorCollector): void {
  if (field.pattern === undefined) return;
  const patternPath = joinPath(path, 'pattern');
  if (type !== 'text') {
    errors.add(patternPath, 'pattern_not_allowed', 'pattern chỉ dùng cho cột kiểu text.');
    return;
  }
  const pattern = readString(field, 'pattern', path, errors, { required: false });
  if (typeof pattern !== 'string') return;
  try {
    compileFullMatchPattern(pattern);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    errors.add(patternPath, 'invalid_pattern', `Biểu thức chính quy không hợp lệ: ${reason}`);
  }
}

function validateEnumValues(field: JsonObject, path: string, type: FieldType, errors: SchemaErrorCollector): void {
  const values = field.enumValues;
  const valuesPath = joinPath(path, 'enumValues');
  if (type !== 'enum') {
    if (values !== undefined) errors.add(valuesPath, 'enum_values_not_allowed', 'enumValues chỉ dùng cho cột kiểu enum.');
    return;
  }
  if (!Array.isArray(values) || values.length === 0) {
    errors.add(valuesPath, 'enum_values_required', 'Cột kiểu enum cần danh sách giá trị enumValues không rỗng.');
    return;
  }
  const firstIndexByName = new Map<string, number>();
  values.forEach((value: unknown, index) => {
    const valuePath = joinPath(valuesPath, index);
    if (typeof value !== 'string') {
      errors.add(valuePath, 'invalid_type', 'Giá trị của enumValues phải là chuỗi.');
      return;
    }
    const name = normalizeHeader(value);
    if (name === '') {
      errors.add(valuePath, 'empty_enum_value', 'Giá trị của enumValues không được để trống.');
      return;
    }
    const first = firstIndexByName.get(name);
    if (first === undefined) {
      firstIndexByName.set(name, index);
      return;
    }
    // Values are matched ignoring case and diacritics, so these two could not be told apart.
    const message = `Giá trị "${value}" trùng với enumValues[${first}] (không phân biệt hoa thường, dấu).`;
    errors.add(valuePath, 'duplicate_enum_value', message);
  });
}

function validateAggregate(field: JsonObject, path: string, type: FieldType, errors: SchemaErrorCollector): void {
  const aggregate = field.aggregate;
  const aggregatePath = joinPath(path, 'aggregate');
  if (aggregate !== undefined && (typeof aggregate !== 'string' || !(AGGREGATES as readonly string[]).includes(aggregate))) {
    errors.add(aggregatePath, 'unknown_aggregate', `aggregate phải là một trong: ${AGGREGATES.join(', ')}.`);
  } else if (aggregate !== undefined && aggregate !== 'none' && type !== 'integer' && type !== 'decimal') {
    errors.add(aggregatePath, 'aggregate_not_allowed', `aggregate "${aggregate}" chỉ dùng cho cột số (integer, decimal).`);
  }
  // Which field it names is checked with the other fields (validate-aggregate-weights.ts).
  const weighted = aggregate === 'weighted_avg';
  if (weighted && typeof field.weightField !== 'string') {
    errors.add(joinPath(path, 'weightField'), 'weight_field_required', 'aggregate "weighted_avg" cần weightField: mã cột số dùng làm trọng số.');
  } else if (!weighted && field.weightField !== undefined) {
    errors.add(joinPath(path, 'weightField'), 'weight_field_not_allowed', 'weightField chỉ dùng với aggregate "weighted_avg".');
  }
}

function validatePeriodCheck(field: JsonObject, path: string, type: FieldType, errors: SchemaErrorCollector): void {
  for (const name of ['referenceDate', 'periodCheck'] as const) {
    if (field[name] !== undefined && type !== 'date') {
      errors.add(joinPath(path, name), 'period_check_not_allowed', `${name} chỉ dùng cho cột kiểu date.`);
    }
  }
  if (field.referenceDate !== undefined && typeof field.referenceDate !== 'boolean') {
    errors.add(joinPath(path, 'referenceDate'), 'invalid_type', 'referenceDate phải là true hoặc false.');
  }
  const check = field.periodCheck;
  if (check === undefined || type !== 'date') return;
  const checkPath = joinPath(path, 'periodCheck');
  if (!isJsonObject(check)) {
    errors.add(checkPath, 'invalid_period_check', 'periodCheck phải là đối tượng { severity, toleranceDays }.');
    return;
  }
  checkKnownProperties(check, ['severity', 'toleranceDays'], checkPath, errors);
  if (typeof check.severity !== 'string' || !(PERIOD_CHECK_SEVERITIES as readonly string[]).includes(check.severity)) {
    errors.add(joinPath(checkPath, 'severity'), 'invalid_period_check', `severity phải là một trong: ${PERIOD_CHECK_SEVERITIES.join(', ')}.`);
  }
  const tolerance = check.toleranceDays;
  if (tolerance !== undefined && (typeof tolerance !== 'number' || !Number.isInteger(tolerance) || tolerance < 0 || tolerance > MAX_PERIOD_TOLERANCE_DAYS)) {
    errors.add(joinPath(checkPath, 'toleranceDays'), 'invalid_period_check', `toleranceDays phải là số nguyên từ 0 đến ${MAX_PERIOD_TOLERANCE_DAYS}.`);
  }
}

/** The reference date is the one date a report is about. */
function checkSingleReferenceDate(fields: unknown[], errors: SchemaErrorCollector): void {
  const marked = fields.flatMap((field, index) => (isJsonObject(field) && field.referenceDate === true ? [index] : []));
  for (const index of marked.slice(1)) {
    errors.add(joinPath(joinPath('fields', index), 'referenceDate'), 'duplicate_reference_date', `Chỉ một cột được là ngày tham chiếu của báo cáo; fields[${marked[0]}] đã là.`);
  }
}

/**
 * Headers are matched by normalised key, label and aliases; a name shared by two fields would
 * make the column ambiguous.
 */
function checkNameCollisions(fields: unknown[], errors: SchemaErrorCollector): void {
  const ownerByName = new Map<string, number>();
  const fieldPath = (index: number, name: string): string => joinPath(joinPath('fields', index), name);
  const claim = (name: string, index: number, path: string, code: 'duplicate_label' | 'alias_conflict'): void => {
    const normalized = normalizeHeader(name);
    if (normalized === '') return;
    const owner = ownerByName.get(normalized);
    if (owner === undefined) ownerByName.set(normalized, index);
    else if (owner !== index) {
      errors.add(path, code, `"${name}" trùng với tên hoặc mã của fields[${owner}] (không phân biệt hoa thường, dấu, dấu câu).`);
    }
  };
  const objects = fields.map((field) => (isJsonObject(field) ? field : {}));
  // Keys first and silently: a repeated key is already a duplicate_key error.
  objects.forEach((field, index) => {
    const key = typeof field.key === 'string' ? normalizeHeader(field.key) : '';
    if (key !== '' && !ownerByName.has(key)) ownerByName.set(key, index);
  });
  objects.forEach((field, index) => {
    if (typeof field.label === 'string') claim(field.label, index, fieldPath(index, 'label'), 'duplicate_label');
  });
  objects.forEach((field, index) => {
    if (!Array.isArray(field.aliases)) return;
    field.aliases.forEach((alias: unknown, aliasIndex) => {
      if (typeof alias === 'string') {
        claim(alias, index, joinPath(fieldPath(index, 'aliases'), aliasIndex), 'alias_conflict');
      }
    });
  });
}
