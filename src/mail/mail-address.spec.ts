import { isMailAddress } from './mail-address';

describe('isMailAddress', () => {
  it.each(['officer.01@baocao.local', 'so.khcn@hanoi.gov.vn', 'a+b@x.vn'])('accepts %s', (address) => {
    expect(isMailAddress(address)).toBe(true);
  });

  it.each(['', 'khong phai dia chi', 'no-at-sign.vn', 'a@b', 'two@@x.vn', '"Tên" <a@x.vn>', 'a@x.vn\r\nBcc: b@y.vn'])('refuses %j', (address) => {
    expect(isMailAddress(address)).toBe(false);
  });
});
