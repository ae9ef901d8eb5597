import { prescanSheet } from './sheet-prescan';

const XML =
  '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
  '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' +
  '<row r="2"><c r="A2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>' +
  '</sheetData><mergeCells count="3"><mergeCell ref="A1:D1"/><mergeCell ref="B2:B3"/><mergeCell ref="A90:B90"/></mergeCells></worksheet>';

async function* chunks(text: string, size: number): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

describe('prescanSheet', () => {
  it.each([1, 7, 4096])('collects the merged ranges of the header area across %i-byte chunks', async (size) => {
    const result = await prescanSheet(chunks(XML, size), { mergeRowLimit: 50, maxTrackedCells: 100 });
    expect(result.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 4 },
      { top: 2, left: 2, bottom: 3, right: 2 },
    ]);
  });

  it('keeps at most maxTrackedCells ranges', async () => {
    const result = await prescanSheet(chunks(XML, 64), { mergeRowLimit: 100, maxTrackedCells: 2 });
    expect(result.merges).toHaveLength(2);
  });

  it.each([1, 5, 4096])('reads namespace-prefixed sheets and ignores look-alike tags (%i-byte chunks)', async (size) => {
    const xml =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>5</x:v></x:c></x:row></x:sheetData>' +
      '<x:mergeCells count="2"><x:mergeCell ref="A1:C1"/><x:mergeCells2 ref="A2:C2"/></x:mergeCells><x:mergeCell ref="B4:B5"></x:mergeCell></x:worksheet>';
    const result = await prescanSheet(chunks(xml, size), { mergeRowLimit: 50, maxTrackedCells: 100 });
    expect(result.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 3 },
      { top: 4, left: 2, bottom: 5, right: 2 },
    ]);
  });
});
