export type { CellValue, TypedRow } from './cell-value';
export { coerceValue, createCoercer, type Coercer, type CoercionResult } from './coerce-value';
export { createFieldCheck, type FieldCheck, type FieldCheckFailure } from './field-checks';
export { mapHeaders, type ColumnMapping, type HeaderMapping } from './header-mapping';
export { normalizeHeader } from './normalize-header';
export { DEFAULT_MAX_ISSUES, SubmissionValidator, type SubmissionValidatorOptions } from './row-validator';
export type { RuleError } from './rule-ast';
export {
  compileRule,
  type CompiledRule,
  type CompileRuleResult,
  type MissingValuePolicy,
  type RuleCompileError,
  type RuleRow,
} from './rule-language';
export * from './schema-definition';
export { SCHEMA_ERROR_CODES, type SchemaDefinitionError, type SchemaErrorCode } from './schema-definition-errors';
export { validateSchemaDefinition, type SchemaValidationResult } from './validate-schema-definition';
export { ISSUE_CODES, type IssueCode, type ValidationIssue } from './validation-issue';
export type { ValidationReport } from './validation-report';
