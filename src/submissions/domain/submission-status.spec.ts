import { allowedActions, nextStatus, SUBMISSION_ACTIONS, SUBMISSION_STATUSES, transitionRefusal } from './submission-status';

describe('submission status machine', () => {
  it.each([
    ['not_started', 'upload', 'draft'],
    ['draft', 'upload', 'draft'],
    ['returned', 'upload', 'returned'],
    ['draft', 'submit', 'submitted'],
    ['returned', 'submit', 'submitted'],
    ['submitted', 'approve', 'approved'],
    ['submitted', 'return', 'returned'],
    ['approved', 'reopen', 'returned'],
    ['draft', 'backfill', 'approved'],
    ['returned', 'backfill', 'approved'],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
  });

  it('allows exactly the ten transitions above and refuses every other pair', () => {
    const allowed = SUBMISSION_STATUSES.flatMap((from) => SUBMISSION_ACTIONS.filter((action) => nextStatus(from, action) !== null).map((a) => `${from}:${a}`));
    expect(allowed.sort()).toEqual(
      [
        'approved:reopen',
        'draft:backfill',
        'draft:submit',
        'draft:upload',
        'not_started:upload',
        'returned:backfill',
        'returned:submit',
        'returned:upload',
        'submitted:approve',
        'submitted:return',
      ].sort(),
    );
  });

  it('keeps an approved submission final except for reopening', () => {
    expect(allowedActions('approved')).toEqual(['reopen']);
  });

  it('explains a refusal in Vietnamese with the allowed actions', () => {
    expect(transitionRefusal('submitted', 'upload')).toBe(
      'Không thể tải lên phiên bản mới khi báo cáo đang ở trạng thái "đã gửi, chờ duyệt"; thao tác hợp lệ: duyệt, trả lại.',
    );
    expect(transitionRefusal('not_started', 'submit')).toBe(
      'Không thể gửi báo cáo khi báo cáo đang ở trạng thái "chưa nộp"; thao tác hợp lệ: tải lên phiên bản mới.',
    );
  });
});
