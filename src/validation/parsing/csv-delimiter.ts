export type CsvDelimiter = ',' | ';' | '\t';

const CANDIDATES: readonly CsvDelimiter[] = [',', ';', '\t'];

export interface CsvDialect {
  delimiter: CsvDelimiter;
  /** The file starts with Excel's `sep=;` hint line, which is not data and must be skipped. */
  hasSepLine: boolean;
}

/**
 * Picks the delimiter from the header line: the candidate (comma, semicolon, tab) occurring most often
 * outside quotes in the first record; comma on ties or when none occurs. Honours Excel's `sep=X` line.
 * `head` is the start of the decoded text (a few KB is enough).
 */
export function detectCsvDialect(head: string): CsvDialect {
  const text = head.startsWith('\uFEFF') ? head.slice(1) : head;
  const sep = /^sep=([,;\t])\r?\n/i.exec(text);
  if (sep) return { delimiter: sep[1] as CsvDelimiter, hasSepLine: true };

  const counts = new Map<CsvDelimiter, number>(CANDIDATES.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch as CsvDelimiter)) counts.set(ch as CsvDelimiter, (counts.get(ch as CsvDelimiter) ?? 0) + 1);
  }
  let best: CsvDelimiter = ',';
  for (const candidate of CANDIDATES) {
    if ((counts.get(candidate) ?? 0) > (counts.get(best) ?? 0)) best = candidate;
  }
  return { delimiter: best, hasSepLine: false };
}
