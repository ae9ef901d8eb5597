import { compileRule } from './rule-language';
import type { FieldDefinition, RowRuleDefinition } from './schema-definition';
import {
  checkKnownProperties,
  isJsonObject,
  joinPath,
  readString,
  type JsonObject,
  type SchemaErrorCollector,
} from './schema-definition-errors';

const ROW_RULE_PROPERTIES = ['id', 'message', 'assert', 'when', 'severity', 'missing'];
const UNIQUE_RULE_PROPERTIES = ['id', 'kind', 'fields', 'message', 'severity'];
const ROW_COUNT_RULE_PROPERTIES = ['id', 'kind', 'min', 'max', 'message', 'severity'];
const SEVERITIES = ['error', 'warning'];
const MISSING_POLICIES = ['skip', 'zero', 'fail'];
const FILE_RULE_KINDS = ['unique', 'row_count'];

/** Checks row rules, file rules and key fields against the usable fields; rule ids share one namespace. */
export function validateRuleDefinitions(
  definition: JsonObject,
  fields: readonly FieldDefinition[],
  errors: SchemaErrorCollector,
): void {
  const ruleIds = new Map<string, string>();
  const fieldKeys = new Set(fields.map((field) => field.key));
  forEachObject(definition.rowRules, 'rowRules', errors, (rule, path) => {
    validateRuleId(rule, path, ruleIds, errors);
    validateRowRule(rule, path, fields, errors);
  });
  forEachObject(definition.fileRules, 'fileRules', errors, (rule, path) => {
    validateRuleId(rule, path, ruleIds, errors);
    validateFileRule(rule, path, fieldKeys, errors);
  });
  if (definition.keyFields !== undefined) {
    validateFieldList(definition.keyFields, 'keyFields', fieldKeys, errors, { allowEmpty: true });
  }
}

function forEachObject(
  list: unknown,
  path: string,
  errors: SchemaErrorCollector,
  visit: (object: JsonObject, path: string) => void,
): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    errors.add(path, 'invalid_type', `${path} phải là một danh sách.`);
    return;
  }
  list.forEach((item: unknown, index) => {
    const itemPath = joinPath(path, index);
    if (isJsonObject(item)) visit(item, itemPath);
    else errors.add(itemPath, 'invalid_type', `${itemPath} phải là một đối tượng.`);
  });
}

function validateRuleId(rule: JsonObject, path: string, ruleIds: Map<string, string>, errors: SchemaErrorCollector): void {
  const id = readString(rule, 'id', path, errors, { required: true });
  if (typeof id !== 'string') return;
  const idPath = joinPath(path, 'id');
  if (id.trim() === '') {
    errors.add(idPath, 'empty_id', 'Mã quy tắc (id) không được để trống.');
    return;
  }
  const first = ruleIds.get(id);
  if (first !== undefined) errors.add(idPath, 'duplicate_rule_id', `Mã quy tắc "${id}" đã dùng ở ${first}.`);
  else ruleIds.set(id, path);
}

function validateRowRule(rule: JsonObject, path: string, fields: readonly FieldDefinition[], errors: SchemaErrorCollector): void {
  checkKnownProperties(rule, ROW_RULE_PROPERTIES, path, errors);
  validateMessage(rule, path, errors, { required: true });
  validateChoice(rule, 'severity', SEVERITIES, path, 'invalid_severity', errors);
  validateChoice(rule, 'missing', MISSING_POLICIES, path, 'invalid_missing_policy', errors);
  const assert = readString(rule, 'assert', path, errors, { required: true });
  const when = readString(rule, 'when', path, errors, { required: false });
  if (typeof assert !== 'string' || when === null) return;
  const compiled = compileRule({ id: '', message: '', assert, when } satisfies RowRuleDefinition, { fields });
  if (compiled.ok) return;
  for (const error of compiled.errors) errors.add(joinPath(path, error.part), 'invalid_rule', error.message);
}

