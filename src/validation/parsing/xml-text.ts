/**
 * Just enough XML for the few small, machine-written OOXML parts we read ourselves
 * (workbook.xml, its relationships, [Content_Types].xml): elements by local name and their attributes.
 */
const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return safeFromCodePoint(parseInt(name.slice(2), 16), whole);
    if (name.startsWith('#')) return safeFromCodePoint(parseInt(name.slice(1), 10), whole);
    return ENTITY[name] ?? whole;
  });
}

/** Attributes of every start or empty element with this local name (any namespace prefix). */
export function elementsByLocalName(xml: string, localName: string): Map<string, string>[] {
  const pattern = new RegExp(`<(?:[\\w.-]+:)?${localName}(?=[\\s/>])([^>]*)>`, 'g');
  const found: Map<string, string>[] = [];
  for (const match of xml.matchAll(pattern)) found.push(parseAttributes(match[1]));
  return found;
}

/** Attribute map keyed by qualified name (`r:id`) and, when prefixed, also by local name (`id`) unless taken. */
export function parseAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(/([\w.:-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    const name = match[1];
    const value = decodeXmlEntities(match[3] ?? match[4] ?? '');
    attributes.set(name, value);
  }
  for (const [name, value] of [...attributes]) {
    const colon = name.indexOf(':');
    if (colon > 0 && name.slice(0, colon) !== 'xmlns') {
      const local = name.slice(colon + 1);
      if (!attributes.has(local)) attributes.set(local, value);
    }
  }
  return attributes;
}

function safeFromCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}
