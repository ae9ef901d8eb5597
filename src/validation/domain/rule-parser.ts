import type { ArithmeticOperator, ComparisonOperator, RuleError, RuleExpression } from './rule-ast';
import { tokenize, type RuleToken } from './rule-lexer';

export type ParseResult = { ok: true; expression: RuleExpression } | { ok: false; error: RuleError };

/** Deep and long enough for any real rule, small enough that a hostile one cannot exhaust the stack. */
export const MAX_NESTING_DEPTH = 50;
export const MAX_SOURCE_LENGTH = 4000;

export const KEYWORDS: ReadonlySet<string> = new Set(['and', 'or', 'not', 'true', 'false']);
const COMPARISON_OPERATORS: ReadonlySet<string> = new Set(['=', '!=', '<', '<=', '>', '>=']);

/**
 * Recursive-descent parser for the rule language, from loosest to tightest binding:
 *   or → and → not → comparison (one, not chained) → + - → * / → unary - → primary
 *   primary: number | 'string' | true | false | field | name(args) | ( expression )
 */
export function parseRuleExpression(source: string): ParseResult {
  if (source.length > MAX_SOURCE_LENGTH) {
    return { ok: false, error: { position: 1, message: `Vị trí 1: biểu thức dài quá ${MAX_SOURCE_LENGTH} ký tự.` } };
  }
  const lexed = tokenize(source);
  if (!lexed.ok) return lexed;
  if (lexed.tokens.length === 1) return { ok: false, error: { position: 1, message: 'Vị trí 1: biểu thức rỗng.' } };
  try {
    return { ok: true, expression: new Parser(lexed.tokens).parseAll() };
  } catch (error) {
    if (error instanceof ParseFailure) return { ok: false, error: error.ruleError };
    throw error;
  }
}

