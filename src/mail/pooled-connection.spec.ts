import { PreparedStatement, sqlLiteral } from './pooled-connection';

describe('sqlLiteral', () => {
  it('quotes strings, doubling quotes and escaping backslashes', () => {
    expect(sqlLiteral("Đơn vị 'A'")).toBe("'Đơn vị ''A'''");
    expect(sqlLiteral('a\\b')).toBe(" E'a\\\\b'");
    expect(sqlLiteral("x'); DROP TABLE mail_messages; --")).toBe("'x''); DROP TABLE mail_messages; --'");
  });

  it('writes null, booleans, numbers and dates as SQL', () => {
    expect(sqlLiteral(null)).toBe('NULL');
    expect(sqlLiteral(true)).toBe('TRUE');
    expect(sqlLiteral(false)).toBe('FALSE');
    expect(sqlLiteral(-3)).toBe('-3');
    expect(sqlLiteral(new Date('2025-03-11T03:00:00Z'))).toBe("'2025-03-11T03:00:00.000Z'");
  });

  it('refuses numbers SQL cannot read', () => {
    expect(() => sqlLiteral(Number.NaN)).toThrow();
    expect(() => sqlLiteral(Number.POSITIVE_INFINITY)).toThrow();
  });
});

describe('PreparedStatement', () => {
  it('is named after its text and parameter types', () => {
    const a = new PreparedStatement('SELECT $1::int', ['integer']);
    expect(new PreparedStatement('SELECT $1::int', ['integer']).name).toBe(a.name);
    expect(new PreparedStatement('SELECT $1::int + 1', ['integer']).name).not.toBe(a.name);
    expect(new PreparedStatement('SELECT $1::int', ['bigint']).name).not.toBe(a.name);
  });

  it('calls with literal arguments, as many as it has parameters', () => {
    const statement = new PreparedStatement('SELECT $1, $2', ['text', 'integer']);
    expect(statement.call("it's", 2)).toBe(`EXECUTE ${statement.name}('it''s', 2)`);
    expect(() => statement.call('one')).toThrow(/takes 2 arguments/);
  });
});
