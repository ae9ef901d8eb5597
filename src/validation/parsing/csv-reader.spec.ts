import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import iconv from 'iconv-lite';
import { readCsvBatches, type CsvRow } from './csv-reader';
import { flatten } from './testing/flatten';
import { detectCsvDialect } from './csv-delimiter';

async function collect(buffer: Buffer, chunkSize?: number): Promise<CsvRow[]> {
  const rows: CsvRow[] = [];
  for await (const row of flatten(readCsvBatches(buffer, { chunkSize }))) rows.push(row);
  return rows;
}

describe('detectCsvDialect', () => {
  it('picks the most frequent delimiter of the header line, ignoring quoted text', () => {
    expect(detectCsvDialect('a,b,c\n1;2;3;4;5').delimiter).toBe(',');
    expect(detectCsvDialect('Tỉnh;Số lượng;"Ghi chú, nếu có"\n').delimiter).toBe(';');
    expect(detectCsvDialect('a\tb\tc\n').delimiter).toBe('\t');
    expect(detectCsvDialect('"a;b;c",d\n').delimiter).toBe(',');
    expect(detectCsvDialect('single\n').delimiter).toBe(',');
  });

  it("honours Excel's sep= hint line", () => {
    expect(detectCsvDialect('sep=;\r\na;b\r\n')).toEqual({ delimiter: ';', hasSepLine: true });
  });
});

