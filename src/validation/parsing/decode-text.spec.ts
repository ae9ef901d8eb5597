import iconv from 'iconv-lite';
import { decodeText, detectEncoding, TextChunkDecoder, type TextEncoding } from './decode-text';
import { rejection } from './testing/rejections';

const NFD_HA_NOI = 'Hà Nội'.normalize('NFD');

function chunkDecode(bytes: Buffer, encoding: TextEncoding, chunkSize: number): string {
  const decoder = new TextChunkDecoder(encoding);
  let out = '';
  for (let i = 0; i < bytes.length; i += chunkSize) out += decoder.write(bytes.subarray(i, i + chunkSize));
  return out + decoder.end();
}

describe('detectEncoding', () => {
  it('reads UTF-8 and UTF-16 byte-order marks', () => {
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ encoding: 'utf-8', bomLength: 3 });
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toEqual({ encoding: 'utf-16le', bomLength: 2 });
    expect(detectEncoding(Buffer.from([0xfe, 0xff, 0x00, 0x41]))).toEqual({ encoding: 'utf-16be', bomLength: 2 });
    expect(detectEncoding(Buffer.from('abc'))).toEqual({ encoding: 'utf-8', bomLength: 0 });
  });

  it('refuses UTF-32 and UTF-16 without a byte-order mark instead of guessing', () => {
    expect(rejection(() => detectEncoding(Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x41, 0, 0, 0]))).code).toBe('unsupported_encoding');
    const bomless = iconv.encode('Mã tỉnh,Tên tỉnh\n01,Hà Nội\n', 'utf-16le');
    expect(rejection(() => detectEncoding(bomless)).code).toBe('unsupported_encoding');
  });
});

describe('decodeText', () => {
  it('decodes UTF-8 with and without BOM, dropping the BOM', () => {
    expect(decodeText(Buffer.from('\uFEFFTỉnh,Số lượng', 'utf8'))).toBe('Tỉnh,Số lượng');
    expect(decodeText(Buffer.from('Tỉnh,Số lượng', 'utf8'))).toBe('Tỉnh,Số lượng');
  });

  it('decodes UTF-16 LE and BE with BOM', () => {
    const text = 'Tỉnh;Số lượng\r\nHà Nội;12\r\n';
    expect(decodeText(iconv.encode(text, 'utf-16le', { addBOM: true }))).toBe(text);
    expect(decodeText(iconv.encode(text, 'utf-16be', { addBOM: true }))).toBe(text);
  });

  it('normalises decomposed (NFD) text to NFC', () => {
    const decoded = decodeText(Buffer.from(NFD_HA_NOI, 'utf8'));
    expect(decoded).toBe('Hà Nội');
    expect(decoded).toBe(decoded.normalize('NFC'));
  });

  it('refuses Windows-1258 bytes with the save-as-UTF-8 instructions and the line of the first bad byte', () => {
    const legacy = Buffer.concat([Buffer.from('Ma tinh,Ten\n01,', 'ascii'), iconv.encode('Hà Nội', 'windows1258')]);
    const error = rejection(() => decodeText(legacy));
    expect(error.status).toBe(422);
    expect(error.code).toBe('unsupported_encoding');
    expect(error.message).toContain('Tệp không phải UTF-8');
    expect(error.message).toContain('CSV UTF-8 (Comma delimited) (*.csv)');
    expect(error.message).toContain('LibreOffice Calc: Tập tin > Lưu mới (File > Save As)');
    expect(error.message).toContain('"Unicode (UTF-8)"');
    expect(error.message).toBe(error.message.normalize('NFC'));
    expect(error.detail).toEqual({ line: 2 });
  });

  it('refuses TCVN3-style high bytes as well (no code page guessing)', () => {
    expect(rejection(() => decodeText(Buffer.from([0x48, 0xb5, 0x20, 0x4e, 0xe9, 0x69]))).code).toBe('unsupported_encoding');
  });
});

describe('TextChunkDecoder', () => {
  const sample = `Tỉnh,Ghi chú\n${'Hà Nội,Đường Nguyễn Trãi – quận Thanh Xuân\n'.repeat(50)}`;

  it.each([1, 2, 3, 7, 64])('decodes UTF-8 split into %i-byte chunks, multi-byte sequences across boundaries', (size) => {
    expect(chunkDecode(Buffer.from(sample, 'utf8'), 'utf-8', size)).toBe(sample);
  });

  it.each([1, 3, 5])('normalises NFD to NFC even when a combining mark starts a new chunk (%i-byte chunks)', (size) => {
    const nfd = sample.normalize('NFD');
    const decoded = chunkDecode(Buffer.from(nfd, 'utf8'), 'utf-8', size);
    expect(decoded).toBe(sample);
  });

  it('strips the UTF-8 BOM', () => {
    expect(chunkDecode(Buffer.from('\uFEFFa,b\n', 'utf8'), 'utf-8', 2)).toBe('a,b\n');
  });

  it('decodes UTF-16 LE with BOM in odd-sized chunks', () => {
    const bytes = iconv.encode(sample, 'utf-16le', { addBOM: true });
    expect(chunkDecode(bytes, 'utf-16le', 3)).toBe(sample);
  });

  it('fails with unsupported_encoding and the line number on invalid UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('a,b\nc,d\ne,', 'utf8'), iconv.encode('Đà Nẵng', 'windows1258'), Buffer.from('\n')]);
    expect(rejection(() => chunkDecode(bytes, 'utf-8', 4))).toMatchObject({ code: 'unsupported_encoding', detail: { line: 3 } });
  });

  it('fails on a truncated multi-byte sequence at the end of the input', () => {
    const bytes = Buffer.from('Hà', 'utf8').subarray(0, 2);
    expect(rejection(() => chunkDecode(bytes, 'utf-8', 1))).toMatchObject({ code: 'unsupported_encoding' });
  });
});
