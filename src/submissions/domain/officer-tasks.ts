import type { SubmissionStatus } from './submission-status';

export const NEXT_ACTIONS = ['upload', 'fix_errors', 'submit', 'revise', 'locked', 'await_review', 'none'] as const;
/** What the unit should do next about one report. */
export type NextAction = (typeof NEXT_ACTIONS)[number];

export interface TaskFacts {
  status: SubmissionStatus;
  /** Validity of the latest upload; null before any. */
  currentVersionValid: boolean | null;
  /** Uploads and submits are closed (and no exception is in force). */
  locked: boolean;
}

export function nextActionOf(task: TaskFacts): NextAction {
  if (task.status === 'submitted') return 'await_review';
  if (task.status === 'approved') return 'none';
  if (task.locked) return 'locked';
  if (task.status === 'returned') return 'revise';
  if (task.status === 'not_started' || task.currentVersionValid === null) return 'upload';
  return task.currentVersionValid ? 'submit' : 'fix_errors';
}

/** Work the unit can do now comes first, then what it cannot change, then what is done. */
const GROUP: Record<NextAction, number> = { upload: 0, fix_errors: 0, submit: 0, revise: 0, locked: 1, await_review: 2, none: 3 };

/** The most urgent first: things to do by due date (overdue first), then locked, waiting, done. */
export function compareTasks<T extends { nextAction: NextAction; dueDate: string; obligationCode: string; periodKey: string }>(a: T, b: T): number {
  return (
    GROUP[a.nextAction] - GROUP[b.nextAction] ||
    a.dueDate.localeCompare(b.dueDate) ||
    a.obligationCode.localeCompare(b.obligationCode) ||
    a.periodKey.localeCompare(b.periodKey)
  );
}
