/** Syntax tree of a rule expression; `position` is the 1-based character offset in the source. */
export type RuleExpression =
  | { kind: 'number'; value: number; position: number }
  | { kind: 'string'; value: string; position: number }
  | { kind: 'boolean'; value: boolean; position: number }
  | { kind: 'field'; name: string; position: number }
  | { kind: 'negate'; operand: RuleExpression; position: number }
  | { kind: 'not'; operand: RuleExpression; position: number }
  | { kind: 'arithmetic'; operator: ArithmeticOperator; left: RuleExpression; right: RuleExpression; position: number }
  | { kind: 'comparison'; operator: ComparisonOperator; left: RuleExpression; right: RuleExpression; position: number }
  | { kind: 'logical'; operator: LogicalOperator; left: RuleExpression; right: RuleExpression; position: number }
  | { kind: 'call'; name: string; args: RuleExpression[]; position: number };

export type ArithmeticOperator = '+' | '-' | '*' | '/';
export type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';
export type LogicalOperator = 'and' | 'or';

/** A parse or type error; `position` is 1-based, the message Vietnamese and self-contained. */
export interface RuleError {
  position: number;
  message: string;
}
