import { mailJobId } from './mail-job';

describe('mailJobId', () => {
  it('keeps a plain key readable behind a prefix', () => {
    expect(mailJobId('review.returned.42')).toBe('mail-review.returned.42');
  });

  it('escapes ":" (refused by BullMQ) and "%" so that different keys never share an id', () => {
    expect(mailJobId('reminder:TT35:2024-Q1:01')).toBe('mail-reminder%3ATT35%3A2024-Q1%3A01');
    expect(mailJobId('a:b')).not.toBe(mailJobId('a%3Ab'));
    expect(mailJobId('a%3Ab')).toBe('mail-a%253Ab');
    expect(mailJobId('a:b')).not.toContain(':');
  });

  it('never yields an integer-looking id, which BullMQ also refuses', () => {
    expect(mailJobId('12345')).toBe('mail-12345');
  });
});
