// Deliberately plain: a bare address with one @, no display name, spaces or control characters.
const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/u;

export function isMailAddress(address: string): boolean {
  return address.length <= 254 && ADDRESS.test(address);
}