describe('readCsv', () => {
  it('yields the header first, then records with 1-based line numbers', async () => {
    const rows = await collect(Buffer.from('Tỉnh,Số lượng\nHà Nội,12\nHuế,3\n', 'utf8'));
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['Tỉnh', 'Số lượng'] },
      { rowNumber: 2, cells: ['Hà Nội', '12'] },
      { rowNumber: 3, cells: ['Huế', '3'] },
    ]);
  });

  it('reads semicolon-separated files (Excel with Vietnamese regional settings)', async () => {
    const rows = await collect(Buffer.from('Tỉnh;Tỉ lệ\r\nHà Nội;1,5\r\n', 'utf8'));
    expect(rows.map((r) => r.cells)).toEqual([
      ['Tỉnh', 'Tỉ lệ'],
      ['Hà Nội', '1,5'],
    ]);
  });

  it('reads tab-separated files', async () => {
    const rows = await collect(Buffer.from('a\tb\n1\t2\n', 'utf8'));
    expect(rows[1].cells).toEqual(['1', '2']);
  });

  it('strips a UTF-8 BOM from the first header cell', async () => {
    const rows = await collect(Buffer.from('\uFEFFMã tỉnh,Tên\n01,Hà Nội\n', 'utf8'));
    expect(rows[0].cells[0]).toBe('Mã tỉnh');
  });

  it('decodes UTF-16 LE with BOM (Excel "Unicode text")', async () => {
    const bytes = iconv.encode('Tỉnh\tSố lượng\r\nĐà Nẵng\t7\r\n', 'utf-16le', { addBOM: true });
    const rows = await collect(bytes, 5);
    expect(rows.map((r) => r.cells)).toEqual([
      ['Tỉnh', 'Số lượng'],
      ['Đà Nẵng', '7'],
    ]);
  });

  it('normalises NFD text to NFC', async () => {
    const rows = await collect(Buffer.from('Tỉnh\nThừa Thiên Huế\n'.normalize('NFD'), 'utf8'), 3);
    expect(rows[1].cells[0]).toBe('Thừa Thiên Huế'.normalize('NFC'));
    expect(rows[0].cells[0]).toBe('Tỉnh');
  });

  it('refuses Windows-1258 content with the UTF-8 message', async () => {
    const bytes = Buffer.concat([Buffer.from('Tinh,So\n', 'ascii'), iconv.encode('Hà Nội,1\n', 'windows1258')]);
    await expect(collect(bytes)).rejects.toMatchObject({
      status: 422,
      code: 'unsupported_encoding',
      message: expect.stringContaining('Lưu thành > CSV UTF-8 (Comma delimited) (*.csv)'),
    });
  });

  it('keeps quoted fields verbatim, including embedded newlines, delimiters and doubled quotes', async () => {
    const csv = 'Tên,Ghi chú\r\n"Hà Nội","  dòng 1\r\ndòng 2, có dấu phẩy  "\r\n"Trường ""Chu Văn An""",x\r\n';
    const rows = await collect(Buffer.from(csv, 'utf8'), 4);
    expect(rows[1]).toEqual({ rowNumber: 2, cells: ['Hà Nội', '  dòng 1\r\ndòng 2, có dấu phẩy  '] });
    expect(rows[2]).toEqual({ rowNumber: 4, cells: ['Trường "Chu Văn An"', 'x'] });
  });

  it('reports the physical line where each record starts across multi-line fields and blank lines', async () => {
    const csv = 'a,b\n"x\ny\nz",1\n\n\nq,w\n"m\r\nn",2\r\nlast,3';
    const rows = await collect(Buffer.from(csv, 'utf8'), 3);
    expect(rows.map((r) => [r.rowNumber, r.cells[0]])).toEqual([
      [1, 'a'],
      [2, 'x\ny\nz'],
      [7, 'q'],
      [8, 'm\r\nn'],
      [10, 'last'],
    ]);
  });

  it('counts CRLF files correctly, with quoted CRLF inside fields', async () => {
    const csv = 'a,b\r\n"x\r\ny",2\r\n\r\nq,w\r\n';
    const rows = await collect(Buffer.from(csv, 'utf8'));
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 5]);
  });

  it('pads short records with empty strings and keeps long ones', async () => {
    const rows = await collect(Buffer.from('a,b,c\n1\n1,2,3,4\n', 'utf8'));
    expect(rows[1].cells).toEqual(['1', '', '']);
    expect(rows[2].cells).toEqual(['1', '2', '3', '4']);
  });

  it('trims whitespace around unquoted fields only', async () => {
    const rows = await collect(Buffer.from('a,b\n  Hà Nội  , " giữ nguyên "\n', 'utf8'));
    expect(rows[1].cells).toEqual(['Hà Nội', ' giữ nguyên ']);
  });

  it('keeps stray quotes inside unquoted fields', async () => {
    const rows = await collect(Buffer.from('a,b\nTrường "A",1\n', 'utf8'));
    expect(rows[1].cells).toEqual(['Trường "A"', '1']);
  });

  it('skips the sep= hint line but keeps physical line numbers', async () => {
    const rows = await collect(Buffer.from('sep=;\na;b\n1;2\n', 'utf8'));
    expect(rows).toEqual([
      { rowNumber: 2, cells: ['a', 'b'] },
      { rowNumber: 3, cells: ['1', '2'] },
    ]);
  });

  it('refuses an unclosed quote with invalid_csv', async () => {
    await expect(collect(Buffer.from('a,b\n"unclosed,1\n2,3\n', 'utf8'))).rejects.toMatchObject({
      status: 422,
      code: 'invalid_csv',
    });
  });

  it('streams a 100k-row file without materialising the rows', async () => {
    const lines = ['ma_tinh,so_luong,ghi_chu'];
    for (let i = 1; i <= 100_000; i++) lines.push(`${i % 63},${i},"Đơn vị ${i}"`);
    const buffer = Buffer.from(lines.join('\n'), 'utf8');
    lines.length = 0;
    setFlagsFromString('--expose-gc');
    const collectGarbage = runInNewContext('gc') as () => void;
    collectGarbage();
    const baseline = process.memoryUsage().heapUsed;
    let growth = 0;
    let count = 0;
    let last: CsvRow | undefined;
    for await (const row of flatten(readCsvBatches(buffer))) {
      count++;
      last = row;
      if (count % 10_000 === 0) {
        collectGarbage();
        growth = Math.max(growth, process.memoryUsage().heapUsed - baseline);
      }
    }
    expect(count).toBe(100_001);
    expect(growth).toBeLessThan(8 * 1024 * 1024);
    expect(last).toEqual({ rowNumber: 100_001, cells: ['19', '100000', 'Đơn vị 100000'] });
  });

  it('lets the consumer stop early and releases the parser', async () => {
    const buffer = Buffer.from(`a\n${'1\n'.repeat(10_000)}`, 'utf8');
    let seen = 0;
    for await (const row of flatten(readCsvBatches(buffer))) {
      seen = row.rowNumber;
      if (seen === 5) break;
    }
    expect(seen).toBe(5);
  });
});