class ParseFailure extends Error {
  constructor(readonly ruleError: RuleError) {
    super(ruleError.message);
  }
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: readonly RuleToken[]) {}

  parseAll(): RuleExpression {
    const expression = this.parseOr();
    const next = this.peek();
    if (next.kind === 'operator' && next.text === ',') {
      this.fail(next, 'thừa "," sau khi biểu thức đã kết thúc; số trong quy tắc dùng dấu chấm thập phân, ví dụ 12.5.');
    }
    if (next.kind !== 'end') {
      this.fail(next, `thừa ${describe(next)} sau khi biểu thức đã kết thúc; thiếu "and", "or" hoặc phép tính?`);
    }
    return expression;
  }

  private parseOr(): RuleExpression {
    return this.nested(() => {
      let left = this.parseAnd();
      while (this.isKeyword('or')) {
        const operator = this.advance();
        left = { kind: 'logical', operator: 'or', left, right: this.parseAnd(), position: operator.position };
      }
      return left;
    });
  }

  private parseAnd(): RuleExpression {
    let left = this.parseNot();
    while (this.isKeyword('and')) {
      const operator = this.advance();
      left = { kind: 'logical', operator: 'and', left, right: this.parseNot(), position: operator.position };
    }
    return left;
  }

  private parseNot(): RuleExpression {
    if (!this.isKeyword('not')) return this.parseComparison();
    const keyword = this.advance();
    return this.nested(() => ({ kind: 'not', operand: this.parseNot(), position: keyword.position }));
  }

  private parseComparison(): RuleExpression {
    const left = this.parseAdditive();
    if (!this.isComparison()) return left;
    const operator = this.advance();
    const right = this.parseAdditive();
    if (this.isComparison()) {
      this.fail(this.peek(), 'không được nối tiếp hai phép so sánh; tách thành hai điều kiện nối bằng "and".');
    }
    return { kind: 'comparison', operator: operator.text as ComparisonOperator, left, right, position: operator.position };
  }

  private parseAdditive(): RuleExpression {
    let left = this.parseMultiplicative();
    while (this.isOperator('+') || this.isOperator('-')) {
      const operator = this.advance();
      const right = this.parseMultiplicative();
      left = { kind: 'arithmetic', operator: operator.text as ArithmeticOperator, left, right, position: operator.position };
    }
    return left;
  }

  private parseMultiplicative(): RuleExpression {
    let left = this.parseUnary();
    while (this.isOperator('*') || this.isOperator('/')) {
      const operator = this.advance();
      const right = this.parseUnary();
      left = { kind: 'arithmetic', operator: operator.text as ArithmeticOperator, left, right, position: operator.position };
    }
    return left;
  }

  private parseUnary(): RuleExpression {
    if (!this.isOperator('-')) return this.parsePrimary();
    const minus = this.advance();
    return this.nested(() => ({ kind: 'negate', operand: this.parseUnary(), position: minus.position }));
  }

  private parsePrimary(): RuleExpression {
    const token = this.peek();
    switch (token.kind) {
      case 'number':
        this.advance();
        return { kind: 'number', value: token.value, position: token.position };
      case 'string':
        this.advance();
        return { kind: 'string', value: token.value, position: token.position };
      case 'identifier':
        return this.parseName(token);
      case 'operator':
        if (token.text === '(') return this.parseParenthesised();
        break;
      case 'end':
        break;
    }
    return this.fail(token, `cần một giá trị, tên cột hoặc "(" nhưng gặp ${describe(token)}.`);
  }

  private parseName(token: RuleToken): RuleExpression {
    if (token.text === 'true' || token.text === 'false') {
      this.advance();
      return { kind: 'boolean', value: token.text === 'true', position: token.position };
    }
    if (KEYWORDS.has(token.text)) {
      return this.fail(token, `cần một giá trị, tên cột hoặc "(" nhưng gặp từ khóa "${token.text}".`);
    }
    this.advance();
    if (!this.isOperator('(')) return { kind: 'field', name: token.text, position: token.position };
    this.advance();
    const args = this.parseArguments(token);
    return { kind: 'call', name: token.text, args, position: token.position };
  }

  private parseArguments(callee: RuleToken): RuleExpression[] {
    const args: RuleExpression[] = [];
    if (this.isOperator(')')) {
      this.advance();
      return args;
    }
    for (;;) {
      args.push(this.parseOr());
      const next = this.advance();
      if (next.kind === 'operator' && next.text === ')') return args;
      if (next.kind !== 'operator' || next.text !== ',') {
        this.fail(next, `cần "," hoặc ")" để kết thúc lời gọi hàm ${callee.text} nhưng gặp ${describe(next)}.`);
      }
    }
  }

  private parseParenthesised(): RuleExpression {
    const open = this.advance();
    const expression = this.parseOr();
    const close = this.advance();
    if (close.kind !== 'operator' || close.text !== ')') {
      this.fail(close, `cần ")" đóng ngoặc mở ở vị trí ${open.position} nhưng gặp ${describe(close)}.`);
    }
    return expression;
  }

  private nested<T>(parse: () => T): T {
    this.depth += 1;
    if (this.depth > MAX_NESTING_DEPTH) {
      this.fail(this.peek(), `biểu thức lồng nhau quá sâu (tối đa ${MAX_NESTING_DEPTH} tầng).`);
    }
    try {
      return parse();
    } finally {
      this.depth -= 1;
    }
  }

  private peek(): RuleToken {
    return this.tokens[this.index];
  }

  private advance(): RuleToken {
    const token = this.tokens[this.index];
    if (token.kind !== 'end') this.index += 1;
    return token;
  }

  private isKeyword(keyword: string): boolean {
    const token = this.peek();
    return token.kind === 'identifier' && token.text === keyword;
  }

  private isOperator(operator: string): boolean {
    const token = this.peek();
    return token.kind === 'operator' && token.text === operator;
  }

  private isComparison(): boolean {
    const token = this.peek();
    return token.kind === 'operator' && COMPARISON_OPERATORS.has(token.text);
  }

  private fail(token: RuleToken, message: string): never {
    throw new ParseFailure({ position: token.position, message: `Vị trí ${token.position}: ${message}` });
  }
}

function describe(token: RuleToken): string {
  return token.kind === 'end' ? 'hết biểu thức' : `"${token.text}"`;
}
