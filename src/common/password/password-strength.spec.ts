import { assessPassword, personalWords } from './password-strength';

describe('password strength (zxcvbn-ts with Vietnamese words)', () => {
  it.each(['password12', '1234567890', 'qwertyuiop', 'abc123abc123'])('refuses %s with a reason in Vietnamese', (password) => {
    const assessment = assessPassword(password);
    expect(assessment.acceptable).toBe(false);
    expect(assessment.score).toBeLessThan(3);
    expect(assessment.reason).toMatch(/^Mật khẩu quá dễ đoán \(có thể bị dò ra trong .+\)\..* Hãy dùng một cụm nhiều từ ít gặp\.$/);
  });

  it.each(['anhyeuem123', 'matkhau2024', 'Baocao@123', 'Mậtkhẩu2024', 'hochiminh1975'])('refuses %s: Vietnamese words and phrases people use as passwords', (password) => {
    expect(assessPassword(password).acceptable).toBe(false);
  });

  it("refuses a password built from the user's own name or e-mail address", () => {
    const inputs = personalWords('can.bo@stttt.danang.gov.vn', 'Trần Thị Bình');
    expect(inputs).toEqual(expect.arrayContaining(['tranthibinh', 'binh', 'danang', 'stttt.danang.gov.vn']));
    const assessment = assessPassword('tranthibinh48', inputs);
    expect(assessment.acceptable).toBe(false);
    expect(assessment.reason).toContain('Không nên dùng thông tin cá nhân như tên hoặc địa chỉ e-mail.');
    expect(assessPassword('tranthibinh48').score).toBeGreaterThan(assessment.score);
  });

  it.each(['quả táo xanh trên bàn gỗ', 'ngựa-pin-kẹp-ghim', 'correct horse battery staple', 'mat-khau-ban-dau'])('accepts the passphrase %s', (password) => {
    expect(assessPassword(password)).toEqual({ acceptable: true, score: expect.any(Number), reason: '' });
  });
});
