/** A name that applies from one day to another (both inclusive; no end while it still applies). */
export interface DatedName {
  name: string;
  validFrom: string;
  validTo: string | null;
}

/** The row in force on an ISO date, if any (the latest start wins should rows overlap). */
export function inForceOn<T extends Pick<DatedName, 'validFrom' | 'validTo'>>(rows: readonly T[], date: string): T | undefined {
  return rows
    .filter((row) => row.validFrom <= date && (row.validTo === null || row.validTo >= date))
    .reduce<T | undefined>((best, row) => (best === undefined || row.validFrom > best.validFrom ? row : best), undefined);
}

/** Spans that overlap another of the same list, as index pairs: data an admin must correct. */
export function overlappingSpans(rows: ReadonlyArray<Pick<DatedName, 'validFrom' | 'validTo'>>): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  rows.forEach((a, i) =>
    rows.forEach((b, j) => {
      if (j <= i) return;
      const aEnd = a.validTo ?? '9999-12-31';
      const bEnd = b.validTo ?? '9999-12-31';
      if (a.validFrom <= bEnd && b.validFrom <= aEnd) pairs.push([i, j]);
    }),
  );
  return pairs;
}
