/** Batched rows one at a time, for specs that look at rows rather than batches. */
export async function* flatten<T>(batches: AsyncIterable<T[]>): AsyncGenerator<T> {
  for await (const batch of batches) yield* batch;
}
