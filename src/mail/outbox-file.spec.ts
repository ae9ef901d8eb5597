import { outboxFileName } from './outbox-file';

describe('outboxFileName', () => {
  it('keeps letters, digits, dots, dashes and underscores', () => {
    expect(outboxFileName('review.returned_42-a')).toBe('review.returned_42-a.eml');
  });

  it('percent-encodes everything else, including "/" and Vietnamese letters, one-to-one', () => {
    expect(outboxFileName('reminder:01/2024')).toBe('reminder%3A01%2F2024.eml');
    expect(outboxFileName('Hà Nội')).toBe('H%C3%A0%20N%E1%BB%99i.eml');
    expect(outboxFileName('a%3Ab')).not.toBe(outboxFileName('a:b'));
  });
});
