import { isIsoDate } from './calendar-date';
import type { RuleError, RuleExpression } from './rule-ast';
import { RULE_FUNCTIONS, isRuleFunctionName, type RuleFunctionName } from './rule-functions';
import type { FieldDefinition, FieldType } from './schema-definition';

export type RuleType = 'number' | 'text' | 'date' | 'boolean';

const RULE_TYPE_OF_FIELD: Record<FieldType, RuleType> = {
  integer: 'number',
  decimal: 'number',
  text: 'text',
  enum: 'text',
  date: 'date',
  boolean: 'boolean',
};

const TYPE_NAMES: Record<RuleType, string> = {
  number: 'số',
  text: 'văn bản',
  date: 'ngày',
  boolean: 'đúng/sai',
};

const ORDERING_OPERATORS: ReadonlySet<string> = new Set(['<', '<=', '>', '>=']);

/**
 * Checks that an `assert` or `when` expression only names schema fields and known functions,
 * applies each operator to the types it accepts, and yields true/false.
 */
export function checkRuleExpression(
  expression: RuleExpression,
  fields: readonly FieldDefinition[],
  part: 'assert' | 'when',
): RuleError[] {
  const checker = new TypeChecker(new Map(fields.map((field) => [field.key, field])));
  const type = checker.infer(expression);
  if (type !== null && type !== 'boolean') {
    checker.report(1, `${part} phải là một điều kiện đúng/sai, nhưng biểu thức cho ra ${TYPE_NAMES[type]}.`);
  }
  return checker.errors;
}

/** The type an expression yields, or null when an error was already reported for it. */
type Inferred = RuleType | null;

class TypeChecker {
  readonly errors: RuleError[] = [];

  constructor(private readonly fields: ReadonlyMap<string, FieldDefinition>) {}

  infer(expression: RuleExpression): Inferred {
    switch (expression.kind) {
      case 'number':
        return 'number';
      case 'string':
        return 'text';
      case 'boolean':
        return 'boolean';
      case 'field':
        return this.inferField(expression.name, expression.position);
      case 'negate':
        return this.expect(expression.operand, 'number', 'dấu "-" đứng trước') ? 'number' : null;
      case 'not':
        return this.expect(expression.operand, 'boolean', '"not" đứng trước') ? 'boolean' : null;
      case 'arithmetic': {
        const left = this.expect(expression.left, 'number', `vế trái của phép "${expression.operator}"`);
        const right = this.expect(expression.right, 'number', `vế phải của phép "${expression.operator}"`);
        return left && right ? 'number' : null;
      }
      case 'logical': {
        const left = this.expect(expression.left, 'boolean', `vế trái của "${expression.operator}"`);
        const right = this.expect(expression.right, 'boolean', `vế phải của "${expression.operator}"`);
        return left && right ? 'boolean' : null;
      }
      case 'comparison':
        return this.inferComparison(expression);
      case 'call':
        return this.inferCall(expression);
    }
  }

  report(position: number, message: string): void {
    this.errors.push({ position, message: `Vị trí ${position}: ${message}` });
  }

  private inferField(name: string, position: number): Inferred {
    const field = this.fields.get(name);
    if (field === undefined) {
      this.report(position, `không có cột "${name}" trong biểu mẫu.`);
      return null;
    }
    return RULE_TYPE_OF_FIELD[field.type];
  }

  /** Infers the operand and reports unless it has the expected type; true when it does. */
  private expect(expression: RuleExpression, expected: RuleType, role: string): boolean {
    const type = this.infer(expression);
    if (type === null) return false;
    if (type === expected) return true;
    this.report(expression.position, `${role} phải là ${TYPE_NAMES[expected]}, nhưng ở đây là ${TYPE_NAMES[type]}.`);
    return false;
  }

  private inferComparison(expression: Extract<RuleExpression, { kind: 'comparison' }>): Inferred {
    const { left, right, operator, position } = expression;
    const leftType = this.infer(left);
    const rightType = this.infer(right);
    if (leftType === null || rightType === null) return null;
    const comparedType = this.comparedType(left, leftType, right, rightType);
    if (comparedType === null) return null;
    if (comparedType === undefined) {
      this.report(position, `không thể so sánh ${TYPE_NAMES[leftType]} với ${TYPE_NAMES[rightType]}.`);
      return null;
    }
    if (ORDERING_OPERATORS.has(operator) && (comparedType === 'text' || comparedType === 'boolean')) {
      this.report(
        position,
        `phép "${operator}" không dùng cho ${TYPE_NAMES[comparedType]}; chỉ so sánh bằng (=) hoặc khác (!=).`,
      );
      return null;
    }
    return 'boolean';
  }

