import { Workbook, type Worksheet } from 'exceljs';
import type { ReportSchemaDefinition } from '../domain/schema-definition';
import { openUpload } from '../parsing/read-upload';
import type { UploadRow } from '../parsing/upload-types';
import { describeField, describeRange } from './field-guide';
import { safeSheetName } from './template-meta';
import { buildTemplateWorkbook } from './template-workbook';
import { flatten } from '../parsing/testing/flatten';

const schema: ReportSchemaDefinition = {
  fields: [
    { key: 'ma_tinh', label: 'Mã tỉnh', type: 'text', required: true, minLength: 2, maxLength: 2, pattern: '^\\d{2}$' },
    { key: 'ten_tinh', label: 'Tên tỉnh', type: 'text', required: true, maxLength: 100, aliases: ['Tỉnh'] },
    { key: 'so_giay_phep', label: 'Số giấy phép cấp trong năm', type: 'integer', required: true, min: 0, max: 100000, unit: 'giấy phép' },
    { key: 'doanh_thu', label: 'Doanh thu', type: 'decimal', min: 0, unit: 'triệu đồng', description: 'Tổng doanh thu trong kỳ' },
    { key: 'ngay_bao_cao', label: 'Ngày báo cáo', type: 'date', min: '2024-01-01', max: '2024-12-31' },
    { key: 'loai_hinh', label: 'Loại hình', type: 'enum', enumValues: ['Doanh nghiệp nhà nước', 'Doanh nghiệp tư nhân', 'Hợp tác xã'] },
    { key: 'co_vi_pham', label: 'Có vi phạm', type: 'boolean' },
    { key: 'nhom', label: 'Nhóm', type: 'enum', enumValues: ['Nhóm A, cấp 1', 'Nhóm B'] },
  ],
  rowRules: [
    { id: 'r1', message: 'Doanh thu phải bằng 0 khi không cấp giấy phép nào.', assert: 'doanh_thu = 0', when: 'so_giay_phep = 0' },
    { id: 'r2', message: 'Doanh thu lớn bất thường.', assert: 'doanh_thu < 1000000', severity: 'warning' },
  ],
  fileRules: [{ id: 'f1', kind: 'unique', fields: ['ma_tinh'], message: 'Mỗi tỉnh chỉ báo cáo một dòng.' }],
  keyFields: ['ma_tinh'],
};

const meta = {
  obligationCode: 'BC-GP-01',
  obligationTitle: 'Báo cáo tình hình cấp giấy phép',
  legalBasis: 'Thông tư số 12/2024/TT-BCT, Điều 5',
  schemaVersion: 3,
  periodLabel: 'Năm 2024',
};

async function load(buffer: Buffer): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

function sheetText(sheet: Worksheet): string {
  const lines: string[] = [];
  sheet.eachRow((row) => {
    const values = (row.values as unknown[]).filter((v) => v !== undefined && v !== null);
    lines.push(values.map(String).join(' | '));
  });
  return lines.join('\n');
}

