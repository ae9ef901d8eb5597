import type { ReportSchemaDefinition } from './schema-definition';
import {
  checkKnownProperties,
  isJsonObject,
  SchemaErrorCollector,
  type SchemaDefinitionError,
} from './schema-definition-errors';
import { validateAggregateWeights } from './validate-aggregate-weights';
import { validateFieldDefinitions } from './validate-field-definitions';
import { validateRuleDefinitions } from './validate-rule-definitions';

export type SchemaValidationResult =
  | { ok: true; value: ReportSchemaDefinition }
  | { ok: false; errors: SchemaDefinitionError[] };

const DEFINITION_PROPERTIES = ['sheetName', 'fields', 'rowRules', 'fileRules', 'keyFields'];
const MAX_SHEET_NAME_LENGTH = 31;
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/;

/**
 * Checks a whole schema definition (as stored JSON) before it is saved: every field, every rule
 * expression (parsed and type-checked) and every reference between them. All problems are
 * reported, each with its path such as `fields[2].min` or `rowRules[1].assert`.
 */
export function validateSchemaDefinition(definition: unknown): SchemaValidationResult {
  const errors = new SchemaErrorCollector();
  if (!isJsonObject(definition)) {
    errors.add('', 'invalid_type', 'Định nghĩa biểu mẫu phải là một đối tượng JSON.');
    return { ok: false, errors: errors.errors };
  }
  checkKnownProperties(definition, DEFINITION_PROPERTIES, '', errors);
  validateSheetName(definition.sheetName, errors);
  const fields = validateFieldDefinitions(definition.fields, errors);
  validateAggregateWeights(fields, errors);
  validateRuleDefinitions(definition, fields, errors);
  if (errors.errors.length > 0) return { ok: false, errors: errors.errors };
  return { ok: true, value: definition as unknown as ReportSchemaDefinition };
}

/** Excel's own limits on sheet names, so the template workbook can carry it. */
function validateSheetName(sheetName: unknown, errors: SchemaErrorCollector): void {
  if (sheetName === undefined) return;
  if (
    typeof sheetName !== 'string' ||
    sheetName.trim() === '' ||
    sheetName.length > MAX_SHEET_NAME_LENGTH ||
    SHEET_NAME_FORBIDDEN.test(sheetName)
  ) {
    errors.add(
      'sheetName',
      'invalid_sheet_name',
      `Tên trang tính phải dài 1–${MAX_SHEET_NAME_LENGTH} ký tự và không chứa [ ] : * ? / \\.`,
    );
  }
}
