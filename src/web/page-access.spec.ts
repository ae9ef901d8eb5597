import { safeReturnPath, signInPathFor } from './page-access';

describe('safeReturnPath', () => {
  it('keeps paths of this site with their query', () => {
    expect(safeReturnPath('/bao-cao/TT35-BUU-CHINH/2024-Y/abc?tab=2')).toBe('/bao-cao/TT35-BUU-CHINH/2024-Y/abc?tab=2');
  });

  it('refuses other sites, the API, assets and header injection', () => {
    for (const next of ['https://evil.example/', '//evil.example', '/\\evil.example', '/api/v1/units', '/assets/app/main.js', '/a\r\nSet-Cookie: x', 'viec-can-lam', 42, undefined]) {
      expect(safeReturnPath(next)).toBeNull();
    }
  });
});

describe('signInPathFor', () => {
  it('returns to the page asked for, and says when a session expired', () => {
    expect(signInPathFor('/tham-dinh/5?x=1', false)).toBe('/dang-nhap?next=%2Ftham-dinh%2F5%3Fx%3D1');
    expect(signInPathFor('/theo-doi', true)).toBe('/dang-nhap?next=%2Ftheo-doi&het-han=1');
    expect(signInPathFor('/', false)).toBe('/dang-nhap');
  });
});
