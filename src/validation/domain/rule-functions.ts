export interface RuleFunctionSignature {
  minArgs: number;
  maxArgs: number;
  /** Presence functions take bare field names and look at whether they are filled, not at their values. */
  presence: boolean;
}

export const RULE_FUNCTIONS = {
  present: { minArgs: 1, maxArgs: 1, presence: true },
  missing: { minArgs: 1, maxArgs: 1, presence: true },
  both_or_neither: { minArgs: 2, maxArgs: 2, presence: true },
  not_both: { minArgs: 2, maxArgs: 2, presence: true },
  sum: { minArgs: 1, maxArgs: Infinity, presence: false },
  abs: { minArgs: 1, maxArgs: 1, presence: false },
  min: { minArgs: 1, maxArgs: Infinity, presence: false },
  max: { minArgs: 1, maxArgs: Infinity, presence: false },
  if: { minArgs: 3, maxArgs: 3, presence: false },
} as const satisfies Record<string, RuleFunctionSignature>;

export type RuleFunctionName = keyof typeof RULE_FUNCTIONS;

export function isRuleFunctionName(name: string): name is RuleFunctionName {
  return Object.prototype.hasOwnProperty.call(RULE_FUNCTIONS, name);
}

export function isPresenceFunction(name: string): boolean {
  return isRuleFunctionName(name) && RULE_FUNCTIONS[name].presence;
}
