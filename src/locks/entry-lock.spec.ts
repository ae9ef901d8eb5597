import { entryLockState } from './entry-lock';

describe('entryLockState', () => {
  it('locks at midnight Vietnam time after the grace days following the due date', () => {
    expect(entryLockState('2025-02-04', 30, new Date('2025-03-06T16:59:59.999Z'))).toEqual({ locked: false, lockedFrom: new Date('2025-03-06T17:00:00.000Z') });
    expect(entryLockState('2025-02-04', 30, new Date('2025-03-06T17:00:00.000Z')).locked).toBe(true);
  });

  it('never locks with 0 days', () => {
    expect(entryLockState('2020-01-01', 0, new Date('2030-01-01T00:00:00Z'))).toEqual({ locked: false, lockedFrom: null });
  });

  it('is open on the due date itself and during the grace days', () => {
    expect(entryLockState('2025-02-04', 1, new Date('2025-02-05T10:00:00Z')).locked).toBe(false);
    expect(entryLockState('2025-02-04', 1, new Date('2025-02-05T17:00:00Z')).locked).toBe(true);
  });
});
