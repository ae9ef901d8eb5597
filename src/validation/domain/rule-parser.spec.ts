import type { RuleExpression } from './rule-ast';
import { MAX_NESTING_DEPTH, MAX_SOURCE_LENGTH, parseRuleExpression } from './rule-parser';

/** The tree in prefix form, so precedence reads at a glance: `(+ a (* b c))`. */
function show(expression: RuleExpression): string {
  switch (expression.kind) {
    case 'number':
      return String(expression.value);
    case 'string':
      return `'${expression.value}'`;
    case 'boolean':
      return String(expression.value);
    case 'field':
      return expression.name;
    case 'negate':
      return `(neg ${show(expression.operand)})`;
    case 'not':
      return `(not ${show(expression.operand)})`;
    case 'arithmetic':
    case 'comparison':
    case 'logical':
      return `(${expression.operator} ${show(expression.left)} ${show(expression.right)})`;
    case 'call':
      return `${expression.name}(${expression.args.map(show).join(' ')})`;
  }
}

function parse(source: string): string {
  const result = parseRuleExpression(source);
  if (!result.ok) throw new Error(result.error.message);
  return show(result.expression);
}

function errorOf(source: string): { position: number; message: string } {
  const result = parseRuleExpression(source);
  if (result.ok) throw new Error(`expected ${source} to be rejected`);
  return result.error;
}

