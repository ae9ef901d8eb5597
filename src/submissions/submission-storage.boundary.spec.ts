import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const SRC = resolve(__dirname, '..');

/** Every TypeScript source under src/ (migrations live outside it), as paths relative to src/. */
function sources(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [relative(SRC, path).split(sep).join('/')] : [];
  });
}

const FILES = sources().map((path) => ({ path, text: readFileSync(join(SRC, path), 'utf8') }));

const OWNER = 'submissions/submission-storage.repository.ts';
/** The repository's helper that reads and writes original bytes in chunks. */
const CHUNK_STORE = 'submissions/original-file-chunks.ts';

/** Statements on the tables and the view that hold versions and their rows. */
const STORAGE_SQL = /\bsubmission_(versions|version_chunks|row_pages|rows)\b/;
/** TypeORM access to the same tables through their entities. */
const STORAGE_ENTITY_ACCESS = /(getRepository|InjectRepository|Repository<)\(?\s*(SubmissionVersion|SubmissionRowPage)\b/;

/** The top-level folders of src/ a file imports from, other than its own. */
function importedFolders(path: string, text: string): Set<string> {
  const folders = new Set<string>();
  for (const [, specifier] of text.matchAll(/from\s+'(\.{1,2}\/[^']+)'/g)) {
    const target = join(dirname(path), specifier).split(sep).join('/');
    const folder = target.split('/')[0];
    if (folder !== path.split('/')[0] && !folder.startsWith('..')) folders.add(folder);
  }
  return folders;
}

function imports(from: string, to: string): string[] {
  return FILES.filter((file) => file.path.startsWith(`${from}/`) && importedFolders(file.path, file.text).has(to)).map((file) => file.path);
}

describe('submission storage has one owner', () => {
  it('finds the sources it checks', () => {
    expect(FILES.some((file) => file.path === OWNER)).toBe(true);
    expect(FILES.length).toBeGreaterThan(100);
  });

  it('keeps SQL on submission_versions, submission_version_chunks, submission_row_pages and submission_rows in SubmissionStorage and its chunk store (the entities only name their tables)', () => {
    const allowed = new Set([
      OWNER,
      CHUNK_STORE,
      'submissions/submission-version.entity.ts',
      'submissions/submission-version-chunk.entity.ts',
      'submissions/submission-row-page.entity.ts',
    ]);
    expect(FILES.filter((file) => !allowed.has(file.path) && STORAGE_SQL.test(file.text)).map((file) => file.path)).toEqual([]);
  });

  it('keeps repositories of SubmissionVersion and SubmissionRowPage in SubmissionStorage', () => {
    expect(FILES.filter((file) => file.path !== OWNER && STORAGE_ENTITY_ACCESS.test(file.text)).map((file) => file.path)).toEqual([]);
  });

  it('reaches the original bytes only through SubmissionStorage', () => {
    const users = FILES.filter((file) => /from '\.\/original-file-chunks'/.test(file.text)).map((file) => file.path);
    expect(users).toEqual([OWNER]);
  });

  it('writes row pages only through SubmissionStorage', () => {
    const writers = FILES.filter((file) => /new SubmissionRowWriter\(/.test(file.text)).map((file) => file.path);
    expect(writers).toEqual([OWNER]);
  });
});

describe('folder loops stay broken', () => {
  it('locks does not import submissions (submission targets sit below both)', () => {
    expect(imports('locks', 'submissions')).toEqual([]);
    expect(imports('submission-targets', 'submissions')).toEqual([]);
    expect(imports('submission-targets', 'locks')).toEqual([]);
  });

  it('users does not import auth, and access imports neither (roles, the caller and the access decorators sit below both)', () => {
    expect(imports('users', 'auth')).toEqual([]);
    expect(imports('access', 'auth')).toEqual([]);
    expect(imports('access', 'users')).toEqual([]);
  });

  it('sees the imports it checks (the test would notice a loop)', () => {
    expect(imports('submissions', 'locks').length).toBeGreaterThan(0);
    expect(imports('auth', 'users').length).toBeGreaterThan(0);
  });
});
