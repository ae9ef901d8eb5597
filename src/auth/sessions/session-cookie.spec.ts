import { clearedSessionCookie, readCookie, sessionCookie } from './session-cookie';

describe('session cookie', () => {
  it('reads one cookie among others, decoded', () => {
    expect(readCookie('a=1; baocao_session=abc%2Fd; b=2', 'baocao_session')).toBe('abc/d');
    expect(readCookie('baocao_session_x=1', 'baocao_session')).toBeUndefined();
    expect(readCookie(undefined, 'baocao_session')).toBeUndefined();
    expect(readCookie('baocao_session=%E0%A4%A', 'baocao_session')).toBeUndefined();
  });

  it('is HttpOnly, SameSite=Lax, for the whole site, Secure only on HTTPS', () => {
    expect(sessionCookie('t', 3600.7, false)).toBe('baocao_session=t; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax');
    expect(sessionCookie('t', 10, true)).toMatch(/; Secure$/);
    expect(clearedSessionCookie(false)).toBe('baocao_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax');
  });
});
