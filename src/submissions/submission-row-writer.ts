import type { EntityManager } from 'typeorm';
import type { TypedRow } from '../validation/domain/cell-value';

const BATCH_ROWS = 2000;

/**
 * Buffers typed rows and inserts them in batches, one batch in flight while the next is being
 * parsed, so memory stays flat however long the file is and the database works alongside parsing.
 */
export class SubmissionRowWriter {
  private batch: string[] = [];
  private inFlight: Promise<void> = Promise.resolve();
  private failure: unknown = null;

  constructor(
    private readonly manager: EntityManager,
    private readonly versionId: string,
  ) {}

  async add(rowNumber: number, row: TypedRow): Promise<void> {
    this.batch.push(`{"n":${rowNumber},"d":${JSON.stringify(row)}}`);
    if (this.batch.length >= BATCH_ROWS) await this.send();
  }

  /** Sends what is buffered and waits until every batch is stored. */
  async flush(): Promise<void> {
    await this.send();
    await this.inFlight;
    if (this.failure) throw this.failure;
  }

  private async send(): Promise<void> {
    await this.inFlight;
    if (this.failure) throw this.failure;
    if (this.batch.length === 0) return;
    const json = `[${this.batch.join(',')}]`;
    this.batch = [];
    // The failure is kept, not left unhandled, and rethrown at the next send or flush.
    this.inFlight = this.manager
      .query(
        `INSERT INTO submission_rows (version_id, row_number, data)
         SELECT $1, (e ->> 'n')::int, e -> 'd' FROM jsonb_array_elements($2::jsonb) AS e`,
        [this.versionId, json],
      )
      .then(
        () => undefined,
        (error: unknown) => {
          this.failure = error;
        },
      );
  }
}