describe('parseRuleExpression', () => {
  describe('literals and names', () => {
    it.each([
      ['12', '12'],
      ['12.5', '12.5'],
      ['0.001', '0.001'],
      ["'Hà Nội'", "'Hà Nội'"],
      ["'Nhà ''A'''", "'Nhà 'A''"],
      ["''", "''"],
      ['true', 'true'],
      ['false', 'false'],
      ['so_luong_luy_ke', 'so_luong_luy_ke'],
      ['_tam', '_tam'],
      ['cot2', 'cot2'],
    ])('parses %s', (source, expected) => {
      expect(parse(source)).toBe(expected);
    });

    it('NFC-normalises string literals so they compare equal to coerced text', () => {
      const result = parseRuleExpression(`'${'Hà Nội'.normalize('NFD')}'`);
      expect(result.ok && result.expression).toEqual({ kind: 'string', value: 'Hà Nội', position: 1 });
    });

    it('records 1-based positions of each node', () => {
      const result = parseRuleExpression('a >= sum(b, 2)');
      expect(result.ok && result.expression).toEqual({
        kind: 'comparison',
        operator: '>=',
        position: 3,
        left: { kind: 'field', name: 'a', position: 1 },
        right: {
          kind: 'call',
          name: 'sum',
          position: 6,
          args: [
            { kind: 'field', name: 'b', position: 10 },
            { kind: 'number', value: 2, position: 13 },
          ],
        },
      });
    });
  });

  describe('precedence and associativity', () => {
    it.each([
      ['a + b * c', '(+ a (* b c))'],
      ['(a + b) * c', '(* (+ a b) c)'],
      ['a - b - c', '(- (- a b) c)'],
      ['a / b / c', '(/ (/ a b) c)'],
      ['a - b + c', '(+ (- a b) c)'],
      ['-a * b', '(* (neg a) b)'],
      ['- -a', '(neg (neg a))'],
      ['a - -1', '(- a (neg 1))'],
      ['a + b >= c * 2', '(>= (+ a b) (* c 2))'],
      ['a = 1 or b = 2 and c = 3', '(or (= a 1) (and (= b 2) (= c 3)))'],
      ['(a = 1 or b = 2) and c = 3', '(and (or (= a 1) (= b 2)) (= c 3))'],
      ['not a = 1 and b', '(and (not (= a 1)) b)'],
      ['not not a', '(not (not a))'],
      ['a and b and c', '(and (and a b) c)'],
      ['a or b or c', '(or (or a b) c)'],
    ])('parses %s as %s', (source, expected) => {
      expect(parse(source)).toBe(expected);
    });

    it.each(['=', '!=', '<', '<=', '>', '>='])('parses the comparison %s', (operator) => {
      expect(parse(`a ${operator} b`)).toBe(`(${operator} a b)`);
    });

    it('ignores whitespace, including line breaks', () => {
      expect(parse('  a\n  >=\tb  ')).toBe('(>= a b)');
      expect(parse('a>=b')).toBe('(>= a b)');
    });
  });

  describe('function calls', () => {
    it.each([
      ['present(a)', 'present(a)'],
      ['sum(a, b, c)', 'sum(a b c)'],
      ['if(a > 0, b, c + 1)', 'if((> a 0) b (+ c 1))'],
      ['max(a, min(b, c))', 'max(a min(b c))'],
      ['f()', 'f()'],
      ['abs(a - b) <= 0.1', '(<= abs((- a b)) 0.1)'],
    ])('parses %s', (source, expected) => {
      expect(parse(source)).toBe(expected);
    });

    it('leaves unknown function names and arity to the type checker', () => {
      expect(parse('median(a, b)')).toBe('median(a b)');
    });
  });

  describe('errors, each with its position', () => {
    it.each([
      ['', 1, 'Vị trí 1: biểu thức rỗng.'],
      ['   ', 1, 'Vị trí 1: biểu thức rỗng.'],
      ['a >= ', 6, 'Vị trí 6: cần một giá trị, tên cột hoặc "(" nhưng gặp hết biểu thức.'],
      ['(a + b', 7, 'Vị trí 7: cần ")" đóng ngoặc mở ở vị trí 1 nhưng gặp hết biểu thức.'],
      ['a + b)', 6, 'Vị trí 6: thừa ")" sau khi biểu thức đã kết thúc; thiếu "and", "or" hoặc phép tính?'],
      ['a b', 3, 'Vị trí 3: thừa "b" sau khi biểu thức đã kết thúc; thiếu "and", "or" hoặc phép tính?'],
      ['a < b < c', 7, 'Vị trí 7: không được nối tiếp hai phép so sánh; tách thành hai điều kiện nối bằng "and".'],
      ['a == b', 4, 'Vị trí 4: cần một giá trị, tên cột hoặc "(" nhưng gặp "=".'],
      ['sum(a b)', 7, 'Vị trí 7: cần "," hoặc ")" để kết thúc lời gọi hàm sum nhưng gặp "b".'],
      ['sum(a,', 7, 'Vị trí 7: cần một giá trị, tên cột hoặc "(" nhưng gặp hết biểu thức.'],
      ['a and or b', 7, 'Vị trí 7: cần một giá trị, tên cột hoặc "(" nhưng gặp từ khóa "or".'],
      ["a = 'Hà Nội", 5, 'Vị trí 5: chuỗi thiếu dấu nháy đơn đóng.'],
      ['a # b', 3, 'Vị trí 3: ký tự không hợp lệ "#".'],
      ['a && b', 3, 'Vị trí 3: ký tự không hợp lệ "&". Dùng "and".'],
      ['a || b', 3, 'Vị trí 3: ký tự không hợp lệ "|". Dùng "or".'],
      ['!a', 1, 'Vị trí 1: ký tự không hợp lệ "!". Dùng "not" hoặc "!=".'],
      ['a = "x"', 5, 'Vị trí 5: ký tự không hợp lệ """. Chuỗi đặt trong dấu nháy đơn, ví dụ \'Hà Nội\'.'],
      ['So_luong > 0', 1, 'Vị trí 1: ký tự không hợp lệ "S". Tên cột, tên hàm và từ khóa viết thường.'],
      ['a > 1,5', 6, 'Vị trí 6: thừa "," sau khi biểu thức đã kết thúc; số trong quy tắc dùng dấu chấm thập phân, ví dụ 12.5.'],
      ['a > 1.', 5, 'Vị trí 5: số "1.…" viết sai; số dùng dấu chấm thập phân, ví dụ 12.5.'],
      ['a > 12abc', 5, 'Vị trí 5: số "12a…" viết sai; số dùng dấu chấm thập phân, ví dụ 12.5.'],
      ['a > 1.2.3', 5, 'Vị trí 5: số "1.2.…" viết sai; số dùng dấu chấm thập phân, ví dụ 12.5.'],
      ['số > 0', 2, 'Vị trí 2: ký tự không hợp lệ "ố".'],
    ])('rejects %j at position %i', (source, position, message) => {
      expect(errorOf(source)).toEqual({ position, message });
    });

    it('rejects nesting deeper than the limit instead of exhausting the stack', () => {
      const depth = MAX_NESTING_DEPTH + 1;
      const source = `${'('.repeat(depth)}a${')'.repeat(depth)}`;
      expect(errorOf(source).message).toContain(`lồng nhau quá sâu (tối đa ${MAX_NESTING_DEPTH} tầng)`);
      expect(errorOf(`${'-'.repeat(depth)}a`).message).toContain('lồng nhau quá sâu');
      expect(errorOf(`${'not '.repeat(depth)}a`).message).toContain('lồng nhau quá sâu');
    });

    it('accepts nesting up to the limit', () => {
      const depth = MAX_NESTING_DEPTH - 2;
      expect(parseRuleExpression(`${'('.repeat(depth)}a${')'.repeat(depth)} > 0`).ok).toBe(true);
    });

    it('rejects a source longer than the limit', () => {
      expect(errorOf('a'.repeat(MAX_SOURCE_LENGTH + 1))).toEqual({
        position: 1,
        message: `Vị trí 1: biểu thức dài quá ${MAX_SOURCE_LENGTH} ký tự.`,
      });
    });

    it('treats JavaScript as a syntax error, never as code', () => {
      expect(errorOf('process.exit(1)')).toEqual({ position: 8, message: 'Vị trí 8: ký tự không hợp lệ ".".' });
      expect(errorOf('a[0]')).toEqual({ position: 2, message: 'Vị trí 2: ký tự không hợp lệ "[".' });
    });
  });
});
