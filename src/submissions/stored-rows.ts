import type { DataSource, EntityManager } from 'typeorm';
import type { TypedRow } from '../validation/domain/cell-value';

export interface StoredRowView {
  rowNumber: number;
  data: TypedRow;
}

type Queryable = Pick<DataSource | EntityManager, 'query'>;

/** How many typed rows a version has, from the page headers alone. */
export async function countStoredRows(db: Queryable, versionId: string): Promise<number> {
  const [{ total }] = await db.query('SELECT COALESCE(sum(row_count), 0)::int AS total FROM submission_row_pages WHERE version_id = $1', [versionId]);
  return total;
}

/**
 * Rows `offset + 1` to `offset + limit` of a version in file order, unpacking only the pages that hold
 * them (the `submission_rows` view would unpack every page of the version before skipping).
 */
export function storedRowsSlice(db: Queryable, versionId: string, offset: number, limit: number): Promise<StoredRowView[]> {
  return db.query(
    `SELECT (e.value ->> 'n')::int AS "rowNumber", e.value -> 'd' AS data
       FROM (SELECT rows, row_count, sum(row_count) OVER (ORDER BY first_row) - row_count AS before
               FROM submission_row_pages WHERE version_id = $1) AS p
      CROSS JOIN LATERAL jsonb_array_elements(p.rows) WITH ORDINALITY AS e(value, position)
      WHERE p.before < $2::int + $3::int AND p.before + p.row_count > $2::int
        AND p.before + e.position > $2::int AND p.before + e.position <= $2::int + $3::int
      ORDER BY p.before + e.position`,
    [versionId, offset, limit],
  );
}
