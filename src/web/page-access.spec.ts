import type { AuthenticatedUser } from '../access/authenticated-user';
import { mayOpenPage, safeReturnPath, signInPathFor } from './page-access';

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

describe('mayOpenPage', () => {
  const officer: AuthenticatedUser = { id: 'u1', email: 'officer.01@baocao.local', role: 'province_officer', unitId: 'unit-01' };
  const reviewer: AuthenticatedUser = { id: 'u2', email: 'reviewer@baocao.local', role: 'ministry_reviewer', unitId: null };

  it("lets an officer open his tasks and his own unit's report page, not another unit's", () => {
    expect(mayOpenPage(officer, '/viec-can-lam', {})).toBe(true);
    expect(mayOpenPage(officer, '/bao-cao/:obligationCode/:periodKey/:unitId', { unitId: 'unit-01' })).toBe(true);
    expect(mayOpenPage(officer, '/bao-cao/:obligationCode/:periodKey/:unitId', { unitId: 'unit-79' })).toBe(false);
  });

  it('keeps the review and administration pages for the roles they are for', () => {
    expect(mayOpenPage(officer, '/tham-dinh', {})).toBe(false);
    expect(mayOpenPage(reviewer, '/tham-dinh/:submissionId', { submissionId: 's' })).toBe(true);
    expect(mayOpenPage(reviewer, '/quan-tri', {})).toBe(false);
    expect(mayOpenPage(reviewer, '/bao-cao/:obligationCode/:periodKey/:unitId', { unitId: 'unit-79' })).toBe(true);
  });

  it('opens no page it does not know', () => {
    expect(mayOpenPage(reviewer, '/khong-co', {})).toBe(false);
  });
});
