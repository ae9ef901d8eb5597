import type { RuleError } from './rule-ast';

export type RuleToken =
  | { kind: 'number'; value: number; text: string; position: number }
  | { kind: 'string'; value: string; text: string; position: number }
  | { kind: 'identifier'; text: string; position: number }
  | { kind: 'operator'; text: string; position: number }
  | { kind: 'end'; text: ''; position: number };

export type LexResult = { ok: true; tokens: RuleToken[] } | { ok: false; error: RuleError };

const OPERATORS = ['<=', '>=', '!=', '=', '<', '>', '+', '-', '*', '/', '(', ')', ','];
const IDENTIFIER = /[a-z_][a-z0-9_]*/y;
const NUMBER = /\d+(?:\.\d+)?/y;
const WHITESPACE = /\s+/y;

/** Splits a rule expression into tokens; the last token is always `end`. */
export function tokenize(source: string): LexResult {
  const tokens: RuleToken[] = [];
  let offset = 0;
  while (offset < source.length) {
    const position = offset + 1;
    const whitespace = matchAt(WHITESPACE, source, offset);
    if (whitespace !== null) {
      offset += whitespace.length;
      continue;
    }
    const number = matchAt(NUMBER, source, offset);
    if (number !== null) {
      const following = source.charAt(offset + number.length);
      if (/[a-z_.]/i.test(following)) {
        return lexError(position, `số "${number}${following}…" viết sai; số dùng dấu chấm thập phân, ví dụ 12.5.`);
      }
      tokens.push({ kind: 'number', value: Number(number), text: number, position });
      offset += number.length;
      continue;
    }
    const identifier = matchAt(IDENTIFIER, source, offset);
    if (identifier !== null) {
      tokens.push({ kind: 'identifier', text: identifier, position });
      offset += identifier.length;
      continue;
    }
    if (source[offset] === "'") {
      const string = readString(source, offset);
      if (string === null) return lexError(position, 'chuỗi thiếu dấu nháy đơn đóng.');
      tokens.push({ kind: 'string', value: string.value.normalize('NFC'), text: string.text, position });
      offset += string.text.length;
      continue;
    }
    const operator = OPERATORS.find((candidate) => source.startsWith(candidate, offset));
    if (operator !== undefined) {
      tokens.push({ kind: 'operator', text: operator, position });
      offset += operator.length;
      continue;
    }
    const character = String.fromCodePoint(source.codePointAt(offset) ?? 0);
    return lexError(position, `ký tự không hợp lệ "${character}".${hintFor(character)}`);
  }
  tokens.push({ kind: 'end', text: '', position: source.length + 1 });
  return { ok: true, tokens };
}

function hintFor(character: string): string {
  if (/[A-Z]/.test(character)) return ' Tên cột, tên hàm và từ khóa viết thường.';
  const hints: Record<string, string> = {
    '&': ' Dùng "and".',
    '|': ' Dùng "or".',
    '!': ' Dùng "not" hoặc "!=".',
    '"': " Chuỗi đặt trong dấu nháy đơn, ví dụ 'Hà Nội'.",
  };
  return hints[character] ?? '';
}

function matchAt(pattern: RegExp, source: string, offset: number): string | null {
  pattern.lastIndex = offset;
  const match = pattern.exec(source);
  return match === null ? null : match[0];
}

/** A single-quoted string; a quote inside is written twice: `'Nhà ''A'''`. */
function readString(source: string, start: number): { value: string; text: string } | null {
  let value = '';
  let offset = start + 1;
  while (offset < source.length) {
    if (source[offset] === "'") {
      if (source[offset + 1] !== "'") return { value, text: source.slice(start, offset + 1) };
      value += "'";
      offset += 2;
    } else {
      value += source[offset];
      offset += 1;
    }
  }
  return null;
}

function lexError(position: number, message: string): LexResult {
  return { ok: false, error: { position, message: `Vị trí ${position}: ${message}` } };
}
