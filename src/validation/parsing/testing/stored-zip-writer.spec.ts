import { crc32 } from 'node:zlib';
import { EntryContentMismatch, writeStoredZip, type StoredEntry } from './stored-zip-writer';
import { resolveLimits } from '../upload-limits';
import { inspectZip } from '../zip-inspector';

function entry(name: string, text: string, override: Partial<StoredEntry> = {}): StoredEntry {
  const data = Buffer.from(text, 'utf8');
  return {
    name,
    size: data.length,
    crc32: crc32(data),
    content: async function* () {
      yield data.subarray(0, 3);
      yield data.subarray(3);
    },
    ...override,
  };
}

async function write(entries: StoredEntry[]): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of writeStoredZip(entries)) parts.push(part);
  return Buffer.concat(parts);
}

describe('writeStoredZip', () => {
  it('writes a zip that yauzl reads back (UTF-8 names, stored entries)', async () => {
    const zip = await write([entry('xl/workbook.xml', '<workbook/>'), entry('dữ liệu.txt', 'Hà Nội')]);
    const { archive, entryCount } = await inspectZip(zip, resolveLimits());
    expect(entryCount).toBe(2);
    expect(await archive.readEntryText('dữ liệu.txt', 100)).toBe('Hà Nội');
    expect(await archive.readEntryText('xl/workbook.xml', 100)).toBe('<workbook/>');
  });

  it.each([
    ['larger', { size: 2 }],
    ['smaller', { size: 50 }],
    ['checksum', { crc32: 7 }],
  ] as const)('refuses content that is %s than its header says', async (kind, override) => {
    await expect(write([entry('a.xml', 'abcdef', override)])).rejects.toEqual(new EntryContentMismatch('a.xml', kind));
  });
});
