/**
 * File name of a message in the outbox: its key with every character other than letters, digits,
 * '.', '_' and '-' percent-encoded (so it is safe on any file system and two keys never collide).
 */
export function outboxFileName(key: string): string {
  const safe = Array.from(Buffer.from(key, 'utf8'))
    .map((byte) => {
      const char = String.fromCharCode(byte);
      return /[A-Za-z0-9._-]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
  return `${safe}.eml`;
}
