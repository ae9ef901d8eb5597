import type { ComplianceStatus } from '../../obligations/obligation.entity';
import type { SubmissionStatus } from '../../submissions/domain/submission-status';

/** Statuses that count as complied under the obligation's rule. */
export function compliedStatuses(compliesWhen: ComplianceStatus): SubmissionStatus[] {
  return compliesWhen === 'submitted' ? ['submitted', 'approved'] : ['approved'];
}

export function hasComplied(status: SubmissionStatus, compliesWhen: ComplianceStatus): boolean {
  return compliedStatuses(compliesWhen).includes(status);
}

/**
 * Whether the unit has something to do: it has not complied, and its report is not waiting for the
 * ministry's review (a submitted report under an `approved` rule is the reviewers' move, not the unit's;
 * if it is returned, reminders resume).
 */
export function owesAction(status: SubmissionStatus, compliesWhen: ComplianceStatus): boolean {
  return !hasComplied(status, compliesWhen) && status !== 'submitted';
}
