import { parseCellRange, type CellRange } from './cell-address';
import { parseAttributes } from './xml-text';

export interface SheetPrescan {
  /** `<mergeCell>` ranges starting at or above `mergeRowLimit` (header area only). */
  merges: CellRange[];
}

export interface PrescanOptions {
  mergeRowLimit: number;
  maxTrackedCells: number;
}

const COLON = 0x3a;
const SLASH = 0x2f;

/**
 * One pass over the sheet XML for its merged ranges, which `<mergeCells>` lists after the data but
 * header detection needs before the first row is read. Tags are found with indexOf and their names
 * read in place (latin1 text: the names are ASCII), allocating nothing per tag: a 100,000-row sheet
 * has millions of them.
 */
export async function prescanSheet(chunks: AsyncIterable<Buffer>, options: PrescanOptions): Promise<SheetPrescan> {
  const merges: CellRange[] = [];
  let carry = '';
  for await (const chunk of chunks) {
    const text = carry + chunk.toString('latin1');
    let position = 0;
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
      if (text.charCodeAt(open + 1) === SLASH) continue;
      let i = open + 1;
      let nameStart = i;
      for (; i < close; i++) {
        const code = text.charCodeAt(i);
        if (code === COLON) nameStart = i + 1;
        else if (code <= 0x20 || code === SLASH) break;
      }
      if (i - nameStart !== 9 || !text.startsWith('mergeCell', nameStart)) continue;
      const range = parseCellRange(parseAttributes(text.slice(i, close)).get('ref') ?? '');
      if (range && range.top <= options.mergeRowLimit && merges.length < options.maxTrackedCells) merges.push(range);
    }
    carry = text.slice(pending);
  }
  return { merges };
}
