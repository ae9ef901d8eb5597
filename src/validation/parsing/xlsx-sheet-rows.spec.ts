import { numberStylesOf, readSharedStrings } from './xlsx-parts';
import { readSheetRows, type SheetContext } from './xlsx-sheet-rows';
import type { UploadRow } from './upload-types';

const SHEET =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
  '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>' +
  '<row r="2"><c r="A2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="B2" t="b"><f>TRUE()</f><v>1</v></c>' +
  '<c r="C2" t="b"><f>FALSE()</f><v>0</v></c><c r="D2" t="str"><f>""</f><v></v></c><c r="E2"><f>A1*2</f></c>' +
  '<c r="F2"><f t="shared" si="0"/><v>0</v></c><c r="G2" t="e"><v>#N/A</v></c></row>' +
  '<row r="3" spans="1:4"><c r="A3" s="1"><v>45322</v></c><c r="B3" s="2"><v>1234.5</v></c><c r="C3" t="inlineStr"><is><r><t>Tổng </t></r><r><t>cộng &amp; chú</t></r></is></c><c r="D3" s="1"/></row>' +
  '<row r="4"><c r="A4" s="2"/></row>' +
  '<row r="6"><c t="str"><v>a &lt; b</v></c><c><v>7</v></c></row>' +
  '</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>';

const SHARED =
  '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2">' +
  `<si><t>${'Hà Nội'.normalize('NFD')}</t></si><si><r><rPr><b/></rPr><t xml:space="preserve">Số </t></r><r><t>lượng</t></r><rPh sb="0" eb="1"><t>ソ</t></rPh></si></sst>`;

const STYLES =
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.0"/></numFmts>' +
  '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/></cellXfs></styleSheet>';

async function* chunks(text: string, size: number): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function rowsOf(size: number, context: SheetContext): Promise<UploadRow[]> {
  const rows: UploadRow[] = [];
  for await (const batch of readSheetRows(chunks(SHEET, size), context)) rows.push(...batch);
  return rows;
}

describe('XLSX parts', () => {
  it.each([1, 3, 4096])('reads shared strings: rich text runs joined, phonetic guides left out, NFC (%i-byte chunks)', async (size) => {
    expect(await readSharedStrings(chunks(SHARED, size))).toEqual(['Hà Nội', 'Số lượng']);
  });

  it('knows which cell styles show dates: built-in 14-22 and 45-47, and custom formats with date tokens', () => {
    expect(numberStylesOf(STYLES).dateStyles).toEqual([false, true, false]);
    expect(numberStylesOf(STYLES.replace('#,##0.0', 'dd/mm/yyyy')).dateStyles).toEqual([false, true, true]);
    expect(numberStylesOf(undefined)).toEqual({ dateStyles: [], percentStyles: [] });
  });

  it('knows which cell styles show percentages: built-in 9 and 10, and custom formats with % outside quotes', () => {
    expect(numberStylesOf(STYLES.replace('numFmtId="14" applyNumberFormat="1"', 'numFmtId="10"')).percentStyles).toEqual([false, true, false]);
    expect(numberStylesOf(STYLES.replace('#,##0.0', '0.0 %')).percentStyles).toEqual([false, false, true]);
    expect(numberStylesOf(STYLES.replace('#,##0.0', '0.0" %"')).percentStyles).toEqual([false, false, false]);
  });

  it('flags numbers shown with a percent format', async () => {
    const sheet =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row r="2"><c r="A2" s="1"><v>0.125</v></c><c r="B2"><v>0.125</v></c><c r="C2" s="1" t="s"><v>0</v></c></row></sheetData></worksheet>';
    const context: SheetContext = { sharedStrings: ['12,5%'], dateStyles: [false, false], percentStyles: [false, true], date1904: false };
    const rows: UploadRow[] = [];
    for await (const batch of readSheetRows(chunks(sheet, 64), context)) rows.push(...batch);
    expect(rows).toEqual([{ rowNumber: 2, cells: [0.125, 0.125, '12,5%'], flags: [{ columnIndex: 0, kind: 'percent_format' }] }]);
  });
});

describe('readSheetRows', () => {
  const context: SheetContext = { sharedStrings: ['Hà Nội', 'Số lượng'], dateStyles: [false, true, false], percentStyles: [false, false, false], date1904: false };

  it.each([1, 7, 4096])('types every kind of cell like a spreadsheet shows it (%i-byte chunks)', async (size) => {
    const rows = await rowsOf(size, context);
    expect(rows.map((row) => row.rowNumber)).toEqual([1, 2, 3, 6]);
    expect(rows[0]).toEqual({ rowNumber: 1, cells: ['Hà Nội', null, 'Số lượng'] });
    expect(rows[1]).toEqual({
      rowNumber: 2,
      cells: [{ kind: 'cell_error', error: '#DIV/0!' }, true, false, '', null, 0, { kind: 'cell_error', error: '#N/A' }],
      flags: [{ columnIndex: 4, kind: 'formula_without_cached_value' }],
    });
    expect(rows[2]).toEqual({ rowNumber: 3, cells: [new Date(Date.UTC(2024, 0, 31)), 1234.5, 'Tổng cộng & chú'] });
    expect(rows[3]).toEqual({ rowNumber: 6, cells: ['a < b', 7] });
  });

  it('counts serial dates from 1904 when the workbook says so', async () => {
    const rows = await rowsOf(4096, { ...context, date1904: true });
    expect(rows[2].cells[0]).toEqual(new Date(Date.UTC(2028, 1, 1)));
  });
});
