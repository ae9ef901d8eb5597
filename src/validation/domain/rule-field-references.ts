import type { RuleExpression } from './rule-ast';
import { isPresenceFunction } from './rule-functions';

/** Fields whose values the expression uses (not those it only tests for presence), in source order. */
export function fieldsReadByValue(expression: RuleExpression): string[] {
  return unique(collect(expression, false));
}

/** Every field the expression names, presence tests included, in source order. */
export function fieldsMentioned(expression: RuleExpression): string[] {
  return unique(collect(expression, true));
}

function collect(expression: RuleExpression, includePresence: boolean): string[] {
  switch (expression.kind) {
    case 'number':
    case 'string':
    case 'boolean':
      return [];
    case 'field':
      return [expression.name];
    case 'negate':
    case 'not':
      return collect(expression.operand, includePresence);
    case 'arithmetic':
    case 'comparison':
    case 'logical':
      return [...collect(expression.left, includePresence), ...collect(expression.right, includePresence)];
    case 'call':
      if (!includePresence && isPresenceFunction(expression.name)) return [];
      return expression.args.flatMap((arg) => collect(arg, includePresence));
  }
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}
