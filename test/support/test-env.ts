/** Connection settings of the e2e run; global-setup fills them in once per run. */
export const TEST_ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const DEMO_PASSWORD = 'demo-password-e2e';

export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url || !/baocao_test_/.test(url)) throw new Error('DATABASE_URL is not the e2e database; run tests through jest (global-setup)');
  return url;
}