describe('buildTemplateWorkbook', () => {
  let buffer: Buffer;
  let workbook: Workbook;
  let data: Worksheet;

  beforeAll(async () => {
    buffer = await buildTemplateWorkbook(schema, meta, { validatedRows: 200 });
    workbook = await load(buffer);
    data = workbook.getWorksheet('Dữ liệu')!;
  });

  it('has the data, instructions and hidden helper sheets', () => {
    expect(workbook.worksheets.map((s) => [s.name, s.state])).toEqual([
      ['Dữ liệu', 'visible'],
      ['Hướng dẫn', 'visible'],
      ['_danh_muc', 'hidden'],
      ['_meta', 'hidden'],
    ]);
  });

  it('row 1 holds bold Vietnamese labels, required ones marked (*), frozen with the key row', () => {
    expect(data.getRow(1).values).toEqual([
      undefined,
      'Mã tỉnh (*)',
      'Tên tỉnh (*)',
      'Số giấy phép cấp trong năm (*)',
      'Doanh thu',
      'Ngày báo cáo',
      'Loại hình',
      'Có vi phạm',
      'Nhóm',
    ]);
    expect(data.getCell('A1').font?.bold).toBe(true);
    expect(data.getCell('A1').font?.color?.argb).toBe('FFC00000');
    expect(data.getCell('D1').font?.color).toBeUndefined();
    expect(data.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(data.getColumn(3).width).toBeGreaterThanOrEqual(28);
  });

  it('row 2 is hidden and holds the field keys', () => {
    expect(data.getRow(2).hidden).toBe(true);
    expect(data.getRow(2).values).toEqual([undefined, ...schema.fields.map((f) => f.key)]);
  });

  it('sets number formats per column', () => {
    expect(data.getColumn(1).numFmt).toBe('@');
    expect(data.getColumn(3).numFmt).toBe('#,##0');
    expect(data.getColumn(4).numFmt).toBe('#,##0.00');
    expect(data.getColumn(5).numFmt).toBe('dd/mm/yyyy');
  });

  it('adds Excel data validations matching the field types', () => {
    const at = (address: string) => data.getCell(address).dataValidation;
    expect(at('A3')).toMatchObject({ type: 'textLength', formulae: [2, 2], showErrorMessage: true });
    expect(at('B200')).toMatchObject({ type: 'textLength', formulae: [0, 100] });
    expect(at('C3')).toMatchObject({
      type: 'whole',
      operator: 'between',
      formulae: [0, 100000],
      allowBlank: true,
      errorTitle: 'Giá trị không hợp lệ',
      error: 'Số giấy phép cấp trong năm: phải là số nguyên (từ 0 đến 100.000).',
    });
    expect(at('C3').prompt).toBe('Số nguyên, từ 0 đến 100.000, đơn vị: giấy phép, bắt buộc.');
    expect(at('D3')).toMatchObject({ type: 'decimal', formulae: [0, 1e15] });
    expect(at('E3')).toMatchObject({
      type: 'date',
      formulae: [new Date(Date.UTC(2024, 0, 1)), new Date(Date.UTC(2024, 11, 31))],
    });
    expect(at('F3')).toMatchObject({ type: 'list', formulae: ['"Doanh nghiệp nhà nước,Doanh nghiệp tư nhân,Hợp tác xã"'] });
    expect(at('G3')).toMatchObject({ type: 'list', formulae: ['"Có,Không"'] });
    expect(at('H3')).toMatchObject({ type: 'list', formulae: ["'_danh_muc'!$A$2:$A$3"] });
    expect(workbook.getWorksheet('_danh_muc')!.getColumn(1).values).toEqual([undefined, 'nhom', 'Nhóm A, cấp 1', 'Nhóm B']);
    expect(at('C202')).toMatchObject({ type: 'whole' });
    expect(at('C203')).toBeUndefined();
    expect(at('C2')).toBeUndefined();
  });

  it('explains every column, the rules, the legal basis and how to save', () => {
    const text = sheetText(workbook.getWorksheet('Hướng dẫn')!);
    expect(text).toContain('Chế độ báo cáo: BC-GP-01 – Báo cáo tình hình cấp giấy phép');
    expect(text).toContain('Căn cứ pháp lý: Thông tư số 12/2024/TT-BCT, Điều 5');
    expect(text).toContain('Phiên bản biểu mẫu: 3');
    expect(text).toContain('Kỳ báo cáo: Năm 2024');
    expect(text).toContain('3 | Số giấy phép cấp trong năm | so_giay_phep | Số nguyên | Có | Từ 0 đến 100.000 | giấy phép');
    expect(text).toContain('Doanh thu | doanh_thu | Số thập phân | Không | Từ 0 trở lên | triệu đồng | Tổng doanh thu trong kỳ');
    expect(text).toContain('Ngày báo cáo | ngay_bao_cao | Ngày (dd/mm/yyyy) | Không | Từ 01/01/2024 đến 31/12/2024');
    expect(text).toContain('Loại hình | loai_hinh | Danh mục | Không | Doanh nghiệp nhà nước; Doanh nghiệp tư nhân; Hợp tác xã');
    expect(text).toContain('Có vi phạm | co_vi_pham | Có/Không | Không | Có, Không');
    expect(text).toContain('Mã tỉnh | ma_tinh | Văn bản | Có | Từ 2 đến 2 ký tự; Định dạng (biểu thức chính quy): ^\\d{2}$');
    expect(text).toContain('1. Doanh thu phải bằng 0 khi không cấp giấy phép nào.');
    expect(text).toContain('2. Doanh thu lớn bất thường. (cảnh báo, không chặn việc nộp)');
    expect(text).toContain('3. Mỗi tỉnh chỉ báo cáo một dòng.');
    expect(text).toContain('CSV UTF-8 (Comma delimited) (*.csv)');
    expect(text).toContain('Sổ làm việc Excel (*.xlsx)');
    expect(text).toBe(text.normalize('NFC'));
  });

  it('records the obligation code and schema version in the hidden _meta sheet', () => {
    const metaSheet = workbook.getWorksheet('_meta')!;
    expect(metaSheet.getRow(1).values).toEqual([undefined, 'obligationCode', 'BC-GP-01']);
    expect(metaSheet.getRow(2).values).toEqual([undefined, 'schemaVersion', '3']);
  });

  it('uses schema.sheetName, made safe for Excel', async () => {
    const named = await load(await buildTemplateWorkbook({ ...schema, sheetName: 'Số liệu: tỉnh/thành' }, meta));
    expect(named.worksheets[0].name).toBe('Số liệu tỉnh thành');
    expect(safeSheetName("'" + 'x'.repeat(40))).toHaveLength(31);
  });

  it('keeps short inline lists and falls back to no list sheet when not needed', async () => {
    const simple = await load(await buildTemplateWorkbook({ fields: schema.fields.slice(0, 7) }, meta));
    expect(simple.worksheets.map((s) => s.name)).toEqual(['Dữ liệu', 'Hướng dẫn', '_meta']);
  });

  it('reads back through openUpload: unfilled template has the key header and no rows', async () => {
    const upload = await openUpload(buffer, {
      fileName: 'mau-bao-cao.xlsx',
      preferredSheetName: 'Dữ liệu',
      knownHeaders: schema.fields.flatMap((f) => [f.label, ...(f.aliases ?? [])]),
      knownKeys: schema.fields.map((f) => f.key),
    });
    expect(upload).toMatchObject({ headerSource: 'keys', headerRowNumber: 1, keyRowNumber: 2 });
    const rows: UploadRow[] = [];
    for await (const row of flatten(upload.batches)) rows.push(row);
    expect(rows).toEqual([]);
  });

  it('reads back through openUpload once filled in: header mapped via the key row', async () => {
    const filled = await load(buffer);
    const sheet = filled.getWorksheet('Dữ liệu')!;
    sheet.getRow(3).values = ['01', 'Hà Nội', 1250, 3500.75, new Date(Date.UTC(2024, 11, 31)), 'Hợp tác xã', 'Không', 'Nhóm B'];
    sheet.getRow(4).values = ['79', 'Thành phố Hồ Chí Minh', 0, 0, new Date(Date.UTC(2024, 5, 30)), 'Doanh nghiệp tư nhân', 'Có'];
    sheet.getCell('C5').value = { formula: 'C3+C4', result: 1250 };
    const upload = await openUpload(Buffer.from(await filled.xlsx.writeBuffer()), {
      fileName: 'bao-cao-ha-noi.xlsx',
      preferredSheetName: 'Dữ liệu',
      knownHeaders: schema.fields.flatMap((f) => [f.label, ...(f.aliases ?? [])]),
      knownKeys: schema.fields.map((f) => f.key),
    });
    expect(upload).toMatchObject({
      format: 'xlsx',
      sheetName: 'Dữ liệu',
      headerSource: 'keys',
      headerRowNumber: 1,
      keyRowNumber: 2,
      header: schema.fields.map((f) => f.key),
      headerLabels: schema.fields.map((f) => f.label),
      notes: [],
    });
    const rows: UploadRow[] = [];
    for await (const row of flatten(upload.batches)) rows.push(row);
    expect(rows).toEqual([
      {
        rowNumber: 3,
        cells: ['01', 'Hà Nội', 1250, 3500.75, new Date(Date.UTC(2024, 11, 31)), 'Hợp tác xã', 'Không', 'Nhóm B'],
      },
      {
        rowNumber: 4,
        cells: ['79', 'Thành phố Hồ Chí Minh', 0, 0, new Date(Date.UTC(2024, 5, 30)), 'Doanh nghiệp tư nhân', 'Có', null],
      },
      { rowNumber: 5, cells: [null, null, 1250, null, null, null, null, null] },
    ]);
  });
});

describe('field descriptions', () => {
  it('describe ranges in Vietnamese with Vietnamese number and date formats', () => {
    expect(describeRange({ key: 'a', label: 'A', type: 'decimal', min: 0.5, max: 1500.25 })).toBe('Từ 0,5 đến 1.500,25');
    expect(describeRange({ key: 'a', label: 'A', type: 'integer', max: 10 })).toBe('Không quá 10');
    expect(describeRange({ key: 'a', label: 'A', type: 'date', min: '2020-01-01' })).toBe('Từ 01/01/2020 trở đi');
    expect(describeRange({ key: 'a', label: 'A', type: 'text', minLength: 3 })).toBe('Ít nhất 3 ký tự');
    expect(describeRange({ key: 'a', label: 'A', type: 'enum', enumValues: ['x'] })).toBe('');
    expect(describeField({ key: 'a', label: 'A', type: 'boolean', required: true })).toBe('Có/Không, bắt buộc.');
  });
});
