import { corruptXlsx } from './zip-archive';

/** The tag being reported; one object reused for every tag, so read it inside the callback only. */
export interface XmlTag {
  /** Local name (after any namespace prefix) as offsets into the text: compare with `isNamed`. */
  nameStart: number;
  nameLength: number;
  closing: boolean;
  selfClosing: boolean;
  /** Offsets of `<` and just after `>` in the text passed to the callback. */
  start: number;
  end: number;
}

/**
 * Receives each tag; returns the earliest offset of `text` it still needs when the text is cut at the
 * end of a chunk (an element whose content it is reading), or undefined.
 */
export type XmlTagHandler = (text: string, tag: XmlTag) => number | undefined;

/** Longest stretch of XML kept across chunks; machine-written OOXML elements are far shorter. */
const MAX_HELD_CHARS = 16 * 1024 * 1024;

/**
 * A forward-only scanner over UTF-8 XML fed in chunks, for the large parts of a workbook (sheet data,
 * shared strings). It finds tags with indexOf and reads their names in place, allocating nothing per
 * tag: a 100,000-row sheet has millions. Text the handler still needs is carried into the next chunk
 * and `shift` tells it how far its offsets moved. Comments and CDATA are not expected in these parts.
 */
export class XmlTagScanner {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private readonly tag: XmlTag = { nameStart: 0, nameLength: 0, closing: false, selfClosing: false, start: 0, end: 0 };
  private carry = '';
  private resume = 0;
  private held: number | undefined;

  constructor(
    private readonly onTag: XmlTagHandler,
    private readonly onShift: (offset: number) => void = () => undefined,
  ) {}

  write(chunk: Buffer): void {
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      throw corruptXlsx('văn bản XML không phải UTF-8');
    }
    this.scan(text);
  }

  end(): void {
    this.scan(this.decoder.decode());
  }

  private scan(more: string): void {
    const text = this.carry.length > 0 ? this.carry + more : more;
    const tag = this.tag;
    let position = this.resume;
    let pending = text.length;
    for (;;) {
      const open = text.indexOf('<', position);
      if (open < 0) break;
      const close = text.indexOf('>', open);
      if (close < 0) {
        pending = open;
        break;
      }
      position = close + 1;
      let i = open + 1;
      tag.closing = text.charCodeAt(i) === 0x2f;
      if (tag.closing) i++;
      let nameStart = i;
      for (; i < close; i++) {
        const code = text.charCodeAt(i);
        if (code === 0x3a) nameStart = i + 1;
        else if (code <= 0x20 || code === 0x2f) break;
      }
      tag.nameStart = nameStart;
      tag.nameLength = i - nameStart;
      tag.selfClosing = text.charCodeAt(close - 1) === 0x2f;
      tag.start = open;
      tag.end = close + 1;
      this.held = this.onTag(text, tag);
    }
    const keepFrom = this.held === undefined ? pending : Math.min(this.held, pending);
    this.carry = text.slice(keepFrom);
    this.resume = pending - keepFrom;
    if (keepFrom > 0 && this.held !== undefined) {
      this.held -= keepFrom;
      this.onShift(keepFrom);
    }
    if (this.carry.length > MAX_HELD_CHARS) throw corruptXlsx('một phần tử XML quá dài');
  }
}

export function isNamed(text: string, tag: XmlTag, name: string): boolean {
  return tag.nameLength === name.length && text.startsWith(name, tag.nameStart);
}

/** An attribute of the tag (double or single quotes), undecoded; undefined when absent. */
export function attributeOf(text: string, tag: XmlTag, name: string): string | undefined {
  const nameEnd = tag.nameStart + tag.nameLength;
  let from = nameEnd;
  for (;;) {
    const at = text.indexOf(name, from);
    if (at < 0 || at >= tag.end) return undefined;
    const after = at + name.length;
    if (text.charCodeAt(at - 1) <= 0x20 && text.charCodeAt(after) === 0x3d) {
      const quote = text[after + 1];
      if (quote === '"' || quote === "'") {
        const valueEnd = text.indexOf(quote, after + 2);
        return valueEnd < 0 || valueEnd >= tag.end ? undefined : text.slice(after + 2, valueEnd);
      }
    }
    from = after;
  }
}
