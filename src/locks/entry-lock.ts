import { addDays, type IsoDate, startOfVietnamDay } from '../periods/domain';

export interface EntryLockState {
  locked: boolean;
  /** The moment uploads and submits close (start of the day after the grace days), when a lock applies. */
  lockedFrom: Date | null;
}

/**
 * A period locks `lockDays` full days after its due date (0 = never), at midnight Vietnam time:
 * due 2025-02-04 with 30 days locks from 2025-03-07T00:00+07:00.
 */
export function entryLockState(dueDate: IsoDate, lockDays: number, now: Date): EntryLockState {
  if (lockDays <= 0) return { locked: false, lockedFrom: null };
  const lockedFrom = startOfVietnamDay(addDays(dueDate, lockDays + 1));
  return { locked: now.getTime() >= lockedFrom.getTime(), lockedFrom };
}
