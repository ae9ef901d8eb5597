import type { CellValue } from './cell-value';
import type { RuleError, RuleExpression } from './rule-ast';
import { evaluateCondition, type RuleEvaluationContext, type RuleValue } from './rule-evaluator';
import { fieldsMentioned, fieldsReadByValue } from './rule-field-references';
import { parseRuleExpression } from './rule-parser';
import { checkRuleExpression } from './rule-type-checker';
import type { FieldDefinition, RowRuleDefinition, Severity } from './schema-definition';

export type MissingValuePolicy = NonNullable<RowRuleDefinition['missing']>;

/** A row as rules see it: coerced values by field key; null or absent means empty. */
export type RuleRow = Readonly<Record<string, CellValue | undefined>>;

export interface CompiledRule {
  readonly id: string;
  readonly message: string;
  readonly severity: Severity;
  readonly missing: MissingValuePolicy;
  /** Every field the rule names, `assert` first, in source order. */
  readonly fields: readonly string[];
  /** The fields `assert` names: the values that make the rule fail. */
  readonly assertFields: readonly string[];
  /**
   * true when the rule holds, false when it fails, `skipped` when it does not apply: `when` is
   * false or undecided, an empty value is skipped by the policy, or a division by zero.
   */
  evaluate(row: RuleRow): boolean | 'skipped';
}

export interface RuleCompileError extends RuleError {
  part: 'assert' | 'when';
}

export type CompileRuleResult = { ok: true; rule: CompiledRule } | { ok: false; errors: RuleCompileError[] };

/**
 * Parses and type-checks a row rule against the schema's fields.
 *
 * Empty values, by the rule's `missing` policy, for fields whose values an expression uses
 * (fields only tested by present, missing, both_or_neither or not_both do not count):
 * - `skip` (default): the rule is skipped;
 * - `zero`: empty numbers count as 0; an empty field of another type skips the rule;
 * - `fail`: the rule fails. An undecidable `when` still only skips it.
 */
export function compileRule(rule: RowRuleDefinition, schema: { readonly fields: readonly FieldDefinition[] }): CompileRuleResult {
  const assert = compilePart(rule.assert, 'assert', schema.fields);
  const when = rule.when === undefined ? null : compilePart(rule.when, 'when', schema.fields);
  const errors = [...(assert.ok ? [] : assert.errors), ...(when === null || when.ok ? [] : when.errors)];
  if (!assert.ok || (when !== null && !when.ok) || errors.length > 0) return { ok: false, errors };

  const missing = rule.missing ?? 'skip';
  const numericFields = new Set(
    schema.fields.filter((field) => field.type === 'integer' || field.type === 'decimal').map((field) => field.key),
  );
  const assertPart = new RulePart(assert.expression, missing, numericFields);
  const whenPart = when === null ? null : new RulePart(when.expression, missing === 'fail' ? 'skip' : missing, numericFields);
  const assertFields = fieldsMentioned(assert.expression);
  const fields = [...new Set([...assertFields, ...(when ? fieldsMentioned(when.expression) : [])])];

  return {
    ok: true,
    rule: {
      id: rule.id,
      message: rule.message,
      severity: rule.severity ?? 'error',
      missing,
      fields,
      assertFields,
      evaluate(row) {
        if (whenPart !== null && whenPart.evaluate(row) !== true) return 'skipped';
        return assertPart.evaluate(row);
      },
    },
  };
}

type CompiledPart = { ok: true; expression: RuleExpression } | { ok: false; errors: RuleCompileError[] };

function compilePart(source: string, part: 'assert' | 'when', fields: readonly FieldDefinition[]): CompiledPart {
  const parsed = parseRuleExpression(source);
  if (!parsed.ok) return { ok: false, errors: [{ ...parsed.error, part }] };
  const errors = checkRuleExpression(parsed.expression, fields, part);
  if (errors.length > 0) return { ok: false, errors: errors.map((error) => ({ ...error, part })) };
  return { ok: true, expression: parsed.expression };
}

class RulePart {
  private readonly readFields: readonly string[];

  constructor(
    private readonly expression: RuleExpression,
    private readonly missing: MissingValuePolicy,
    private readonly numericFields: ReadonlySet<string>,
  ) {
    this.readFields = fieldsReadByValue(expression);
  }

  evaluate(row: RuleRow): boolean | 'skipped' {
    const empty = this.readFields.filter((field) => isEmpty(row[field]));
    if (empty.length > 0) {
      if (this.missing === 'fail') return false;
      if (this.missing === 'skip' || empty.some((field) => !this.numericFields.has(field))) return 'skipped';
    }
    const context: RuleEvaluationContext = {
      value: (field) => (row[field] ?? 0) as RuleValue,
      isPresent: (field) => !isEmpty(row[field]),
    };
    const result = evaluateCondition(this.expression, context);
    return result === 'undecided' ? 'skipped' : result;
  }
}

function isEmpty(value: CellValue | undefined): boolean {
  return value === null || value === undefined;
}
