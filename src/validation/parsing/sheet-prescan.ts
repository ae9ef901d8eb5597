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

/** Longest text kept across chunk boundaries (an open cell with its value); sheet XML cells are short. */
const MAX_CARRY = 1024 * 1024;

const SLASH = 0x2f;
const COLON = 0x3a;
const C = 0x63;
const F = 0x66;
const V = 0x76;

/**
 * One pass over the sheet XML collecting what exceljs's streaming reader drops: merged ranges (listed in
 * `<mergeCells>` after the data, so they must be known before the header is chosen) and formula results
 * it cannot represent. exceljs 4.4 turns a cached error into NaN and then drops every falsy cached result
 * (0, '', false), so a formula cell without `result` is ambiguous; we record the rare cases (errors,
 * booleans, empty strings, no cached value) so that the common one, a cached 0, can be restored.
 * A minimal tag scanner over latin1 text (every name and value we need is ASCII, except empty-string
 * detection which only needs emptiness), constant memory apart from the bounded result. It reads tag
 * names character by character and looks at a cell's attributes only when the cell has a formula: a
 * 100,000-row sheet has millions of tags, and allocating for each of them cost more than exceljs's parse.
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
  // The open cell: where its start tag lies in `text`, whether it has a formula, its cached value.
  let cellStart = -1;
  let cellTagEnd = -1;
  let hasFormula = false;
  let value: string | undefined;
  let valueStart = -1;
  let carry = '';
  /** Where scanning resumes in the next text: the carry may start with tags already read (the open cell's). */
  let resume = 0;

  const finishCell = (text: string) => {
    if (hasFormula && cellStart >= 0) {
      const tag = text.slice(cellStart, cellTagEnd);
      record(/\sr="([^"]*)"/.exec(tag)?.[1] ?? '', /\st="([^"]*)"/.exec(tag)?.[1] ?? 'n', value);
    }
    cellStart = -1;
    hasFormula = false;
    value = undefined;
    valueStart = -1;
  };

  const record = (ref: string, type: string, cached: string | undefined) => {
    const special = cached === undefined || type === 'e' || type === 'b' || (type === 'str' && cached === '');
    if (!special) return;
    if (tracked >= options.maxTrackedCells) {
      result.truncated = true;
      return;
    }
    tracked++;
    if (cached === undefined) result.formulasWithoutValue.add(ref);
    else if (type === 'e') result.formulaErrors.set(ref, cached.trim());
    else if (type === 'b') result.formulaBooleans.set(ref, cached.trim() !== '0');
    else result.formulaEmptyStrings.add(ref);
  };

  for await (const chunk of chunks) {
    const text = carry + chunk.toString('latin1');
    let position = resume;
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
      // The local name: after an optional namespace prefix, up to whitespace, '/' or '>'.
      let i = open + 1;
      const closing = text.charCodeAt(i) === SLASH;
      if (closing) i++;
      let nameStart = i;
      for (; i < close; i++) {
        const code = text.charCodeAt(i);
        if (code === COLON) nameStart = i + 1;
        else if (code <= 0x20 || code === SLASH) break;
      }
      const nameLength = i - nameStart;
      if (nameLength === 1) {
        const name = text.charCodeAt(nameStart);
        if (name === C) {
          if (closing) finishCell(text);
          else {
            finishCell(text);
            cellStart = open;
            cellTagEnd = close + 1;
            if (text.charCodeAt(close - 1) === SLASH) finishCell(text);
          }
        } else if (name === F && !closing && cellStart >= 0) hasFormula = true;
        else if (name === V && hasFormula) {
          if (!closing && text.charCodeAt(close - 1) !== SLASH) valueStart = close + 1;
          else if (closing && valueStart >= 0) {
            value = decodeXmlEntities(text.slice(valueStart, open));
            valueStart = -1;
          }
        }
      } else if (nameLength === 9 && !closing && text.startsWith('mergeCell', nameStart)) {
        const tag = text.slice(open, close + 1);
        const range = parseCellRange(parseAttributes(tag.slice(nameStart - open + nameLength)).get('ref') ?? '');
        if (range && range.top <= options.mergeRowLimit && result.merges.length < options.maxTrackedCells) result.merges.push(range);
      }
    }
    // Keep the unfinished tag, and the open cell's start tag (its attributes are needed if a formula follows).
    const keepFrom = cellStart >= 0 ? Math.min(cellStart, pending) : pending;
    carry = text.slice(keepFrom);
    resume = pending - keepFrom;
    if (cellStart >= 0) {
      cellStart -= keepFrom;
      cellTagEnd -= keepFrom;
      if (valueStart >= 0) valueStart -= keepFrom;
    }
    if (carry.length > MAX_CARRY) {
      carry = carry.slice(resume);
      resume = 0;
      cellStart = -1;
      hasFormula = false;
      value = undefined;
      valueStart = -1;
    }
  }
  return result;
}
