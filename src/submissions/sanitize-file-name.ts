/**
 * multipart parsers read a plain `filename="…"` parameter as Latin-1, while browsers send UTF-8 bytes
 * there: undo that when the Latin-1 text is really well-formed UTF-8.
 */
export function repairMultipartFileName(name: string): string {
  if (!/[\u0080-\u00ff]/.test(name) || [...name].some((c) => c.charCodeAt(0) > 0xff)) return name;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(name, 'latin1'));
  } catch {
    return name;
  }
}

/** The original file name as stored and echoed back: no path, no control characters, NFC, at most 255 characters. */
export function sanitizeFileName(name: string | undefined, fallback = 'bao-cao'): string {
  const base = repairMultipartFileName(name ?? '').normalize('NFC').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+/, '')
    .trim();
  if (cleaned === '') return fallback;
  if (cleaned.length <= 255) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, 255 - extension.length) + extension;
}
