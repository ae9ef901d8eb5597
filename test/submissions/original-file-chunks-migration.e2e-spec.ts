import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { OriginalFileChunks1796537100000 } from '../../migrations/1796537100000-OriginalFileChunks';
import { TEST_ADMIN_URL, testDatabaseUrl } from '../support/test-env';

const MIB = 1024 * 1024;

/**
 * The migration that moves `submission_versions.content` into 1 MiB chunks, run up and down on a
 * scratch database holding just the column it moves: every byte survives both ways.
 */
describe('Migration OriginalFileChunks: content into chunks and back', () => {
  const name = `${new URL(testDatabaseUrl()).pathname.slice(1)}_chunks`;
  const url = (() => {
    const u = new URL(TEST_ADMIN_URL);
    u.pathname = `/${name}`;
    return u.toString();
  })();
  const admin = new Client({ connectionString: TEST_ADMIN_URL });
  let dataSource: DataSource;

  const contents: Record<string, Buffer> = {
    '00000000-0000-4000-8000-000000000001': Buffer.alloc(0),
    '00000000-0000-4000-8000-000000000002': Buffer.from('Mã tỉnh,Tên tỉnh\r\n01,Hà Nội\r\n'),
    '00000000-0000-4000-8000-000000000003': randomBytes(MIB),
    '00000000-0000-4000-8000-000000000004': randomBytes(2 * MIB + 12345),
  };

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    dataSource = new DataSource({ type: 'postgres', url });
    await dataSource.initialize();
    await dataSource.query(`CREATE TABLE submission_versions (id uuid PRIMARY KEY, content bytea NOT NULL)`);
    for (const [id, content] of Object.entries(contents)) await dataSource.query('INSERT INTO submission_versions (id, content) VALUES ($1, $2)', [id, content]);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  const run = async (direction: 'up' | 'down') => {
    const runner = dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      await new OriginalFileChunks1796537100000()[direction](runner);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
  };

  it('up: splits every content into chunks of 1 MiB in order, and drops the column', async () => {
    await run('up');
    const chunks: Array<{ id: string; seq: number; data: Buffer }> = await dataSource.query('SELECT version_id AS id, seq, data FROM submission_version_chunks ORDER BY version_id, seq');
    const byVersion = new Map<string, Array<{ seq: number; data: Buffer }>>();
    for (const chunk of chunks) byVersion.set(chunk.id, [...(byVersion.get(chunk.id) ?? []), chunk]);
    expect([...byVersion.keys()].sort()).toEqual(Object.keys(contents).sort());
    for (const [id, content] of Object.entries(contents)) {
      const parts = byVersion.get(id) ?? [];
      expect(parts.map((part) => part.seq)).toEqual(parts.map((_, i) => i));
      expect(parts.every((part) => part.data.length <= MIB)).toBe(true);
      expect(parts).toHaveLength(Math.max(1, Math.ceil(content.length / MIB)));
      expect(Buffer.compare(Buffer.concat(parts.map((part) => part.data)), content)).toBe(0);
    }
    const columns = await dataSource.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'submission_versions'`);
    expect(columns.map((c: { column_name: string }) => c.column_name)).toEqual(['id']);
  });

  it('down: joins the chunks back into content, byte for byte, and drops the chunks', async () => {
    await run('down');
    const rows: Array<{ id: string; content: Buffer }> = await dataSource.query('SELECT id, content FROM submission_versions');
    expect(rows).toHaveLength(Object.keys(contents).length);
    for (const row of rows) expect(Buffer.compare(row.content, contents[row.id])).toBe(0);
    const [table] = await dataSource.query(`SELECT to_regclass('submission_version_chunks') AS t`);
    expect(table.t).toBeNull();
  });

  it("deletes a version's chunks with the version (ON DELETE CASCADE)", async () => {
    await run('up');
    await dataSource.query('DELETE FROM submission_versions WHERE id = $1', ['00000000-0000-4000-8000-000000000004']);
    const [left] = await dataSource.query('SELECT count(*)::int AS n FROM submission_version_chunks WHERE version_id = $1', ['00000000-0000-4000-8000-000000000004']);
    expect(left.n).toBe(0);
  });
});
