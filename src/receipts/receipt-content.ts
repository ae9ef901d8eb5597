import { createHash } from 'node:crypto';

/** The fields a receipt vouches for. */
export interface ReceiptContent {
  receiptId: string;
  submissionId: string;
  versionNumber: number;
  fileSha256: string;
  serverTime: string;
  submitter: { id: string | null; email: string | null };
  unit: { id: string; code: string; name: string };
  obligation: { code: string; title: string };
  periodKey: string;
  /** "Quý I/2024"; receipts issued before it was recorded show the label derived from periodKey. */
  periodLabel?: string;
  dueDate: string;
  onTime: boolean;
  /** The sending department on the day of submission, e.g. "Sở Khoa học và Công nghệ tỉnh Tuyên Quang". */
  sender?: string;
  /** The receiving body on the day of submission, e.g. "Vụ Bưu chính, Bộ Khoa học và Công nghệ". */
  receivingBody?: string | null;
}

/** JSON with object keys sorted at every level, so the same content always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as Record<string, unknown>)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

export function receiptHash(content: ReceiptContent): string {
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}
