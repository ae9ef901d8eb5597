/** A cell after coercion: numbers, ISO dates and text as strings, booleans; null when empty. */
export type CellValue = number | string | boolean | null;

/** One data row after coercion, keyed by field key; every schema field is present. */
export type TypedRow = Record<string, CellValue>;
