import type { ComparisonOperator, RuleExpression } from './rule-ast';

export type RuleValue = number | string | boolean;

export interface RuleEvaluationContext {
  /** The value of a field; only asked for fields the caller has made available. */
  value(field: string): RuleValue;
  isPresent(field: string): boolean;
}

/** Relative tolerance for numeric equality, so that decimal sums such as 0.1 + 0.2 = 0.3 hold. */
export const RELATIVE_TOLERANCE = 1e-9;

/**
 * Evaluates a type-checked boolean expression. `undecided` means the value cannot be known
 * (a division by zero), like an empty cell.
 */
export function evaluateCondition(expression: RuleExpression, context: RuleEvaluationContext): boolean | 'undecided' {
  try {
    return evaluate(expression, context) === true;
  } catch (error) {
    if (error instanceof DivisionByZero) return 'undecided';
    throw error;
  }
}

export function numbersEqual(left: number, right: number): boolean {
  if (left === right) return true;
  if (!Number.isFinite(left) || !Number.isFinite(right)) return false;
  return Math.abs(left - right) <= RELATIVE_TOLERANCE * Math.max(Math.abs(left), Math.abs(right));
}

class DivisionByZero extends Error {}

function evaluate(expression: RuleExpression, context: RuleEvaluationContext): RuleValue {
  switch (expression.kind) {
    case 'number':
    case 'string':
    case 'boolean':
      return expression.value;
    case 'field':
      return context.value(expression.name);
    case 'negate':
      return -number(expression.operand, context);
    case 'not':
      return !evaluate(expression.operand, context);
    case 'arithmetic':
      return arithmetic(expression.operator, number(expression.left, context), number(expression.right, context));
    case 'comparison':
      return compare(expression.operator, evaluate(expression.left, context), evaluate(expression.right, context));
    case 'logical':
      return expression.operator === 'and'
        ? evaluate(expression.left, context) === true && evaluate(expression.right, context) === true
        : evaluate(expression.left, context) === true || evaluate(expression.right, context) === true;
    case 'call':
      return call(expression.name, expression.args, context);
  }
}

function number(expression: RuleExpression, context: RuleEvaluationContext): number {
  return evaluate(expression, context) as number;
}

function arithmetic(operator: '+' | '-' | '*' | '/', left: number, right: number): number {
  switch (operator) {
    case '+':
      return left + right;
    case '-':
      return left - right;
    case '*':
      return left * right;
    case '/':
      if (right === 0) throw new DivisionByZero();
      return left / right;
  }
}

function compare(operator: ComparisonOperator, left: RuleValue, right: RuleValue): boolean {
  const equal = typeof left === 'number' && typeof right === 'number' ? numbersEqual(left, right) : left === right;
  switch (operator) {
    case '=':
      return equal;
    case '!=':
      return !equal;
    case '<':
      return left < right && !equal;
    case '<=':
      return left < right || equal;
    case '>':
      return left > right && !equal;
    case '>=':
      return left > right || equal;
  }
}

function call(name: string, args: readonly RuleExpression[], context: RuleEvaluationContext): RuleValue {
  const fieldName = (index: number): string => {
    const arg = args[index];
    return arg.kind === 'field' ? arg.name : '';
  };
  const numbers = (): number[] => args.map((arg) => number(arg, context));
  switch (name) {
    case 'present':
      return context.isPresent(fieldName(0));
    case 'missing':
      return !context.isPresent(fieldName(0));
    case 'both_or_neither':
      return context.isPresent(fieldName(0)) === context.isPresent(fieldName(1));
    case 'not_both':
      return !(context.isPresent(fieldName(0)) && context.isPresent(fieldName(1)));
    case 'sum':
      return numbers().reduce((total, value) => total + value, 0);
    case 'abs':
      return Math.abs(number(args[0], context));
    case 'min':
      return Math.min(...numbers());
    case 'max':
      return Math.max(...numbers());
    case 'if':
      return evaluate(args[0], context) === true ? evaluate(args[1], context) : evaluate(args[2], context);
    default:
      throw new Error(`Unknown rule function ${name}: the expression was not type-checked.`);
  }
}
