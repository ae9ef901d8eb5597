import { prescanSheet } from './sheet-prescan';

const XML =
  '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
  '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' +
  '<row r="2"><c r="A2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="B2" t="b"><f>TRUE()</f><v>1</v></c>' +
  '<c r="C2" t="b"><f>FALSE()</f><v>0</v></c><c r="D2" t="str"><f>""</f><v></v></c><c r="E2"><f>A1*2</f></c>' +
  '<c r="F2"><f t="shared" si="0"/><v>0</v></c><c r="G2" t="e"><v>#N/A</v></c></row>' +
  '</sheetData><mergeCells count="3"><mergeCell ref="A1:D1"/><mergeCell ref="B2:B3"/><mergeCell ref="A90:B90"/></mergeCells></worksheet>';

async function* chunks(text: string, size: number): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

describe('prescanSheet', () => {
  it.each([1, 7, 4096])('collects merges and special formula results across %i-byte chunks', async (size) => {
    const result = await prescanSheet(chunks(XML, size), { mergeRowLimit: 50, maxTrackedCells: 100 });
    expect(result.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 4 },
      { top: 2, left: 2, bottom: 3, right: 2 },
    ]);
    expect([...result.formulaErrors]).toEqual([['A2', '#DIV/0!']]);
    expect([...result.formulaBooleans]).toEqual([
      ['B2', true],
      ['C2', false],
    ]);
    expect([...result.formulaEmptyStrings]).toEqual(['D2']);
    expect([...result.formulasWithoutValue]).toEqual(['E2']);
    expect(result.truncated).toBe(false);
  });

  it('stops tracking past maxTrackedCells and says so', async () => {
    const result = await prescanSheet(chunks(XML, 64), { mergeRowLimit: 50, maxTrackedCells: 2 });
    expect(result.formulaErrors.size + result.formulaBooleans.size).toBe(2);
    expect(result.truncated).toBe(true);
  });

  it.each([1, 5, 4096])('reads namespace-prefixed sheets and ignores look-alike tags (%i-byte chunks)', async (size) => {
    const xml =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:cols><x:col min="1" max="2"/></x:cols><x:sheetData>' +
      '<x:row r="1"><x:c r="A1" t="e"><x:f>NA()</x:f><x:v>#N/A</x:v></x:c><x:c r="B1" s="2"/><x:c r="C1"><x:v>5</x:v></x:c>' +
      '<x:c r="D1" t="str"><x:f>""</x:f><x:v/></x:c></x:row>' +
      '</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:C1"/></x:mergeCells></x:worksheet>';
    const result = await prescanSheet(chunks(xml, size), { mergeRowLimit: 50, maxTrackedCells: 100 });
    expect(result.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 3 }]);
    expect([...result.formulaErrors]).toEqual([['A1', '#N/A']]);
    expect([...result.formulasWithoutValue]).toEqual(['D1']);
    expect(result.formulaEmptyStrings.size + result.formulaBooleans.size).toBe(0);
  });
});
