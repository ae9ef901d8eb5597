import { formatVietnameseDate, formatVietnameseDateTimeSeconds } from '../common/vietnamese-dates';
import { escapeHtml } from '../mail/mail-template';
import { parsePeriodKey } from '../periods/domain';
import type { ReceiptVerification } from './receipts.service';
import type { Receipt } from './receipt.entity';

/** A printable A4 receipt in Vietnamese, self-contained (no scripts, inline styles only). */
export function receiptPage(receipt: Receipt, verification: ReceiptVerification, publicKeyPem: string): string {
  const c = receipt.content;
  const rows: Array<[string, string]> = [
    ['Mã biên nhận', c.receiptId],
    ['Đơn vị báo cáo', `${c.unit.name} (mã ${c.unit.code})`],
    ...(c.sender ? [['Cơ quan gửi báo cáo', c.sender] as [string, string]] : []),
    ...(c.receivingBody ? [['Cơ quan nhận báo cáo', c.receivingBody] as [string, string]] : []),
    ['Báo cáo', `${c.obligation.title} (${c.obligation.code})`],
    ['Kỳ báo cáo', c.periodLabel ?? parsePeriodKey(c.periodKey).label],
    ['Phiên bản', String(c.versionNumber)],
    ['SHA-256 của tệp gốc', c.fileSha256],
    ['Thời điểm máy chủ nhận', `${formatVietnameseDateTimeSeconds(c.serverTime)} (giờ Việt Nam)`],
    ['Người nộp', c.submitter.email ?? '—'],
    ['Hạn nộp', formatVietnameseDate(c.dueDate)],
    ['Tình trạng', c.onTime ? 'Đúng hạn' : 'Nộp muộn'],
    ['Mã băm biên nhận (SHA-256)', receipt.hash],
    ['Chữ ký Ed25519 (base64)', receipt.signature],
    ['Mã khoá ký', receipt.keyId],
    ['Kiểm tra', verification.valid ? 'Hợp lệ' : 'KHÔNG hợp lệ: nội dung hoặc chữ ký đã bị thay đổi'],
  ];
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Biên nhận ${escapeHtml(c.receiptId)}</title>
<style>body{font-family:"Times New Roman",serif;max-width:780px;margin:2em auto;color:#111}h1{font-size:1.4em;text-align:center;text-transform:uppercase}
table{border-collapse:collapse;width:100%}td{border:1px solid #999;padding:6px 8px;vertical-align:top}td:first-child{width:32%;font-weight:bold}
code,pre{font-family:monospace;word-break:break-all;white-space:pre-wrap}@media print{body{margin:0}}</style></head>
<body><h1>Biên nhận báo cáo</h1>
<p style="text-align:center">Hệ thống báo cáo định kỳ — bản in có giá trị đối chiếu</p>
<table>${rows.map(([label, value]) => `<tr><td>${escapeHtml(label)}</td><td><code>${escapeHtml(value)}</code></td></tr>`).join('')}</table>
<p>Khoá công khai để kiểm tra chữ ký:</p><pre>${escapeHtml(publicKeyPem)}</pre>
</body></html>`;
}
