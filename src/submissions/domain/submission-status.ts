/**
 * The life of a submission for (obligation, period, unit):
 * not_started -> draft (first upload) -> submitted -> approved,
 * submitted -> returned -> submitted ..., and an admin may reopen an approved one (-> returned).
 * A period that is not tracked is loaded by backfill: the uploaded version is approved at once.
 */
export const SUBMISSION_STATUSES = ['not_started', 'draft', 'submitted', 'returned', 'approved'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export const SUBMISSION_ACTIONS = ['upload', 'submit', 'approve', 'return', 'reopen', 'backfill'] as const;
export type SubmissionAction = (typeof SUBMISSION_ACTIONS)[number];

const TRANSITIONS: Record<SubmissionAction, Partial<Record<SubmissionStatus, SubmissionStatus>>> = {
  upload: { not_started: 'draft', draft: 'draft', returned: 'returned' },
  submit: { draft: 'submitted', returned: 'submitted' },
  approve: { submitted: 'approved' },
  return: { submitted: 'returned' },
  reopen: { approved: 'returned' },
  backfill: { draft: 'approved', returned: 'approved' },
};

export const STATUS_LABELS: Record<SubmissionStatus, string> = {
  not_started: 'chưa nộp',
  draft: 'đang soạn',
  submitted: 'đã gửi, chờ duyệt',
  returned: 'bị trả lại',
  approved: 'đã duyệt',
};

const ACTION_LABELS: Record<SubmissionAction, string> = {
  upload: 'tải lên phiên bản mới',
  submit: 'gửi báo cáo',
  approve: 'duyệt',
  return: 'trả lại',
  reopen: 'mở lại',
  backfill: 'nạp bù số liệu',
};

/** The status after an action, or null when the action is not allowed from that status. */
export function nextStatus(from: SubmissionStatus, action: SubmissionAction): SubmissionStatus | null {
  return TRANSITIONS[action][from] ?? null;
}

export function allowedActions(from: SubmissionStatus): SubmissionAction[] {
  return SUBMISSION_ACTIONS.filter((action) => nextStatus(from, action) !== null);
}

/** Vietnamese explanation of a refused transition. */
export function transitionRefusal(from: SubmissionStatus, action: SubmissionAction): string {
  // Backfill is not a step of the reporting cycle (it loads history), so it is not offered as one.
  const allowed = allowedActions(from)
    .filter((a) => a !== 'backfill')
    .map((a) => ACTION_LABELS[a]);
  return (
    `Không thể ${ACTION_LABELS[action]} khi báo cáo đang ở trạng thái "${STATUS_LABELS[from]}"` +
    (allowed.length > 0 ? `; thao tác hợp lệ: ${allowed.join(', ')}.` : '.')
  );
}
