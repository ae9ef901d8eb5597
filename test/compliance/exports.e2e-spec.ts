import ExcelJS from 'exceljs';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { COMPLIANCE, formerOfficer, officer, type TestApp } from '../support/app';
import { FakeClock } from '../support/fake-clock';
import { parse } from 'csv-parse/sync';
import { asBytes, readCsv, readWorkbook, rowValues } from './support/downloads';
import { addUnit, obligationId, putSubmission, unitIds } from './support/fixtures';
import { startOnOwnDatabase } from './support/own-database';
import { trackSeededFromStart } from '../support/obligations';

const NOW = '2025-02-10T03:00:00Z';
// Unit names a spreadsheet would run as formulas if written as they are.
const HOSTILE = {
  Y1: '=HYPERLINK("http://evil.example","Bấm vào")',
  Y2: '+84 Tỉnh, "Thử"',
  Y3: '@SUM(1)',
  Y4: '-1+2',
};

describe('Compliance: XLSX and CSV exports of the completion table and the matrices', () => {
  const clock = new FakeClock(new Date(NOW));
  let t: TestApp;
  let stop: () => Promise<void>;
  let db: DataSource;

  beforeAll(async () => {
    ({ t, stop } = await startOnOwnDatabase('exports', clock));
    await trackSeededFromStart(t, 'TT35-BUU-CHINH', 'BC-QUY-TTTT-TINH');
    db = t.app.get(getDataSourceToken());
    for (const [code, name] of Object.entries(HOSTILE)) await addUnit(db, { code, name, validFrom: '2008-08-01' });
    const units = await unitIds(db);
    const tt35 = await obligationId(db, 'TT35-BUU-CHINH');
    await putSubmission(db, { obligationId: tt35, periodKey: '2024-Y', unitId: units['01'], status: 'approved', submittedAt: '2025-01-20T03:00:00Z', dueDate: '2025-02-04' });
    await putSubmission(db, { obligationId: tt35, periodKey: '2024-Y', unitId: units['02'], status: 'approved', submittedAt: '2025-02-07T02:00:00Z', dueDate: '2025-02-04', onTime: false, daysLate: 3 });
    await putSubmission(db, { obligationId: tt35, periodKey: '2024-Y', unitId: units.Y1, status: 'returned', submittedAt: '2025-01-30T03:00:00Z', dueDate: '2025-02-04' });
  });
  afterAll(() => stop());

  const download = async (path: string, as = COMPLIANCE) => asBytes(t.http().get(`/api/v1/compliance${path}`).set('authorization', await t.tokenFor(as)));

  describe('completion table', () => {
    it('is an XLSX workbook with Vietnamese headers, a frozen header row, widths, dates and an information sheet', async () => {
      const response = await download('/obligations/TT35-BUU-CHINH/periods/2024-Y/units/export?format=xlsx');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(response.headers['content-disposition']).toBe(`attachment; filename="tien-do-TT35-BUU-CHINH-2024-Y.xlsx"; filename*=UTF-8''tien-do-TT35-BUU-CHINH-2024-Y.xlsx`);
      const workbook = await readWorkbook(response.body);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Tiến độ', 'Thông tin']);
      const sheet = workbook.getWorksheet('Tiến độ') as ExcelJS.Worksheet;
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(rowValues(sheet, 1)).toEqual([
        'Mã đơn vị',
        'Tên đơn vị',
        'Cơ quan báo cáo',
        'Trạng thái',
        'Đã hoàn thành',
        'Hạn nộp',
        'Nộp lần đầu (giờ Việt Nam)',
        'Nộp gần nhất (giờ Việt Nam)',
        'Đúng hạn',
        'Số ngày nộp trễ',
        'Số ngày quá hạn',
        'Số lần bị trả lại',
        'Nạp bù',
      ]);
      expect(sheet.rowCount).toBe(1 + 67);
      expect(sheet.getColumn(2).width).toBe(34);
      const hanoi = rowValues(sheet, 2);
      // The bodies as on the due date (04/02/2025): before the Sở TT&TT became the Sở KH&CN on 01/03/2025.
      expect(hanoi.slice(0, 6)).toEqual(['01', 'Thành phố Hà Nội', 'Sở Thông tin và Truyền thông Thành phố Hà Nội', 'đã duyệt', 'Có', new Date('2025-02-04T00:00:00Z')]);
      const late = sheet.getRow(3);
      expect(rowValues(sheet, 3)).toEqual([
        '02',
        'Hà Giang',
        'Sở Thông tin và Truyền thông tỉnh Hà Giang',
        'đã duyệt',
        'Có',
        new Date('2025-02-04T00:00:00Z'),
        new Date('2025-02-07T09:00:00Z'),
        new Date('2025-02-07T09:00:00Z'),
        'Không',
        3,
        undefined,
        0,
        'Không',
      ]);
      expect(late.getCell(6).numFmt).toBe('dd/mm/yyyy');
      expect(late.getCell(7).numFmt).toBe('dd/mm/yyyy hh:mm');
      expect(late.getCell(10).numFmt).toBe('#,##0');
      expect(rowValues(sheet, 4).slice(0, 5).concat(rowValues(sheet, 4)[10])).toEqual(['04', 'Cao Bằng', 'Sở Thông tin và Truyền thông tỉnh Cao Bằng', 'chưa nộp', 'Không', 6]);
      const info = workbook.getWorksheet('Thông tin') as ExcelJS.Worksheet;
      const lines = Object.fromEntries(info.getSheetValues().slice(2).map((values) => (values as unknown[]).slice(1, 3)));
      expect(lines).toMatchObject({
        'Cơ quan chủ trì': 'Bộ Thông tin và Truyền thông',
        'Cơ quan nhận báo cáo': 'Vụ Bưu chính, Bộ Thông tin và Truyền thông',
        'Kỳ báo cáo': 'Năm 2024',
        'Hạn nộp': '04/02/2025',
        'Số đơn vị phải nộp': 67,
        'Đã hoàn thành': '2/67',
        'Tỷ lệ hoàn thành': '2,99%',
        'Quá hạn chưa hoàn thành': 65,
      });
    });

    it('keeps hostile unit names as plain text in XLSX, never as formulas', async () => {
      const workbook = await readWorkbook((await download('/obligations/TT35-BUU-CHINH/periods/2024-Y/units/export?format=xlsx')).body);
      const sheet = workbook.getWorksheet('Tiến độ') as ExcelJS.Worksheet;
      const names = new Map<string, ExcelJS.Cell>();
      sheet.eachRow((row) => names.set(String(row.getCell(1).value), row.getCell(2)));
      for (const [code, name] of Object.entries(HOSTILE)) {
        expect(names.get(code)?.type).toBe(ExcelJS.ValueType.String);
        expect(names.get(code)?.value).toBe(name);
      }
    });

    it('is a CSV in UTF-8 with a byte order mark, comma-separated, with formula-like text neutralised by an apostrophe', async () => {
      const response = await download('/obligations/TT35-BUU-CHINH/periods/2024-Y/units/export?format=csv');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(`attachment; filename="tien-do-TT35-BUU-CHINH-2024-Y.csv"; filename*=UTF-8''tien-do-TT35-BUU-CHINH-2024-Y.csv`);
      const records = readCsv(response.body);
      expect(records[0]).toEqual([
        'Mã đơn vị',
        'Tên đơn vị',
        'Cơ quan báo cáo',
        'Trạng thái',
        'Đã hoàn thành',
        'Hạn nộp',
        'Nộp lần đầu (giờ Việt Nam)',
        'Nộp gần nhất (giờ Việt Nam)',
        'Đúng hạn',
        'Số ngày nộp trễ',
        'Số ngày quá hạn',
        'Số lần bị trả lại',
        'Nạp bù',
      ]);
      expect(records).toHaveLength(1 + 67);
      const byCode = Object.fromEntries(records.slice(1).map((record) => [record[0], record]));
      expect(byCode['02']).toEqual(['02', 'Hà Giang', 'Sở Thông tin và Truyền thông tỉnh Hà Giang', 'đã duyệt', 'Có', '04/02/2025', '07/02/2025 09:00:00', '07/02/2025 09:00:00', 'Không', '3', '', '0', 'Không']);
      expect(byCode['04']).toEqual(['04', 'Cao Bằng', 'Sở Thông tin và Truyền thông tỉnh Cao Bằng', 'chưa nộp', 'Không', '04/02/2025', '', '', '', '', '6', '0', 'Không']);
      expect([byCode.Y1[1], byCode.Y1[3]]).toEqual([`'${HOSTILE.Y1}`, 'bị trả lại']);
      expect(byCode.Y2[1]).toBe(`'${HOSTILE.Y2}`);
      expect(byCode.Y3[1]).toBe(`'${HOSTILE.Y3}`);
      expect(byCode.Y4[1]).toBe(`'${HOSTILE.Y4}`);
      expect(response.body.toString('utf8')).toContain(`"'=HYPERLINK(""http://evil.example"",""Bấm vào"")"`);
    });

    it('is refused to province officers', async () => {
      expect((await download('/obligations/TT35-BUU-CHINH/periods/2024-Y/units/export?format=csv', officer('01'))).status).toBe(403);
    });
  });

  describe('matrices', () => {
    it('exports units x periods as an XLSX grid plus the cell details', async () => {
      const response = await download('/obligations/TT35-BUU-CHINH/matrix/export?from=2023-Y&to=2024-Y&format=xlsx');
      expect(response.status).toBe(200);
      expect(response.headers['content-disposition']).toContain('filename="ma-tran-TT35-BUU-CHINH-2023-Y-2024-Y.xlsx"');
      const workbook = await readWorkbook(response.body);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Ma trận', 'Chi tiết', 'Thông tin']);
      const grid = workbook.getWorksheet('Ma trận') as ExcelJS.Worksheet;
      expect(grid.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(rowValues(grid, 1)).toEqual(['Mã đơn vị', 'Tên đơn vị', 'Năm 2023', 'Năm 2024']);
      expect(rowValues(grid, 3)).toEqual(['02', 'Hà Giang', 'chưa nộp, quá hạn 376 ngày', 'đã duyệt, nộp trễ 3 ngày']);
      expect(grid.rowCount).toBe(1 + 67);
      const details = workbook.getWorksheet('Chi tiết') as ExcelJS.Worksheet;
      expect(rowValues(details, 1)).toEqual(['Mã đơn vị', 'Tên đơn vị', 'Kỳ báo cáo', 'Trạng thái', 'Đã hoàn thành', 'Hạn nộp', 'Thời điểm nộp (giờ Việt Nam)', 'Số ngày nộp trễ', 'Số ngày quá hạn', 'Nạp bù']);
      expect(details.rowCount).toBe(1 + 67 * 2);
    });

    it('exports units x periods as CSV details, and only the officer’s own unit to a province officer', async () => {
      const all = readCsv((await download('/obligations/TT35-BUU-CHINH/matrix/export?from=2023-Y&to=2024-Y&format=csv')).body);
      expect(all).toHaveLength(1 + 67 * 2);
      expect(all.find((record) => record[0] === '02' && record[2] === 'Năm 2024')).toEqual(['02', 'Hà Giang', 'Năm 2024', 'đã duyệt', 'Có', '04/02/2025', '07/02/2025 09:00:00', '3', '', 'Không']);
      expect(all.find((record) => record[0] === 'Y1')?.[1]).toBe(`'${HOSTILE.Y1}`);
      const own = readCsv((await download('/obligations/TT35-BUU-CHINH/matrix/export?from=2023-Y&to=2024-Y&format=csv', formerOfficer('02'))).body);
      expect(own.slice(1).map((record) => [record[0], record[2]])).toEqual([
        ['02', 'Năm 2023'],
        ['02', 'Năm 2024'],
      ]);
    });

    it('exports units x obligations for a period', async () => {
      const response = await download('/periods/2024-Y/matrix/export?format=csv');
      expect(response.headers['content-disposition']).toContain('filename="ma-tran-2024-Y.csv"');
      const records = readCsv(response.body);
      expect(records[0].slice(0, 4)).toEqual(['Mã đơn vị', 'Tên đơn vị', 'Nghĩa vụ báo cáo', 'Trạng thái']);
      expect(records.slice(1).every((record) => record[2] === 'TT35-BUU-CHINH')).toBe(true);
      expect(records).toHaveLength(1 + 67);
    });
  });

  describe('the CSV dialect Excel reads on Vietnamese settings', () => {
    it('separates with semicolons and writes decimals with a comma when asked for dialect=excel-vn', async () => {
      const response = await download('/obligations/TT35-BUU-CHINH/periods/2024-Y/units/export?format=csv&dialect=excel-vn');
      expect(response.status).toBe(200);
      expect(response.headers['content-disposition']).toContain('filename="tien-do-TT35-BUU-CHINH-2024-Y-excel.csv"');
      const records: string[][] = parse(response.body.subarray(3).toString('utf8'), { delimiter: ';' });
      expect(records[0].slice(0, 3)).toEqual(['Mã đơn vị', 'Tên đơn vị', 'Cơ quan báo cáo']);
      expect(records.find((record) => record[0] === '02')?.slice(5, 7)).toEqual(['04/02/2025', '07/02/2025 09:00:00']);
      expect((await download('/obligations/TT35-BUU-CHINH/periods/2024-Y/units/export?format=csv&dialect=excel')).status).toBe(422);
    });
  });
});
