import { parseCellRange, type CellRange } from './cell-address';
import { attributeOf, isNamed, XmlTagScanner } from './xml-tag-scanner';

export interface SheetPrescan {
  /** `<mergeCell>` ranges starting at or above `mergeRowLimit` (header area only). */
  merges: CellRange[];
}

export interface PrescanOptions {
  mergeRowLimit: number;
  maxTrackedCells: number;
}

/**
 * One pass over the sheet XML for its merged ranges, which `<mergeCells>` lists after the data but
 * header detection needs before the first row is read.
 */
export async function prescanSheet(chunks: AsyncIterable<Buffer>, options: PrescanOptions): Promise<SheetPrescan> {
  const merges: CellRange[] = [];
  const scanner = new XmlTagScanner((text, tag) => {
    if (tag.closing || !isNamed(text, tag, 'mergeCell')) return undefined;
    const range = parseCellRange(attributeOf(text, tag, 'ref') ?? '');
    if (range && range.top <= options.mergeRowLimit && merges.length < options.maxTrackedCells) merges.push(range);
    return undefined;
  });
  for await (const chunk of chunks) scanner.write(chunk);
  scanner.end();
  return { merges };
}
