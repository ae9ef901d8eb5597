import { compliedStatuses, hasComplied, owesAction } from './compliance';

describe('compliance of a unit', () => {
  it('counts only approved reports when the obligation requires approval', () => {
    expect(compliedStatuses('approved')).toEqual(['approved']);
    expect(hasComplied('submitted', 'approved')).toBe(false);
    expect(hasComplied('approved', 'approved')).toBe(true);
  });

  it('counts submitted reports when submitting suffices', () => {
    expect(compliedStatuses('submitted')).toEqual(['submitted', 'approved']);
    expect(hasComplied('submitted', 'submitted')).toBe(true);
  });

  it.each([
    ['not_started', 'approved', true],
    ['draft', 'approved', true],
    ['returned', 'approved', true],
    ['submitted', 'approved', false],
    ['approved', 'approved', false],
    ['not_started', 'submitted', true],
    ['draft', 'submitted', true],
    ['returned', 'submitted', true],
    ['submitted', 'submitted', false],
  ] as const)('a %s report under "%s" leaves the unit something to do: %s', (status, rule, expected) => {
    expect(owesAction(status, rule)).toBe(expected);
  });
});
