/**
 * Offset of the first JSON syntax error in `text`, found by a small recursive-descent scanner
 * (V8's SyntaxError messages do not always carry a position). Returns -1 if `text` is valid JSON.
 * Only called after JSON.parse has failed, so speed does not matter.
 */
export function findJsonSyntaxError(text: string): number {
  let pos = 0;
  const fail = (at: number): never => {
    throw new ScanStop(at);
  };
  const skipWs = () => {
    while (pos < text.length && ' \t\n\r'.includes(text[pos])) pos++;
  };
  const expectLiteral = (word: string) => {
    for (let i = 0; i < word.length; i++) if (text[pos + i] !== word[i]) fail(pos + i);
    pos += word.length;
  };
  const scanString = () => {
    pos++; // opening quote
    while (pos < text.length) {
      const ch = text[pos];
      if (ch === '"') {
        pos++;
        return;
      }
      if (ch === '\\') {
        const next = text[pos + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) fail(pos);
          pos += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) pos += 2;
        else fail(pos);
      } else if (ch < ' ') fail(pos);
      else pos++;
    }
    fail(pos);
  };
  const scanNumber = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(pos, pos + 400));
    if (!match || match[0] === '' || match[0] === '-') fail(pos);
    pos += match![0].length;
  };
  const scanValue = (depth: number): void => {
    if (depth > 10_000) fail(pos);
    skipWs();
    const ch = text[pos];
    if (ch === '{') {
      pos++;
      skipWs();
      if (text[pos] === '}') {
        pos++;
        return;
      }
      for (;;) {
        skipWs();
        if (text[pos] !== '"') fail(pos);
        scanString();
        skipWs();
        if (text[pos] !== ':') fail(pos);
        pos++;
        scanValue(depth + 1);
        skipWs();
        if (text[pos] === ',') pos++;
        else if (text[pos] === '}') {
          pos++;
          return;
        } else fail(pos);
      }
    } else if (ch === '[') {
      pos++;
      skipWs();
      if (text[pos] === ']') {
        pos++;
        return;
      }
      for (;;) {
        scanValue(depth + 1);
        skipWs();
        if (text[pos] === ',') pos++;
        else if (text[pos] === ']') {
          pos++;
          return;
        } else fail(pos);
      }
    } else if (ch === '"') scanString();
    else if (ch === 't') expectLiteral('true');
    else if (ch === 'f') expectLiteral('false');
    else if (ch === 'n') expectLiteral('null');
    else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) scanNumber();
    else fail(pos);
  };
  try {
    scanValue(0);
    skipWs();
    return pos < text.length ? pos : -1;
  } catch (error) {
    if (error instanceof ScanStop) return error.offset;
    throw error;
  }
}

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

class ScanStop {
  constructor(readonly offset: number) {}
}
