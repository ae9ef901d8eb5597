import { excelSerialToDate } from './excel-dates';
import { cellError, type CellFlag, type UploadRow } from './upload-types';
import { attributeOf, isNamed, type XmlTag, XmlTagScanner } from './xml-tag-scanner';
import { xmlText } from './xlsx-parts';

export interface SheetContext {
  sharedStrings: readonly string[];
  /** Per cell style index: the number format shows a date (see numberStylesOf). */
  dateStyles: readonly boolean[];
  /** Per cell style index: the number format shows a percentage. */
  percentStyles: readonly boolean[];
  date1904: boolean;
}

interface OpenCell {
  column: number;
  type: string;
  style: number;
  hasFormula: boolean;
  /** Raw text of `<v>`, undefined when the cell has none. */
  value: string | undefined;
  /** Runs of an inline string (`<is>`), undefined outside one. */
  inline: string[] | undefined;
}

/**
 * The rows of a worksheet's XML, read from its UTF-8 chunks and yielded a chunk's worth at a time:
 * Excel row numbers, cells at their column (gaps null), values typed as exceljs would give them
 * (shared and inline strings NFC, numbers, Dates for date-formatted numbers, booleans, error markers),
 * formulas as their cached result and, without one, null with a `formula_without_cached_value` flag;
 * numbers shown with a percent format carry a `percent_format` flag.
 * Rows without any value are skipped.
 */
export async function* readSheetRows(chunks: AsyncIterable<Buffer>, context: SheetContext): AsyncGenerator<UploadRow[]> {
  let ready: UploadRow[] = [];
  let rowNumber = 0;
  let cells: unknown[] = [];
  let flags: CellFlag[] | undefined;
  let hasValue = false;
  let lastColumn = 0;
  let cell: OpenCell | undefined;
  let valueStart = -1;
  let textStart = -1;
  let inPhonetic = false;

  const finishCell = () => {
    const open = cell;
    cell = undefined;
    if (!open) return;
    const { value, missing } = cellValue(open, context);
    if (value === undefined) return;
    while (cells.length < open.column - 1) cells.push(null);
    cells[open.column - 1] = value;
    hasValue = true;
    if (missing) (flags ??= []).push({ columnIndex: open.column - 1, kind: 'formula_without_cached_value' });
    else if (typeof value === 'number' && context.percentStyles[open.style]) (flags ??= []).push({ columnIndex: open.column - 1, kind: 'percent_format' });
  };

  const onTag = (text: string, tag: XmlTag): number | undefined => {
    const length = tag.nameLength;
    if (length === 1) {
      const name = text.charCodeAt(tag.nameStart);
      if (name === 0x63 /* c */) {
        if (tag.closing) finishCell();
        else {
          finishCell();
          const column = columnOf(attributeOf(text, tag, 'r')) ?? lastColumn + 1;
          lastColumn = column;
          const style = attributeOf(text, tag, 's');
          cell = { column, type: attributeOf(text, tag, 't') ?? 'n', style: style === undefined ? 0 : Number(style), hasFormula: false, value: undefined, inline: undefined };
          if (tag.selfClosing) finishCell();
        }
      } else if (name === 0x76 /* v */ && cell) {
        if (tag.closing && valueStart >= 0) {
          cell.value = text.slice(valueStart, tag.start);
          valueStart = -1;
        } else if (!tag.closing) {
          if (tag.selfClosing) cell.value = '';
          else valueStart = tag.end;
        }
      } else if (name === 0x66 /* f */ && cell && !tag.closing) cell.hasFormula = true;
      else if (name === 0x74 /* t */ && cell?.inline && !inPhonetic) {
        if (tag.closing && textStart >= 0) {
          cell.inline.push(xmlText(text.slice(textStart, tag.start)));
          textStart = -1;
        } else if (!tag.closing && !tag.selfClosing) textStart = tag.end;
      }
    } else if (isNamed(text, tag, 'row')) {
      if (tag.closing || tag.selfClosing) {
        finishCell();
        if (tag.selfClosing) rowNumber = Number(attributeOf(text, tag, 'r') ?? rowNumber + 1);
        if (hasValue) ready.push(flags ? { rowNumber, cells, flags } : { rowNumber, cells });
        cells = [];
        flags = undefined;
        hasValue = false;
      } else {
        rowNumber = Number(attributeOf(text, tag, 'r') ?? rowNumber + 1);
        lastColumn = 0;
      }
    } else if (isNamed(text, tag, 'is') && cell) {
      if (!tag.closing) cell.inline = [];
    } else if (isNamed(text, tag, 'rPh')) {
      inPhonetic = !tag.closing && !tag.selfClosing;
    }
    return valueStart >= 0 ? valueStart : textStart >= 0 ? textStart : undefined;
  };

  const scanner = new XmlTagScanner(onTag, (offset) => {
    if (valueStart >= 0) valueStart -= offset;
    if (textStart >= 0) textStart -= offset;
  });
  for await (const chunk of chunks) {
    scanner.write(chunk);
    if (ready.length > 0) {
      yield ready;
      ready = [];
    }
  }
  scanner.end();
  if (ready.length > 0) yield ready;
}

function cellValue(cell: OpenCell, context: SheetContext): { value: unknown; missing: boolean } {
  const { type, value, inline } = cell;
  if (inline !== undefined) return { value: inline.join('').normalize('NFC'), missing: false };
  if (value === undefined) return cell.hasFormula ? { value: null, missing: true } : { value: undefined, missing: false };
  switch (type) {
    case 's':
      return { value: context.sharedStrings[Number(value)] ?? null, missing: false };
    case 'str':
    case 'inlineStr':
      return { value: xmlText(value).normalize('NFC'), missing: false };
    case 'b':
      return { value: value.trim() === '1' || value.trim() === 'true', missing: false };
    case 'e':
      return { value: cellError(xmlText(value).trim()), missing: false };
    case 'd': {
      const date = new Date(value.trim());
      return { value: Number.isNaN(date.getTime()) ? null : date, missing: false };
    }
    default: {
      if (value.trim() === '') return { value: null, missing: false };
      const number = Number(value);
      if (!Number.isFinite(number)) return { value: cellError(null), missing: false };
      return { value: context.dateStyles[cell.style] ? excelSerialToDate(number, context.date1904) : number, missing: false };
    }
  }
}

/** The column number (A = 1) of an A1-style reference, undefined when there is none. */
function columnOf(reference: string | undefined): number | undefined {
  if (!reference) return undefined;
  let column = 0;
  for (let i = 0; i < reference.length; i++) {
    const code = reference.charCodeAt(i) | 0x20;
    if (code < 0x61 || code > 0x7a) break;
    column = column * 26 + (code - 0x60);
  }
  return column > 0 ? column : undefined;
}
