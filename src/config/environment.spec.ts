import { ConfigurationError, validateEnvironment } from './environment';

const problemsOf = (raw: Record<string, string>): string[] => {
  try {
    validateEnvironment(raw);
    return [];
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
};

describe('validateEnvironment: secrets and first accounts', () => {
  it('refuses a guessable ADMIN_PASSWORD at start-up, with the reason in Vietnamese', () => {
    const problems = problemsOf({ ADMIN_EMAIL: 'quantri@mst.gov.vn', ADMIN_PASSWORD: 'password1234' });
    expect(problems).toEqual([expect.stringMatching(/^ADMIN_PASSWORD is too easy to guess: Mật khẩu quá dễ đoán/)]);
    expect(problemsOf({ ADMIN_EMAIL: 'quantri@mst.gov.vn', ADMIN_PASSWORD: 'quantri@2025' })).toEqual([expect.stringContaining('ADMIN_PASSWORD')]);
    expect(problemsOf({ ADMIN_EMAIL: 'quantri@mst.gov.vn', ADMIN_PASSWORD: 'mat-khau-quan-tri-dai' })).toEqual([]);
  });

  it('refuses a lock cap shorter than the first lock', () => {
    expect(problemsOf({ LOGIN_LOCK_SECONDS: '600', LOGIN_LOCK_MAX_SECONDS: '60' })).toEqual([expect.stringMatching(/^LOGIN_LOCK_MAX_SECONDS must be/)]);
  });

  it('refuses production without RECEIPT_SIGNING_KEY, so that receipts do not depend on JWT_SECRET', () => {
    const secret = 'a-production-secret-with-more-than-32-characters';
    expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: secret })).toEqual([expect.stringMatching(/^RECEIPT_SIGNING_KEY must be set in production/)]);
    expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: secret, RECEIPT_SIGNING_KEY: 'A'.repeat(43) + '=' })).toEqual([]);
  });

  it('reads RECEIPT_RETIRED_PUBLIC_KEYS as a comma-separated list of base64 32-byte keys and refuses anything else', () => {
    const key = (letter: string) => letter.repeat(43) + '=';
    expect(validateEnvironment({ RECEIPT_RETIRED_PUBLIC_KEYS: ` ${key('A')}, ${key('B')} ` }).RECEIPT_RETIRED_PUBLIC_KEYS).toEqual([key('A'), key('B')]);
    expect(problemsOf({ RECEIPT_RETIRED_PUBLIC_KEYS: `${key('A')},not-a-key` })).toEqual([expect.stringMatching(/^RECEIPT_RETIRED_PUBLIC_KEYS must be a comma-separated list/)]);
  });
});
