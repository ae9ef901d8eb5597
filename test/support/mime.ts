/** Just enough MIME to read what nodemailer sends: headers, RFC 2047 words, multipart, QP and base64. */

export interface MimePart {
  headers: Map<string, string>;
  contentType: string;
  /** Decoded (transfer encoding undone, UTF-8) body of a leaf part; '' for a multipart. */
  body: string;
  parts: MimePart[];
}

export interface ParsedMail extends MimePart {
  /** Subject header exactly as it came over the wire (unfolded), e.g. `=?UTF-8?Q?...?=`. */
  rawSubject: string;
  subject: string;
  text?: string;
  html?: string;
}

function splitHead(raw: string): { head: string; body: string } {
  const at = raw.indexOf('\r\n\r\n');
  return at === -1 ? { head: raw, body: '' } : { head: raw.slice(0, at), body: raw.slice(at + 4) };
}

function parseHeaders(head: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n(?=[ \t])/g, '').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function decodeQuotedPrintable(text: string, inHeader = false): Buffer {
  const source = (inHeader ? text.replace(/_/g, ' ') : text).replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let index = 0; index < source.length; index += 1) {
    const hex = source.slice(index + 1, index + 3);
    if (source[index] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(...Buffer.from(source[index], 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

/** RFC 2047: `=?charset?B|Q?text?=` words; whitespace between two encoded words is dropped. */
export function decodeEncodedWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_word, _charset: string, encoding: string, text: string) =>
      (encoding.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : decodeQuotedPrintable(text, true)).toString('utf8'),
    );
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? '7bit').toLowerCase()) {
    case 'quoted-printable':
      return decodeQuotedPrintable(body).toString('utf8');
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    default:
      return body;
  }
}

function parsePart(raw: string): MimePart {
  const { head, body } = splitHead(raw);
  const headers = parseHeaders(head);
  const contentTypeHeader = headers.get('content-type') ?? 'text/plain';
  const contentType = contentTypeHeader.split(';')[0].trim().toLowerCase();
  const boundary = /boundary="?([^";]+)"?/i.exec(contentTypeHeader)?.[1];
  if (contentType.startsWith('multipart/') && boundary) {
    const sections = body.split(`--${boundary}`).slice(1);
    const parts = sections.filter((section) => !section.startsWith('--')).map((section) => parsePart(section.replace(/^\r\n/, '').replace(/\r\n$/, '')));
    return { headers, contentType, body: '', parts };
  }
  return { headers, contentType, body: decodeBody(body, headers.get('content-transfer-encoding')), parts: [] };
}

function leaves(part: MimePart): MimePart[] {
  return part.parts.length === 0 ? [part] : part.parts.flatMap(leaves);
}

export function parseMail(raw: string): ParsedMail {
  const root = parsePart(raw);
  const rawSubject = root.headers.get('subject') ?? '';
  const all = leaves(root);
  return {
    ...root,
    rawSubject,
    subject: decodeEncodedWords(rawSubject),
    text: all.find((part) => part.contentType === 'text/plain')?.body,
    html: all.find((part) => part.contentType === 'text/html')?.body,
  };
}
