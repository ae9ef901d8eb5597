import { MailGuards, type SqlMailGuard } from './mail-guards';
import type { MailMessage } from './mail-message.entity';

const message = (kind: string) => ({ kind, key: `${kind}:1`, context: {} }) as MailMessage;

describe('MailGuards', () => {
  it('reads the facts of SQL guards only, each for its own kind', () => {
    const guards = new MailGuards();
    guards.register('test.function', async () => true);
    guards.register("test.o'sql", { facts: `m.context -> 'flag'`, allows: () => true });
    expect(guards.current().factsSql).toBe(`CASE m.kind WHEN 'test.o''sql' THEN (m.context -> 'flag') END`);
    expect(new MailGuards().current().factsSql).toBe('NULL');
  });

  it('lets a message of a kind without a guard go, and asks the guard of its kind otherwise', async () => {
    const guards = new MailGuards();
    const seen: unknown[] = [];
    guards.register('test.sql', {
      facts: 'NULL',
      allows: (_message, facts) => {
        seen.push(facts);
        return facts === 'still wanted';
      },
    });
    guards.register('test.function', async (checked) => checked.key === 'test.function:1');
    const set = guards.current();
    expect(await set.allows(message('test.other'), null)).toBe(true);
    expect(await set.allows(message('test.sql'), 'still wanted')).toBe(true);
    expect(await set.allows(message('test.sql'), null)).toBe(false);
    expect(seen).toEqual(['still wanted', null]);
    expect(await set.allows(message('test.function'), null)).toBe(true);
  });

  it('keeps a set as it was: a guard registered after the facts were read does not judge by facts never read', async () => {
    const guards = new MailGuards();
    const before = guards.current();
    const refuseAll: SqlMailGuard = { facts: 'TRUE', allows: () => false };
    const unregister = guards.register('test.late', refuseAll);
    expect(await before.allows(message('test.late'), null)).toBe(true);
    expect(before.factsSql).toBe('NULL');
    expect(await guards.current().allows(message('test.late'), true)).toBe(false);
    unregister();
    expect(guards.current().factsSql).toBe('NULL');
  });

  it('refuses a second guard for the same kind', () => {
    const guards = new MailGuards();
    guards.register('test.once', async () => true);
    expect(() => guards.register('test.once', async () => true)).toThrow(/already registered/);
  });
});
