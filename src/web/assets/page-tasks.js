// Việc cần làm: every obligation and open period of the officer's unit, the most urgent first.
import { getJson } from './api.js';
import { daysLeftText, formatDate } from './format.js';
import { html } from './html.js';
import { Loaded, Tag, useLoad, useTitle } from './ui.js';

export const NEXT_ACTION = {
  upload: 'Tải tệp báo cáo lên hoặc nhập trên web',
  fix_errors: 'Sửa lỗi trong tệp rồi tải lên lại',
  submit: 'Kiểm tra lại và nộp báo cáo',
  revise: 'Đọc ý kiến thẩm định, sửa và nộp lại',
  locked: 'Đã khoá nhập liệu: liên hệ Bộ để được mở',
  await_review: 'Chờ Bộ thẩm định',
  none: 'Không cần làm gì thêm',
};

/** The task's tag: the report's status, or "Có lỗi" for a draft whose latest upload failed validation. */
export function taskTag(task) {
  if (task.status === 'draft' && task.currentVersionValid === false) return html`<${Tag} status="error">Có lỗi</${Tag}>`;
  return html`<${Tag} status=${task.status} />`;
}

export function reportPath(obligationCode, periodKey, unitId) {
  return `/bao-cao/${encodeURIComponent(obligationCode)}/${encodeURIComponent(periodKey)}/${encodeURIComponent(unitId)}`;
}

export function TasksPage({ session }) {
  useTitle('Việc cần làm');
  const unitId = session.user.unitId;
  const state = useLoad(() => (unitId ? getJson(`/api/v1/units/${unitId}/tasks`) : Promise.resolve(null)), [unitId]);
  if (!unitId) {
    return html`<h1>Việc cần làm</h1><p>Trang này dành cho cán bộ của một đơn vị báo cáo. Tài khoản quản trị xem báo cáo của các đơn vị ở trang <a href="/theo-doi">Theo dõi tiến độ</a>.</p>`;
  }
  return html`
    <h1>Việc cần làm</h1>
    <p class="lead">${session.user.unitName}: các báo cáo đang trong kỳ nộp, việc gấp nhất ở trên cùng.</p>
    <${Loaded} state=${state}>
      ${(list) => {
        const todo = list.items.filter((task) => ['upload', 'fix_errors', 'submit', 'revise'].includes(task.nextAction));
        return html`
          <p>${todo.length === 0 ? 'Không có báo cáo nào cần làm lúc này.' : `Có ${todo.length} báo cáo cần làm.`}</p>
          <ul class="task-list" data-testid="tasks">
            ${list.items.map(
              (task) => html`<li class=${`task task--${task.nextAction}`} data-task=${`${task.obligationCode}/${task.periodKey}`}>
                <div class="task__main">
                  <a class="task__link" href=${reportPath(task.obligationCode, task.periodKey, list.unit.id)}>${task.obligationTitle} — ${task.periodLabel}</a>
                  <p class="task__meta">
                    Mã ${task.obligationCode} · Hạn nộp ${formatDate(task.dueDate)} · <span class=${task.daysUntilDue < 0 && !['await_review', 'none'].includes(task.nextAction) ? 'overdue' : ''}>${daysLeftText(task.daysUntilDue)}</span>
                  </p>
                  <p class="task__next"><span class="visually-hidden">Việc tiếp theo: </span>${NEXT_ACTION[task.nextAction]}</p>
                </div>
                <div class="task__status">${taskTag(task)}</div>
              </li>`,
            )}
          </ul>
          ${list.items.length === 0 && html`<p class="muted">Đơn vị không có kỳ báo cáo nào đang mở.</p>`}
        `;
      }}
    </${Loaded}>
  `;
}
