import { COMMA_DECIMAL, COMMA_GROUPING, DOT_DECIMAL, DOT_GROUPING, type NumberEvidence, type Separator } from './number-text';

/**
 * How an ambiguous value (`1.000`, `456,000`) is read:
 * - `grouped` / `decimal`: the column's or else the file's evidence settles it;
 * - `grouped_warned`: nothing settles it, the field takes whole numbers so the separator is read as
 *   grouping, but not the Vietnamese way (`456,000`), so the officer is told both readings;
 * - `unsettled`: refused with both readings (`ambiguous_number`).
 */
export type Settlement = 'grouped' | 'decimal' | 'grouped_warned' | 'unsettled';

/**
 * Which evidence settles a separator's role. For the dot: Vietnamese grouping (`1.234.567`) or a
 * decimal comma (`12,5`) make it grouping; English grouping (`1,234,567`) makes it decimal. A decimal dot
 * elsewhere (`103.4`) does not settle `1.000`: officers who type dot decimals also type `1.000` for a
 * thousand, so that file leaves it open. The comma mirrors it, except that a decimal dot (`812.50`)
 * does settle `456,000` as grouping: that is how every English-locale spreadsheet exports.
 */
const SETTLING: Record<Separator, { grouped: NumberEvidence; decimal: NumberEvidence }> = {
  '.': { grouped: DOT_GROUPING | COMMA_DECIMAL, decimal: COMMA_GROUPING },
  ',': { grouped: COMMA_GROUPING | DOT_DECIMAL, decimal: DOT_GROUPING },
};

/** Settles one ambiguous value from the evidence of its column, then of the whole file. */
export function settle(separator: Separator, integer: boolean, column: NumberEvidence, file: NumberEvidence): Settlement {
  const { grouped, decimal } = SETTLING[separator];
  const shown = settledBy(column, grouped, decimal) ?? settledBy(file, grouped, decimal);
  if (shown !== null) return shown;
  if (!integer) return 'unsettled';
  const conflicting = (file & grouped) !== 0 && (file & decimal) !== 0;
  if (conflicting) return 'unsettled';
  // A whole-number field: `1.000` is a thousand the Vietnamese way, unless the file writes dot decimals.
  if (separator === '.') return (file & DOT_DECIMAL) !== 0 ? 'unsettled' : 'grouped';
  return 'grouped_warned';
}

function settledBy(evidence: NumberEvidence, grouped: NumberEvidence, decimal: NumberEvidence): 'grouped' | 'decimal' | null {
  const groupedShown = (evidence & grouped) !== 0;
  const decimalShown = (evidence & decimal) !== 0;
  if (groupedShown === decimalShown) return null;
  return groupedShown ? 'grouped' : 'decimal';
}

/** What the file knows about its number convention, as one column sees it. */
export interface NumberSettler {
  settle(separator: Separator, integer: boolean): Settlement;
  /** A value of the file that showed one of `bits`, to quote. */
  example(bits: NumberEvidence): string | undefined;
  /** Told when an ambiguous value was read the English way (`456,000` as 456000), for the report. */
  readEnglish(text: string, value: number): void;
}

const SETTLEMENTS: readonly Settlement[] = ['grouped', 'decimal', 'grouped_warned', 'unsettled'];

/** Evidence gathered from a file, per column and overall; a second pass starts from the first one's. */
export interface ConventionEvidence {
  file: NumberEvidence;
  /** By 0-based column index. */
  columns: ReadonlyMap<number, NumberEvidence>;
  /** One value that showed each kind of evidence (by bit), to quote to the officer. */
  examples: ReadonlyMap<NumberEvidence, string>;
}

/** What a column was told about one separator: a bit per settlement given. */
interface Given {
  separator: Separator;
  integer: boolean;
  settlements: number;
}

/**
 * The number convention of one file as it streams. Evidence can arrive after an ambiguous value was
 * read (row 1 has `456,000`, row 40 the first `812.50`): each settlement given is remembered per column
 * and separator (a few bits, not the values), and `settledDifferently()` says at the end whether any
 * answer differs from what the complete evidence says, so that the caller can read the file again from
 * the complete evidence. Memory does not grow with the rows.
 */
export class NumberConventions {
  private file: NumberEvidence;
  private readonly columns: Map<number, NumberEvidence>;
  private readonly examples: Map<NumberEvidence, string>;
  private readonly given = new Map<string, Given>();
  /** The first ambiguous value read the English way, to say so in the report. */
  private englishReading: { text: string; value: number } | null = null;

  constructor(start?: ConventionEvidence) {
    this.file = start?.file ?? 0;
    this.columns = new Map(start?.columns ?? []);
    this.examples = new Map(start?.examples ?? []);
  }

  observe(column: number, evidence: NumberEvidence, text: string): void {
    this.file |= evidence;
    this.columns.set(column, (this.columns.get(column) ?? 0) | evidence);
    for (const bit of [DOT_GROUPING, COMMA_DECIMAL, COMMA_GROUPING, DOT_DECIMAL]) {
      if ((evidence & bit) !== 0 && !this.examples.has(bit)) this.examples.set(bit, text);
    }
  }

  /** The convention as one column sees it (its own evidence first, then the file's). */
  settlerFor(column: number): NumberSettler {
    return {
      settle: (separator, integer) => this.settle(column, separator, integer),
      example: (bits) => this.example(bits),
      readEnglish: (text, value) => {
        this.englishReading ??= { text, value };
      },
    };
  }

  evidence(): ConventionEvidence {
    return { file: this.file, columns: new Map(this.columns), examples: new Map(this.examples) };
  }

  /** True when some ambiguous value was read otherwise than the complete evidence reads it now. */
  settledDifferently(): boolean {
    for (const [key, given] of this.given) {
      const column = Number(key.slice(0, -1));
      const now = settle(given.separator, given.integer, this.columns.get(column) ?? 0, this.file);
      if (given.settlements !== 1 << SETTLEMENTS.indexOf(now)) return true;
    }
    return false;
  }

  /** For the report: the file's values were read the English way; null when none was. */
  describe(): string | null {
    if (this.englishReading === null) return null;
    const evidence = this.example(COMMA_GROUPING | DOT_DECIMAL);
    return (
      'Tệp ghi số theo kiểu tiếng Anh (dấu phẩy phân cách hàng nghìn, dấu chấm trước phần thập phân' +
      (evidence === undefined ? '' : `, ví dụ "${evidence}"`) +
      `), nên các số như "${this.englishReading.text}" được đọc là ${String(this.englishReading.value).replace('.', ',')}.`
    );
  }

  private settle(column: number, separator: Separator, integer: boolean): Settlement {
    const settlement = settle(separator, integer, this.columns.get(column) ?? 0, this.file);
    const key = `${column}${separator}`;
    let given = this.given.get(key);
    if (!given) this.given.set(key, (given = { separator, integer, settlements: 0 }));
    given.settlements |= 1 << SETTLEMENTS.indexOf(settlement);
    return settlement;
  }

  /** A value quoted as evidence: the first one seen that shows any of `bits`. */
  private example(bits: NumberEvidence): string | undefined {
    for (const [bit, text] of this.examples) if ((bits & bit) !== 0) return text;
    return undefined;
  }
}