  /**
   * The type both sides are compared as: undefined when they are incompatible, null when a
   * string literal was already reported. A literal compared with a date is read as an ISO date,
   * and one compared with an enum field must be among its values: both are typos that would
   * otherwise make the rule silently never match.
   */
  private comparedType(
    left: RuleExpression,
    leftType: RuleType,
    right: RuleExpression,
    rightType: RuleType,
  ): Inferred | undefined {
    const literal = right.kind === 'string' ? right : left.kind === 'string' ? left : null;
    const other = literal === right ? left : right;
    const otherType = literal === right ? leftType : rightType;
    if (literal !== null && otherType === 'date') {
      if (isIsoDate(literal.value)) return 'date';
      this.report(literal.position, `'${literal.value}' không phải là ngày dạng yyyy-mm-dd.`);
      return null;
    }
    const field = other.kind === 'field' ? this.fields.get(other.name) : undefined;
    if (literal !== null && field?.type === 'enum' && !(field.enumValues ?? []).includes(literal.value)) {
      this.report(literal.position, `'${literal.value}' không thuộc danh sách giá trị của cột "${field.key}".`);
      return null;
    }
    return leftType === rightType ? leftType : undefined;
  }

  private inferCall(expression: Extract<RuleExpression, { kind: 'call' }>): Inferred {
    const { name, args, position } = expression;
    if (!isRuleFunctionName(name)) {
      this.report(position, `không có hàm "${name}"; các hàm dùng được: ${Object.keys(RULE_FUNCTIONS).join(', ')}.`);
      args.forEach((arg) => this.infer(arg));
      return null;
    }
    if (!this.checkArity(name, args.length, position)) {
      args.forEach((arg) => this.infer(arg));
      return null;
    }
    switch (name) {
      case 'present':
      case 'missing':
      case 'both_or_neither':
      case 'not_both':
        return args.map((arg) => this.checkFieldArgument(name, arg)).every(Boolean) ? 'boolean' : null;
      case 'sum':
      case 'abs':
      case 'min':
      case 'max':
        return args.map((arg, index) => this.expect(arg, 'number', `đối số thứ ${index + 1} của ${name}`)).every(Boolean)
          ? 'number'
          : null;
      case 'if':
        return this.inferIf(args[0], args[1], args[2]);
    }
  }

  private checkArity(name: RuleFunctionName, count: number, position: number): boolean {
    const { minArgs, maxArgs } = RULE_FUNCTIONS[name];
    if (count >= minArgs && count <= maxArgs) return true;
    const expected =
      minArgs === maxArgs ? `đúng ${minArgs}` : maxArgs === Infinity ? `ít nhất ${minArgs}` : `${minArgs} đến ${maxArgs}`;
    this.report(position, `hàm ${name} cần ${expected} đối số, nhưng nhận ${count}.`);
    return false;
  }

  private checkFieldArgument(name: RuleFunctionName, arg: RuleExpression): boolean {
    if (arg.kind !== 'field') {
      this.report(arg.position, `đối số của ${name} phải là tên một cột.`);
      return false;
    }
    return this.inferField(arg.name, arg.position) !== null;
  }

  private inferIf(condition: RuleExpression, whenTrue: RuleExpression, whenFalse: RuleExpression): Inferred {
    const conditionOk = this.expect(condition, 'boolean', 'điều kiện của if');
    const trueType = this.infer(whenTrue);
    const falseType = this.infer(whenFalse);
    if (!conditionOk || trueType === null || falseType === null) return null;
    if (trueType !== falseType) {
      this.report(
        whenFalse.position,
        `hai nhánh của if phải cùng kiểu, nhưng nhánh đúng là ${TYPE_NAMES[trueType]} còn nhánh sai là ${TYPE_NAMES[falseType]}.`,
      );
      return null;
    }
    return trueType;
  }
}
