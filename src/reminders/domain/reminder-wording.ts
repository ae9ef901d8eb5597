import type { SubmissionStatus } from '../../submissions/domain/submission-status';

/** "còn 7 ngày", "hôm nay là hạn cuối", "đã quá hạn 3 ngày". */
export function timingPhrase(daysUntilDue: number): string {
  if (daysUntilDue > 0) return `còn ${daysUntilDue} ngày`;
  if (daysUntilDue === 0) return 'hôm nay là hạn cuối';
  return `đã quá hạn ${-daysUntilDue} ngày`;
}

/** What the unit still has to do, by the status of its report. */
export const MISSING_BY_STATUS: Record<SubmissionStatus, string> = {
  not_started: 'chưa nộp: đơn vị chưa tải lên báo cáo nào cho kỳ này',
  draft: 'đang soạn: báo cáo đã tải lên nhưng chưa được gửi để duyệt',
  returned: 'bị trả lại: báo cáo cần được chỉnh sửa và gửi lại',
  submitted: 'đã gửi, đang chờ Bộ duyệt',
  approved: 'đã duyệt',
};
