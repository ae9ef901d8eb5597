/**
 * Number text as officers and spreadsheets write it, read without guessing. Vietnamese writes
 * `1.234.567,5` (dot groups thousands, comma marks decimals); English-locale exports write
 * `1,234,567.5`. Most values show which convention they follow, and that is evidence about the file;
 * a value such as `1.000` or `456,000` (one separator, then exactly three digits) reads either way and
 * is left for the file's evidence to settle (number-convention.ts).
 */

/** What an unambiguous value shows about the convention, as bits. */
export const DOT_GROUPING = 1;
export const COMMA_DECIMAL = 2;
export const COMMA_GROUPING = 4;
export const DOT_DECIMAL = 8;
export type NumberEvidence = number;

export type Separator = '.' | ',';

export type NumberText =
  /** One reading only; `evidence` says what it shows about the convention (0 when nothing). */
  | { kind: 'number'; value: number; evidence: NumberEvidence; percent: boolean }
  /** `grouped`: the separator groups thousands (1.000 -> 1000); `decimal`: it is the decimal mark (1.000 -> 1). */
  | { kind: 'ambiguous'; separator: Separator; grouped: number; decimal: number; percent: boolean }
  | { kind: 'malformed' }
  | { kind: 'out_of_range' };

const GROUPING_SPACES = /[ \u00a0\u202f]/g;
const HAS_GROUPING_SPACE = /[ \u00a0\u202f]/;
const PERCENT_SIGN = 0x25;
const MINUS = 0x2d;
const MINUS_SIGN = 0x2212;
const PLUS = 0x2b;
const PLAIN = /^\d+$/;
/** `1.000`, `456,000`: one separator then three digits, which may group thousands or mark decimals. */
const AMBIGUOUS = /^[1-9]\d{0,2}[.,]\d{3}$/;
const DOT_GROUPED = /^[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?$/;
const COMMA_GROUPED = /^[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/;
/** `1 234 567`, `1 234,5`: spaces, NBSP or narrow NBSP as grouping (Vietnamese and French writing). */
const SPACE_GROUPED = /^[1-9]\d{0,2}(?: \d{3})+(?:,\d+)?$/;
const COMMA_FRACTION = /^\d+,\d+$/;
const DOT_FRACTION = /^\d+\.\d+$/;

/** Reads trimmed number text; a trailing `%` is kept as a flag, the number is what was written before it. */
export function readNumberText(text: string): NumberText {
  const percent = text.charCodeAt(text.length - 1) === PERCENT_SIGN;
  const body = percent ? text.slice(0, -1).trimEnd() : text;
  const first = body.charCodeAt(0);
  const negative = first === MINUS || first === MINUS_SIGN;
  const signless = negative || first === PLUS ? body.slice(1) : body;
  const unsigned = HAS_GROUPING_SPACE.test(signless) ? signless.replace(GROUPING_SPACES, ' ') : signless;
  const sign = negative ? -1 : 1;

  if (AMBIGUOUS.test(unsigned)) {
    const separator = unsigned.includes('.') ? '.' : ',';
    return {
      kind: 'ambiguous',
      separator,
      grouped: signed(sign, Number(unsigned.replace(separator, ''))),
      decimal: signed(sign, Number(unsigned.replace(separator, '.'))),
      percent,
    };
  }
  const read = machineText(unsigned);
  if (read === null) return { kind: 'malformed' };
  const magnitude = Number(read.text);
  if (!Number.isFinite(magnitude) || magnitude > Number.MAX_SAFE_INTEGER) return { kind: 'out_of_range' };
  return { kind: 'number', value: signed(sign, magnitude), evidence: read.evidence, percent };
}

function machineText(body: string): { text: string; evidence: NumberEvidence } | null {
  if (PLAIN.test(body)) return { text: body, evidence: 0 };
  if (COMMA_FRACTION.test(body)) return { text: body.replace(',', '.'), evidence: COMMA_DECIMAL };
  if (DOT_FRACTION.test(body)) return { text: body, evidence: DOT_DECIMAL };
  if (DOT_GROUPED.test(body)) {
    return { text: body.replace(/\./g, '').replace(',', '.'), evidence: DOT_GROUPING | (body.includes(',') ? COMMA_DECIMAL : 0) };
  }
  if (COMMA_GROUPED.test(body)) {
    return { text: body.replace(/,/g, ''), evidence: COMMA_GROUPING | (body.includes('.') ? DOT_DECIMAL : 0) };
  }
  if (SPACE_GROUPED.test(body)) return { text: body.replace(/ /g, '').replace(',', '.'), evidence: body.includes(',') ? COMMA_DECIMAL : 0 };
  return null;
}

/** `-0` would print as 0 yet compare oddly in JSON round trips; keep a plain zero. */
function signed(sign: number, magnitude: number): number {
  return sign < 0 && magnitude !== 0 ? -magnitude : magnitude;
}
