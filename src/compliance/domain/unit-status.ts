import type { ComplianceStatus } from '../../obligations/obligation.entity';
import type { SubmissionStatus } from '../../submissions/domain/submission-status';
import { daysOverdue, isComplied } from './completion-figures';

/** What a submission row says about one unit, obligation and period (nothing when there is no row). */
export interface SubmissionFacts {
  status: SubmissionStatus;
  submittedAt: Date | null;
  firstSubmittedAt: Date | null;
  /** The due date in force at the first submission. */
  dueDate: string | null;
  onTime: boolean | null;
  daysLate: number | null;
  /** Loaded as history (backfill). */
  backfilled: boolean;
}

export interface UnitStatus {
  status: SubmissionStatus;
  complied: boolean;
  /** The due date recorded at the first submission, else the period's due date now. */
  dueDate: string;
  submittedAt: Date | null;
  firstSubmittedAt: Date | null;
  onTime: boolean | null;
  /** Days the first submission came after the due date (0 on time); null before any submission. */
  daysLate: number | null;
  /** Days past the due date for a unit still owing; null when complied, not yet due, or not tracked. */
  daysOverdue: number | null;
  /** Loaded as history (backfill): neither on time nor late. */
  backfilled: boolean;
}

/** A unit's standing for one obligation and period at `now`; in a period not tracked nobody is on time, late or overdue. */
export function unitStatus(facts: SubmissionFacts | undefined, schedule: { dueDate: string; dueAt: string }, compliesWhen: ComplianceStatus, now: Date, tracked = true): UnitStatus {
  const status = facts?.status ?? 'not_started';
  const complied = isComplied(status, compliesWhen);
  return {
    status,
    complied,
    dueDate: facts?.dueDate ?? schedule.dueDate,
    submittedAt: facts?.submittedAt ?? null,
    firstSubmittedAt: facts?.firstSubmittedAt ?? null,
    onTime: tracked ? (facts?.onTime ?? null) : null,
    daysLate: tracked ? (facts?.daysLate ?? null) : null,
    daysOverdue: tracked ? daysOverdue(complied, schedule.dueDate, schedule.dueAt, now) : null,
    backfilled: facts?.backfilled ?? false,
  };
}