function validateFileRule(rule: JsonObject, path: string, fieldKeys: ReadonlySet<string>, errors: SchemaErrorCollector): void {
  validateMessage(rule, path, errors, { required: false });
  validateChoice(rule, 'severity', SEVERITIES, path, 'invalid_severity', errors);
  const kind = readString(rule, 'kind', path, errors, { required: true });
  if (typeof kind !== 'string') return;
  if (!FILE_RULE_KINDS.includes(kind)) {
    errors.add(joinPath(path, 'kind'), 'unknown_rule_kind', `Loại quy tắc "${kind}" không hợp lệ; dùng unique hoặc row_count.`);
    return;
  }
  if (kind === 'unique') {
    checkKnownProperties(rule, UNIQUE_RULE_PROPERTIES, path, errors);
    if (rule.fields === undefined) {
      errors.add(joinPath(path, 'fields'), 'missing_property', 'Thiếu thuộc tính bắt buộc "fields".');
    } else {
      validateFieldList(rule.fields, joinPath(path, 'fields'), fieldKeys, errors, { allowEmpty: false });
    }
  } else {
    checkKnownProperties(rule, ROW_COUNT_RULE_PROPERTIES, path, errors);
    validateRowCount(rule, path, errors);
  }
}

function validateRowCount(rule: JsonObject, path: string, errors: SchemaErrorCollector): void {
  if (rule.min === undefined && rule.max === undefined) {
    errors.add(path, 'invalid_row_count', 'Quy tắc row_count cần ít nhất min hoặc max.');
    return;
  }
  const valid: Partial<Record<'min' | 'max', number>> = {};
  for (const name of ['min', 'max'] as const) {
    const count = rule[name];
    if (count === undefined) continue;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
      errors.add(joinPath(path, name), 'invalid_row_count', `${name} của row_count phải là số nguyên không âm.`);
    } else {
      valid[name] = count;
    }
  }
  if (valid.min !== undefined && valid.max !== undefined && valid.min > valid.max) {
    errors.add(joinPath(path, 'min'), 'min_greater_than_max', `min (${valid.min}) lớn hơn max (${valid.max}).`);
  }
}

function validateFieldList(
  list: unknown,
  path: string,
  fieldKeys: ReadonlySet<string>,
  errors: SchemaErrorCollector,
  options: { allowEmpty: boolean },
): void {
  if (!Array.isArray(list) || (list.length === 0 && !options.allowEmpty)) {
    errors.add(path, 'invalid_type', `${path} phải là danh sách mã cột${options.allowEmpty ? '' : ' không rỗng'}.`);
    return;
  }
  const seen = new Set<string>();
  list.forEach((key: unknown, index) => {
    const keyPath = joinPath(path, index);
    if (typeof key !== 'string') {
      errors.add(keyPath, 'invalid_type', 'Mã cột phải là chuỗi.');
    } else if (!fieldKeys.has(key)) {
      errors.add(keyPath, 'unknown_field', `Không có cột "${key}" trong biểu mẫu.`);
    } else if (seen.has(key)) {
      errors.add(keyPath, 'duplicate_field_reference', `Cột "${key}" được nêu hai lần.`);
    } else {
      seen.add(key);
    }
  });
}

function validateMessage(rule: JsonObject, path: string, errors: SchemaErrorCollector, options: { required: boolean }): void {
  const message = readString(rule, 'message', path, errors, options);
  if (typeof message === 'string' && message.trim() === '') {
    errors.add(joinPath(path, 'message'), 'empty_message', 'Thông báo lỗi (message) không được để trống.');
  }
}

function validateChoice(
  rule: JsonObject,
  name: string,
  choices: readonly string[],
  path: string,
  code: 'invalid_severity' | 'invalid_missing_policy',
  errors: SchemaErrorCollector,
): void {
  const value = rule[name];
  if (value === undefined) return;
  if (typeof value !== 'string' || !choices.includes(value)) {
    errors.add(joinPath(path, name), code, `${name} phải là một trong: ${choices.join(', ')}.`);
  }
}
