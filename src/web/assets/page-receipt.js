// Biên nhận: the signed receipt of record, on screen and printable.
import { getJson } from './api.js';
import { formatDate, formatDateTime, periodLabel } from './format.js';
import { html } from './html.js';
import { Loaded, Notice, SummaryList, useLoad, useTitle } from './ui.js';

export function ReceiptPage({ receiptId }) {
  useTitle(`Biên nhận ${receiptId}`);
  const state = useLoad(
    async () => {
      const [receipt, verification] = await Promise.all([
        getJson(`/api/v1/receipts/${encodeURIComponent(receiptId)}`),
        getJson(`/api/v1/receipts/${encodeURIComponent(receiptId)}/verify`),
      ]);
      return { receipt, verification };
    },
    [receiptId],
  );
  return html`<${Loaded} state=${state}>
    ${({ receipt, verification }) => {
      const c = receipt.content;
      return html`<article class="receipt" data-testid="receipt">
        <p class="caption no-print"><a href=${`/bao-cao/${encodeURIComponent(c.obligation.code)}/${encodeURIComponent(c.periodKey)}/${encodeURIComponent(c.unit.id)}`}>← Về trang báo cáo</a></p>
        <h1>Biên nhận báo cáo</h1>
        <p class="lead">${c.obligation.title}</p>
        <${SummaryList}
          rows=${[
            ['Mã biên nhận', html`<strong data-testid="receipt-id">${c.receiptId}</strong>`],
            ['Đơn vị báo cáo', `${c.unit.name} (mã ${c.unit.code})`],
            ['Nghĩa vụ báo cáo', `${c.obligation.code}`],
            ['Kỳ báo cáo', c.periodLabel ?? periodLabel(c.periodKey)],
            ['Phiên bản', String(c.versionNumber)],
            ['Thời điểm máy chủ nhận', formatDateTime(c.serverTime)],
            ['Hạn nộp', formatDate(c.dueDate)],
            ['Tình trạng', c.onTime ? 'Nộp đúng hạn' : 'Nộp trễ hạn'],
            ['Người nộp', c.submitter.email ?? '–'],
            ['SHA-256 của tệp đã nộp', html`<code class="wrap">${c.fileSha256}</code>`],
            ['Mã băm biên nhận', html`<code class="wrap">${receipt.hash}</code>`],
            ['Chữ ký số (Ed25519)', html`<code class="wrap">${receipt.signature}</code>`],
            ['Mã khoá ký', receipt.keyId],
          ]}
        />
        ${verification.valid
          ? html`<${Notice} kind="success"><p>Đã kiểm tra: nội dung và chữ ký của biên nhận là hợp lệ.</p></${Notice}>`
          : html`<${Notice} kind="error"><p>Biên nhận không khớp chữ ký: nội dung có thể đã bị thay đổi. Hãy báo quản trị viên.</p></${Notice}>`}
        <p class="no-print"><button type="button" class="button" onClick=${() => window.print()}>In biên nhận</button></p>
      </article>`;
    }}
  </${Loaded}>`;
}
