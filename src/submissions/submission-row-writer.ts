import type { EntityManager } from 'typeorm';
import type { TypedRow } from '../validation/domain/cell-value';

const BATCH_ROWS = 2000;

/** Buffers typed rows and inserts them in batches, so memory stays flat however long the file is. */
export class SubmissionRowWriter {
  private rowNumbers: number[] = [];
  private data: string[] = [];

  constructor(
    private readonly manager: EntityManager,
    private readonly versionId: string,
  ) {}

  async add(rowNumber: number, row: TypedRow): Promise<void> {
    this.rowNumbers.push(rowNumber);
    this.data.push(JSON.stringify(row));
    if (this.rowNumbers.length >= BATCH_ROWS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.rowNumbers.length === 0) return;
    const rowNumbers = this.rowNumbers;
    const data = this.data;
    this.rowNumbers = [];
    this.data = [];
    await this.manager.query(
      `INSERT INTO submission_rows (version_id, row_number, data)
       SELECT $1, r.n, r.d FROM unnest($2::int[], $3::jsonb[]) AS r(n, d)`,
      [this.versionId, rowNumbers, data],
    );
  }
}
