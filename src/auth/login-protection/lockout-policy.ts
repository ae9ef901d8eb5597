/** How an account is protected after repeated failed sign-ins. */
export interface LockoutPolicy {
  /** Consecutive failures that lock the account. */
  lockAfterFailures: number;
  /** Length of the first lock; each further failure doubles it. */
  firstLockSeconds: number;
  maxLockSeconds: number;
}

/**
 * Seconds an account stays locked after its `failures`-th consecutive failure: none below the
 * threshold, then a delay that doubles with every failure up to the cap. The cap keeps the lock
 * temporary, so that an attacker who knows an address can delay its owner but never shut him out.
 */
export function lockSecondsAfter(failures: number, policy: LockoutPolicy): number {
  if (failures < policy.lockAfterFailures) return 0;
  const doublings = Math.min(failures - policy.lockAfterFailures, 30);
  return Math.min(policy.firstLockSeconds * 2 ** doublings, policy.maxLockSeconds);
}
