import { isDateFormat, isPercentFormat } from './excel-dates';
import { decodeXmlEntities, elementsByLocalName } from './xml-text';
import { isNamed, XmlTagScanner } from './xml-tag-scanner';

/** Excel's built-in number formats that are dates or times (ids 14-22, 45-47), as exceljs knows them. */
const BUILTIN_DATE_FORMATS: Record<number, string> = {
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
};

/** Excel's built-in percent formats. */
const BUILTIN_PERCENT_FORMATS: Record<number, string> = { 9: '0%', 10: '0.00%' };

export interface NumberStyles {
  /** Per cell style index (a cell's `s`): the number format shows a date or time. */
  dateStyles: boolean[];
  /** Per cell style index: the number format shows a percentage (the cell holds 0.125 for 12,5%). */
  percentStyles: boolean[];
}

/** What each cell style's number format shows, from `xl/styles.xml`. */
export function numberStylesOf(stylesXml: string | undefined): NumberStyles {
  if (!stylesXml) return { dateStyles: [], percentStyles: [] };
  const custom = new Map(elementsByLocalName(stylesXml, 'numFmt').map((fmt) => [Number(fmt.get('numFmtId')), fmt.get('formatCode') ?? '']));
  const cellXfs = /<(?:[\w.-]+:)?cellXfs[\s>][\s\S]*?<\/(?:[\w.-]+:)?cellXfs>/.exec(stylesXml)?.[0] ?? '';
  const formats = elementsByLocalName(cellXfs, 'xf').map((xf) => {
    const id = Number(xf.get('numFmtId') ?? 0);
    return custom.get(id) ?? BUILTIN_DATE_FORMATS[id] ?? BUILTIN_PERCENT_FORMATS[id];
  });
  return { dateStyles: formats.map(isDateFormat), percentStyles: formats.map(isPercentFormat) };
}

/**
 * The shared-strings table (`xl/sharedStrings.xml`) from its UTF-8 chunks: each `<si>`'s text, runs of
 * rich text joined, phonetic guides (`<rPh>`) left out, NFC.
 */
export async function readSharedStrings(chunks: AsyncIterable<Buffer>): Promise<string[]> {
  const strings: string[] = [];
  let parts: string[] = [];
  let textStart = -1;
  let inPhonetic = false;
  const scanner = new XmlTagScanner(
    (text, tag) => {
      if (isNamed(text, tag, 'si')) {
        if (tag.selfClosing) strings.push('');
        else if (tag.closing) strings.push(parts.join('').normalize('NFC'));
        else parts = [];
      } else if (isNamed(text, tag, 'rPh')) {
        inPhonetic = !tag.closing && !tag.selfClosing;
      } else if (isNamed(text, tag, 't') && !inPhonetic) {
        if (tag.closing && textStart >= 0) {
          parts.push(xmlText(text.slice(textStart, tag.start)));
          textStart = -1;
        } else if (!tag.closing && !tag.selfClosing) textStart = tag.end;
      }
      return textStart >= 0 ? textStart : undefined;
    },
    (offset) => {
      if (textStart >= 0) textStart -= offset;
    },
  );
  for await (const chunk of chunks) scanner.write(chunk);
  scanner.end();
  return strings;
}

/** Element text: entities decoded only when there are any. */
export function xmlText(raw: string): string {
  return raw.includes('&') ? decodeXmlEntities(raw) : raw;
}
