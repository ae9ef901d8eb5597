import { isSameOrigin } from './request-origin';

const allowed = ['http://127.0.0.1:3000', 'https://baocao.mst.gov.vn'];

describe('isSameOrigin', () => {
  it('accepts our own origins, whatever the path or a trailing slash', () => {
    expect(isSameOrigin({ origin: 'http://127.0.0.1:3000', allowed })).toBe(true);
    expect(isSameOrigin({ origin: 'https://baocao.mst.gov.vn', allowed })).toBe(true);
    expect(isSameOrigin({ origin: 'https://baocao.mst.gov.vn/', allowed })).toBe(true);
  });

  it('refuses another site, another port, another scheme and the opaque origin', () => {
    expect(isSameOrigin({ origin: 'https://evil.example', allowed })).toBe(false);
    expect(isSameOrigin({ origin: 'http://127.0.0.1:4000', allowed })).toBe(false);
    expect(isSameOrigin({ origin: 'http://baocao.mst.gov.vn', allowed })).toBe(false);
    expect(isSameOrigin({ origin: 'null', allowed })).toBe(false);
    expect(isSameOrigin({ origin: 'not a url', allowed })).toBe(false);
  });

  it('without Origin, trusts Sec-Fetch-Site: same-origin yes, cross-site no', () => {
    expect(isSameOrigin({ fetchSite: 'same-origin', allowed })).toBe(true);
    expect(isSameOrigin({ fetchSite: 'cross-site', allowed })).toBe(false);
    expect(isSameOrigin({ fetchSite: 'same-site', allowed })).toBe(false);
  });

  it('lets a request with neither header through to the token check (not a browser page)', () => {
    expect(isSameOrigin({ allowed })).toBe(true);
  });
});
