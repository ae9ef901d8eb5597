import { evaluateCondition, numbersEqual } from './rule-evaluator';
import { parseRuleExpression } from './rule-parser';

describe('numbersEqual', () => {
  it('holds within a relative tolerance of 1e-9', () => {
    expect(numbersEqual(0.1 + 0.2, 0.3)).toBe(true);
    expect(numbersEqual(1e12, 1e12 + 0.5)).toBe(true);
    expect(numbersEqual(1, 1 + 1e-8)).toBe(false);
  });

  it('is exact around zero, where a relative tolerance has no scale', () => {
    expect(numbersEqual(0, 0)).toBe(true);
    expect(numbersEqual(0, 1e-12)).toBe(false);
  });

  it('never equates an infinity with a finite number', () => {
    expect(numbersEqual(Infinity, Infinity)).toBe(true);
    expect(numbersEqual(Infinity, 1e300)).toBe(false);
    expect(numbersEqual(-Infinity, Infinity)).toBe(false);
  });
});

describe('evaluateCondition', () => {
  const context = { value: (field: string) => (field === 'zero' ? 0 : 10), isPresent: () => true };

  function evaluate(source: string): boolean | 'undecided' {
    const parsed = parseRuleExpression(source);
    if (!parsed.ok) throw new Error(parsed.error.message);
    return evaluateCondition(parsed.expression, context);
  }

  it('is undecided on a division by zero', () => {
    expect(evaluate('ten / zero > 1')).toBe('undecided');
    expect(evaluate('ten / (ten - ten) = 0')).toBe('undecided');
  });

  it('short-circuits, so a division by zero in an unused branch does not matter', () => {
    expect(evaluate('ten > 1 or ten / zero > 1')).toBe(true);
    expect(evaluate('if(ten > 1, ten, ten / zero) = 10')).toBe(true);
  });
});
