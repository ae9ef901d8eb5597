import { MISSING_BY_STATUS, timingPhrase } from './reminder-wording';

describe('reminder wording', () => {
  it.each([
    [7, 'còn 7 ngày'],
    [1, 'còn 1 ngày'],
    [0, 'hôm nay là hạn cuối'],
    [-3, 'đã quá hạn 3 ngày'],
  ])('%i days to the due date: %s', (days, phrase) => {
    expect(timingPhrase(days)).toBe(phrase);
    expect(timingPhrase(days)).toBe(timingPhrase(days).normalize('NFC'));
  });

  it('says what is missing, starting with the status label', () => {
    expect(MISSING_BY_STATUS.not_started).toMatch(/^chưa nộp: /);
    expect(MISSING_BY_STATUS.draft).toMatch(/^đang soạn: /);
    expect(MISSING_BY_STATUS.returned).toMatch(/^bị trả lại: /);
  });
});
