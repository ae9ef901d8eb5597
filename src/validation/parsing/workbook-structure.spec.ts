import { chooseSheet, parseWorkbookStructure } from './workbook-structure';

const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
  <workbookPr date1904="1"/>
  <sheets>
    <sheet name="_meta" sheetId="4" state="hidden" r:id="rId4"/>
    <sheet name="Bi&#7875;u đồ" sheetId="3" r:id="rId3"/>
    <sheet name="D&#7919; li&#7879;u &amp; ghi chú" sheetId="1" r:id="rId1"/>
    <sheet name="Sheet2" sheetId="2" r:id="rId2"/>
  </sheets>
</workbook>`;

const RELS = `<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
  <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/../worksheets/sheet2.xml"/>
  <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/>
  <Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet4.xml"/>
  <Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
  <Relationship Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>`;

describe('parseWorkbookStructure', () => {
  const structure = parseWorkbookStructure(WORKBOOK, RELS);

  it('lists worksheets in tab order with decoded names, states and resolved paths, skipping chart sheets', () => {
    expect(structure.sheets).toEqual([
      { name: '_meta', state: 'hidden', path: 'xl/worksheets/sheet4.xml' },
      { name: 'Dữ liệu & ghi chú', state: 'visible', path: 'xl/worksheets/sheet1.xml' },
      { name: 'Sheet2', state: 'visible', path: 'xl/worksheets/sheet2.xml' },
    ]);
  });

  it('reads the 1904 date system and the shared strings and styles parts', () => {
    expect(structure).toMatchObject({
      date1904: true,
      sharedStringsPath: 'xl/sharedStrings.xml',
      stylesPath: 'xl/styles.xml',
    });
  });

  it('chooses the preferred sheet, else the first visible worksheet', () => {
    expect(chooseSheet(structure, 'dữ liệu & ghi chú ')?.sheet.name).toBe('Dữ liệu & ghi chú');
    expect(chooseSheet(structure, 'Không có')).toMatchObject({ sheet: { name: 'Dữ liệu & ghi chú' }, matchedPreferred: false });
    expect(chooseSheet(structure)?.matchedPreferred).toBe(false);
    expect(chooseSheet({ sheets: [], date1904: false })).toBeUndefined();
  });
});
