import { parseCellRange, type CellRange } from './cell-address';
import { decodeXmlEntities, parseAttributes } from './xml-text';

export interface SheetPrescan {
  /** `<mergeCell>` ranges starting at or above `mergeRowLimit` (header area only). */
  merges: CellRange[];
  /** Formula cells whose cached result is an Excel error (`t="e"`), by address → code (`#DIV/0!`). */
  formulaErrors: Map<string, string>;
  /** Formula cells with a boolean cached result (`t="b"`), which exceljs's stream reader turns into 1/0. */
  formulaBooleans: Map<string, boolean>;
  /** Formula cells whose cached result is the empty string (exceljs drops it). */
  formulaEmptyStrings: Set<string>;
  /** Formula cells with no cached result at all (`<v>` absent: never calculated by a spreadsheet program). */
  formulasWithoutValue: Set<string>;
  /** More cells than `maxTrackedCells` needed tracking; the sets above are incomplete. */
  truncated: boolean;
}

export interface PrescanOptions {
  mergeRowLimit: number;
  maxTrackedCells: number;
}

/** Longest tag we buffer across chunk boundaries; sheet XML tags are short. */
const MAX_CARRY = 64 * 1024;

/**
 * One pass over the sheet XML collecting what exceljs's streaming reader drops: merged ranges (listed in
 * `<mergeCells>` after the data, so they must be known before the header is chosen) and formula results
 * it cannot represent. exceljs 4.4 turns a cached error into NaN and then drops every falsy cached result
 * (0, '', false), so a formula cell without `result` is ambiguous; we record the rare cases (errors,
 * booleans, empty strings, no cached value) so that the common one, a cached 0, can be restored.
 * A minimal tag scanner over latin1 text (every name and value we need is ASCII, except empty-string
 * detection which only needs emptiness), constant memory apart from the bounded result.
 */
export async function prescanSheet(chunks: AsyncIterable<Buffer>, options: PrescanOptions): Promise<SheetPrescan> {
  const result: SheetPrescan = {
    merges: [],
    formulaErrors: new Map(),
    formulaBooleans: new Map(),
    formulaEmptyStrings: new Set(),
    formulasWithoutValue: new Set(),
    truncated: false,
  };
  let tracked = 0;
  let cell: { ref: string; type: string; hasFormula: boolean; value?: string } | undefined;
  let valueStart = -1;
  let carry = '';

  const onTag = (text: string, tag: string, tagStart: number, tagEnd: number) => {
    const closing = tag[1] === '/';
    const nameMatch = /^<\/?(?:[\w.-]+:)?([\w.-]+)/.exec(tag);
    if (!nameMatch) return;
    const name = nameMatch[1];
    const selfClosing = tag.endsWith('/>');
    if (name === 'c') {
      if (closing) finishCell();
      else {
        cell = { ref: /\sr="([^"]*)"/.exec(tag)?.[1] ?? '', type: /\st="([^"]*)"/.exec(tag)?.[1] ?? 'n', hasFormula: false };
        if (selfClosing) finishCell();
      }
    } else if (name === 'f' && cell && !closing) cell.hasFormula = true;
    else if (name === 'v' && cell) {
      if (!closing && !selfClosing) valueStart = tagEnd;
      else if (closing && valueStart >= 0) {
        cell.value = decodeXmlEntities(text.slice(valueStart, tagStart));
        valueStart = -1;
      }
    } else if (name === 'mergeCell' && !closing) {
      const range = parseCellRange(parseAttributes(tag.slice(nameMatch[0].length)).get('ref') ?? '');
      if (range && range.top <= options.mergeRowLimit && result.merges.length < options.maxTrackedCells) {
        result.merges.push(range);
      }
    }
  };

  const finishCell = () => {
    const current = cell;
    cell = undefined;
    if (!current?.hasFormula) return;
    const { ref, type, value } = current;
    const special = value === undefined || type === 'e' || type === 'b' || (type === 'str' && value === '');
    if (!special) return;
    if (tracked >= options.maxTrackedCells) {
      result.truncated = true;
      return;
    }
    tracked++;
    if (value === undefined) result.formulasWithoutValue.add(ref);
    else if (type === 'e') result.formulaErrors.set(ref, value.trim());
    else if (type === 'b') result.formulaBooleans.set(ref, value.trim() !== '0');
    else result.formulaEmptyStrings.add(ref);
  };

  for await (const chunk of chunks) {
    const text = carry + chunk.toString('latin1');
    let position = 0;
    let consumed = 0;
    for (;;) {
      const open = text.indexOf('<', position);
      if (open < 0) {
        consumed = valueStart >= 0 ? Math.min(valueStart, text.length) : text.length;
        break;
      }
      const close = text.indexOf('>', open);
      if (close < 0) {
        consumed = valueStart >= 0 ? Math.min(valueStart, open) : open;
        break;
      }
      onTag(text, text.slice(open, close + 1), open, close + 1);
      position = close + 1;
      consumed = valueStart >= 0 ? valueStart : position;
    }
    carry = text.slice(consumed);
    if (valueStart >= 0) valueStart -= consumed;
    if (carry.length > MAX_CARRY) {
      carry = '';
      valueStart = -1;
    }
  }
  return result;
}
