const COMBINING_MARKS = /\p{M}/gu;
const INVISIBLE_FORMAT_CHARACTERS = /\p{Cf}/gu;
const PUNCTUATION_AND_SYMBOLS = /[^\p{L}\p{N}_\s]/gu;
const WHITESPACE_RUNS = /\s+/g;

/**
 * Folds a column header (or any label-like text) to a matching key: no diacritics, đ as d,
 * lower case, punctuation and symbols dropped, single spaces. Underscores are kept so that a
 * field key such as `so_luong_trong_nam` stays itself.
 */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    // Ð (U+00D0, eth) stands in for Đ in text converted from legacy Vietnamese encodings.
    .replace(/[đĐÐð]/g, 'd')
    .toLowerCase()
    .replace(INVISIBLE_FORMAT_CHARACTERS, '')
    .replace(PUNCTUATION_AND_SYMBOLS, ' ')
    .replace(WHITESPACE_RUNS, ' ')
    .trim();
}
