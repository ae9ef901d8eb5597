import { lockSecondsAfter } from './lockout-policy';

describe('lockSecondsAfter', () => {
  const policy = { lockAfterFailures: 5, firstLockSeconds: 60, maxLockSeconds: 900 };

  it('does not lock before the threshold', () => {
    expect([0, 1, 4].map((failures) => lockSecondsAfter(failures, policy))).toEqual([0, 0, 0]);
  });

  it('locks at the threshold and doubles the delay with each further failure, up to the cap', () => {
    expect([5, 6, 7, 8, 9, 10, 1000].map((failures) => lockSecondsAfter(failures, policy))).toEqual([60, 120, 240, 480, 900, 900, 900]);
  });
});
