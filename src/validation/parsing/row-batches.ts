/**
 * Rows travel from the readers to the validator in batches: one await per batch instead of several
 * per row, which mattered once each promise also carried the request's logging context.
 */

/** Pulls single items out of a batch iterator (header detection), then hands over the rest as batches. */
export class BatchCursor<T> {
  private pending: T[] = [];
  private index = 0;

  constructor(private readonly source: AsyncIterator<T[]>) {}

  async next(): Promise<T | undefined> {
    while (this.index >= this.pending.length) {
      const next = await this.source.next();
      if (next.done) return undefined;
      this.pending = next.value;
      this.index = 0;
    }
    return this.pending[this.index++];
  }

  /** What is left of the current batch, then the following batches. */
  async *rest(): AsyncGenerator<T[]> {
    const left = this.pending.slice(this.index);
    this.pending = [];
    this.index = 0;
    try {
      if (left.length > 0) yield left;
      for (let next = await this.source.next(); !next.done; next = await this.source.next()) yield next.value;
    } finally {
      await this.source.return?.(undefined);
    }
  }

  async return(): Promise<void> {
    await this.source.return?.(undefined);
  }
}

/** Splits an array into consecutive arrays of up to `size` items. */
export async function* arrayBatches<T>(items: readonly T[], size: number): AsyncGenerator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}
