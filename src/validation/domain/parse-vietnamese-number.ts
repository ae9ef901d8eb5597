export type NumberParseResult =
  | { ok: true; value: number }
  | { ok: false; reason: 'malformed' | 'out_of_range' };

const GROUPING_SPACES = /[ \u00a0\u202f]/g;

/** `1.234.567`, `1.234,5`, `1.234` (Vietnamese grouping wins the ambiguity). */
const DOT_GROUPED = /^[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?$/;
/** `1 234 567`, `1 234,5` with spaces, NBSP or narrow NBSP as grouping. */
const SPACE_GROUPED = /^[1-9]\d{0,2}(?: \d{3})+(?:,\d+)?$/;
/** `12,5`, `1234`. */
const COMMA_DECIMAL = /^\d+(?:,\d+)?$/;
/** Machine format `1234.5`, `0.125`, `1234.567`: a dot that cannot be Vietnamese grouping. */
const DOT_DECIMAL = /^\d+\.\d+$/;

/**
 * Parses a number written the Vietnamese way (`.` groups thousands, `,` marks decimals) or in
 * plain machine format where that is unambiguous. The text must already be trimmed.
 */
export function parseVietnameseNumber(text: string): NumberParseResult {
  const negative = text.startsWith('-') || text.startsWith('\u2212');
  const unsigned = negative || text.startsWith('+') ? text.slice(1) : text;
  const body = unsigned.replace(GROUPING_SPACES, ' ');
  const machineText = toMachineText(body);
  if (machineText === null) return { ok: false, reason: 'malformed' };
  const magnitude = Number(machineText);
  if (!Number.isFinite(magnitude) || magnitude > Number.MAX_SAFE_INTEGER) {
    return { ok: false, reason: 'out_of_range' };
  }
  // `-0` would print as 0 yet compare oddly in JSON round trips; keep a plain zero.
  return { ok: true, value: negative && magnitude !== 0 ? -magnitude : magnitude };
}

function toMachineText(body: string): string | null {
  if (DOT_GROUPED.test(body)) return body.replace(/\./g, '').replace(',', '.');
  if (SPACE_GROUPED.test(body)) return body.replace(/ /g, '').replace(',', '.');
  if (COMMA_DECIMAL.test(body)) return body.replace(',', '.');
  if (DOT_DECIMAL.test(body)) return body;
  return null;
}
