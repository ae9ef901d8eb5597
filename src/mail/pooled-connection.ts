import { createHash } from 'node:crypto';
import { escapeLiteral, type PoolClient, type QueryResult } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/*
 * Plain pg on the DataSource's pool, for a hot path that sends several statements per round trip
 * (e.g. `BEGIN; EXECUTE claim(...)`). Only the simple query protocol allows that, and it has no bind
 * parameters: values go in as literals (sqlLiteral), and PREPARE keeps the planning to once per connection.
 */

export type SqlValue = string | number | boolean | Date | null;

/** `value` as an SQL literal. */
export function sqlLiteral(value: SqlValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not an SQL number: ${value}`);
    return String(value);
  }
  return escapeLiteral(value instanceof Date ? value.toISOString() : value);
}

/** A statement prepared once per connection and run as `EXECUTE name(literals)`. */
export class PreparedStatement {
  /** Derived from the text, so that a statement of another text never reuses the name. */
  readonly name: string;
  private readonly preparedOn = new WeakSet<PoolClient>();

  constructor(
    private readonly sql: string,
    private readonly parameterTypes: readonly string[],
  ) {
    this.name = `baocao_${createHash('sha1').update(`${parameterTypes.join(',')}:${sql}`).digest('hex').slice(0, 20)}`;
  }

  async prepareOn(client: PoolClient): Promise<void> {
    if (this.preparedOn.has(client)) return;
    try {
      await client.query(`PREPARE ${this.name} (${this.parameterTypes.join(', ')}) AS ${this.sql}`);
    } catch (error) {
      // duplicate_prepared_statement: prepared under this name, hence with this very text.
      if ((error as { code?: string }).code !== '42P05') throw error;
    }
    this.preparedOn.add(client);
  }

  /** The EXECUTE statement with these arguments (prepareOn the connection first). */
  call(...values: SqlValue[]): string {
    if (values.length !== this.parameterTypes.length) throw new Error(`${this.name} takes ${this.parameterTypes.length} arguments, got ${values.length}`);
    return `EXECUTE ${this.name}(${values.map(sqlLiteral).join(', ')})`;
  }
}

/** Runs one or more `;`-separated statements in one round trip; a result per statement. */
export async function queryAll(client: PoolClient, sql: string): Promise<QueryResult[]> {
  const result = (await client.query(sql)) as QueryResult | QueryResult[];
  return Array.isArray(result) ? result : [result];
}

/**
 * Runs `work` on a connection of the DataSource's pool. A transaction that `work` left open (it failed
 * half-way) is rolled back before the connection goes back to the pool; a connection that cannot be is discarded.
 */
export async function withPooledConnection<T>(db: DataSource, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const driver = db.driver as PostgresDriver;
  const [client, release] = (await driver.obtainMasterConnection()) as [PoolClient, (error?: Error) => void];
  let broken: Error | undefined;
  // A checked-out client has no pool listener: without this one, a dropped connection would crash the process.
  const onError = (error: Error) => {
    broken = error;
  };
  client.on('error', onError);
  try {
    return await work(client);
  } finally {
    if (!broken && client.getTransactionStatus() !== 'I') {
      await client.query('ROLLBACK').catch((error: unknown) => {
        broken = error as Error;
      });
    }
    client.removeListener('error', onError);
    release(broken);
  }
}
