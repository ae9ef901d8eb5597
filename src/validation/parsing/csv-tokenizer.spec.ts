import { parse } from 'csv-parse/sync';
import { type CsvRecord, CsvTokenizer } from './csv-tokenizer';
import { rejection } from './testing/rejections';

const MAX = 1_000_000;

/** Tokenizes `text` pushed in pieces of the given sizes (cycled). */
function tokenize(text: string, pieceSizes: number[] = [text.length || 1], delimiter = ','): CsvRecord[] {
  const tokenizer = new CsvTokenizer(delimiter, MAX);
  const records: CsvRecord[] = [];
  for (let at = 0, k = 0; at < text.length; k++) {
    const size = pieceSizes[k % pieceSizes.length];
    records.push(...tokenizer.push(text.slice(at, at + size)));
    at += size;
  }
  records.push(...tokenizer.end());
  return records;
}

/** csv-parse with the options the upload used before this tokenizer, line numbers from its raw text. */
function reference(text: string, delimiter: string): CsvRecord[] {
  const items = parse(text, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    trim: true,
    raw: true,
  }) as unknown as Array<{ record: string[]; raw: string }>;
  const breaks = (s: string) => s.match(/\r\n|\r|\n/g)?.length ?? 0;
  let linesBefore = 0;
  return items.map(({ record, raw }) => {
    const line = linesBefore + breaks(/^[\r\n]*/.exec(raw)?.[0] ?? '') + 1;
    linesBefore += breaks(raw);
    return { line, cells: record };
  });
}

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomCsv(next: () => number): { text: string; delimiter: string } {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const delimiter = pick([',', ';', '\t']);
  const newline = pick(['\n', '\r\n']);
  const spaces = () => pick(['', '', ' ', '  ']);
  const unquoted = () => {
    let value = '';
    for (let i = Math.floor(next() * 6); i > 0; i--) value += pick(['a', 'b', 'Đ', 'ệ', '1', '.', ' ', '"', "'"]);
    return value.trimStart().startsWith('"') ? `x${value}` : value;
  };
  const quoted = () => {
    let value = '';
    for (let i = Math.floor(next() * 6); i > 0; i--) value += pick(['a', ',', ';', '\t', '""', '\n', '\r\n', ' ', 'ệ']);
    return `${spaces()}"${value}"${spaces()}`;
  };
  const lines: string[] = [];
  for (let r = 1 + Math.floor(next() * 8); r > 0; r--) {
    const fields = Array.from({ length: 1 + Math.floor(next() * 5) }, () => (next() < 0.4 ? quoted() : unquoted()));
    if (fields.length === 1 && fields[0].trim() === '') fields[0] = 'z';
    lines.push(fields.join(delimiter));
    if (next() < 0.2) lines.push('');
  }
  return { text: lines.join(newline) + (next() < 0.5 ? newline : ''), delimiter };
}

describe('CsvTokenizer', () => {
  it('agrees with csv-parse (cells and starting lines) on 3,000 random files, whole and split at every size', () => {
    const next = random(20261124);
    for (let file = 0; file < 3000; file++) {
      const { text, delimiter } = randomCsv(next);
      const expected = reference(text, delimiter);
      const pieces = [text.length || 1, 1 + (file % 7), 1, 2, 3];
      for (const size of pieces) {
        const actual = tokenize(text, [size], delimiter);
        if (JSON.stringify(actual) !== JSON.stringify(expected)) {
          throw new Error(`file ${file} split every ${size} chars: ${JSON.stringify(text)}\nexpected ${JSON.stringify(expected)}\nactual   ${JSON.stringify(actual)}`);
        }
      }
    }
  });

  it('treats a CRLF split between two pushes as one line break', () => {
    expect(tokenize('a,b\r\nc,d\r\n\r\ne', [4])).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['c', 'd'] },
      { line: 4, cells: ['e'] },
    ]);
  });

  it('counts a lone CR as a line break, as old Mac files have them', () => {
    expect(tokenize('a\rb\r\rc')).toEqual([
      { line: 1, cells: ['a'] },
      { line: 2, cells: ['b'] },
      { line: 4, cells: ['c'] },
    ]);
  });

  it('waits for the next push before deciding whether a quote at the end is doubled', () => {
    expect(tokenize('"say ""hi""",x\n', [5, 1, 1, 1])).toEqual([{ line: 1, cells: ['say "hi"', 'x'] }]);
  });

  it('keeps a field with text after its closing quote as written', () => {
    expect(tokenize('"Trường" A,1\n')).toEqual([{ line: 1, cells: ['"Trường" A', '1'] }]);
  });

  it('keeps an empty last field after a trailing delimiter', () => {
    expect(tokenize('a,b,\n,\n')).toEqual([
      { line: 1, cells: ['a', 'b', ''] },
      { line: 2, cells: ['', ''] },
    ]);
  });

  it('refuses an unclosed quote, naming the line where its record starts', () => {
    const error = rejection(() => tokenize('a,b\n1,2\n"open,3\n4,5\n', [3]));
    expect(error).toMatchObject({ status: 422, code: 'invalid_csv', detail: { csvCode: 'CSV_QUOTE_NOT_CLOSED', line: 3 } });
    expect(error.message).toBe('Không đọc được tệp CSV ở dòng 3: thiếu dấu nháy kép (") đóng.');
  });

  it('refuses a record longer than the limit without waiting for the end of the input', () => {
    const tokenizer = new CsvTokenizer(',', 100);
    expect(tokenizer.push('a,b\n')).toEqual([{ line: 1, cells: ['a', 'b'] }]);
    const error = rejection(() => tokenizer.push(`"${'x'.repeat(150)}`));
    expect(error).toMatchObject({ code: 'invalid_csv', detail: { csvCode: 'CSV_MAX_RECORD_SIZE', line: 2 } });
  });

  it('refuses delimiters it cannot tell apart from quotes or line breaks', () => {
    expect(() => new CsvTokenizer('"', MAX)).toThrow(/delimiter/);
    expect(() => new CsvTokenizer('\n', MAX)).toThrow(/delimiter/);
    expect(() => new CsvTokenizer(';;', MAX)).toThrow(/delimiter/);
  });
});
