import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { writeStoredZip } from '../../src/validation/parsing/testing/stored-zip-writer';

/** The four indicators of form 01/BC-STTTT (Circular 35/2016). */
export const TT35_INDICATORS = [
  'Doanh nghiệp được cấp giấy phép bưu chính',
  'Doanh nghiệp được cấp văn bản xác nhận thông báo hoạt động bưu chính',
  'Chi nhánh, văn phòng đại diện được cấp văn bản xác nhận thông báo hoạt động bưu chính',
  'Doanh nghiệp, chi nhánh, văn phòng đại diện đã được cấp giấy phép, văn bản xác nhận nay đã ngừng hoạt động',
];

export const TT35_HEADER = ['STT', 'Chỉ tiêu', 'Số lượng trong năm', 'Số lượng lũy kế', 'Ghi chú'];

/** A valid TT35 report body: [stt, indicator, in-year, cumulative, note]. */
export function tt35Rows(inYear: Array<number | string> = [3, 12, 4, 1], cumulative: Array<number | string> = [25, 1234, 40, 9]): Array<Array<string | number>> {
  return TT35_INDICATORS.map((indicator, i) => [i + 1, indicator, inYear[i], cumulative[i], i === 0 ? 'Số liệu năm' : '']);
}

const quote = (cell: string | number) => {
  const text = String(cell);
  return /[",;\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function csv(rows: Array<Array<string | number>>, delimiter = ',', bom = false): Buffer {
  const text = rows.map((row) => row.map(quote).join(delimiter)).join('\r\n') + '\r\n';
  return Buffer.from((bom ? '\uFEFF' : '') + text, 'utf8');
}

export async function xlsx(build: (sheet: ExcelJS.Worksheet) => void, sheetName = 'BC-STTTT'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet(sheetName));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const QUARTERLY_HEADER = [
  'Sản lượng bưu gửi',
  'Doanh thu dịch vụ bưu chính',
  'Tổng số hộ gia đình',
  'Số hộ gia đình sử dụng cáp quang',
  'Số thuê bao điện thoại thông minh',
  'Số thuê bao băng rộng di động',
  'Số Tổ công nghệ số cộng đồng',
  'Số thành viên Tổ công nghệ số cộng đồng',
  'Tỷ lệ hồ sơ trực tuyến toàn trình',
  'Ngày chốt số liệu',
  'Người lập biểu',
  'Ghi chú',
  // Schema version 2: the weight of the online-filing rate.
  'Tổng số hồ sơ thủ tục hành chính tiếp nhận',
];

/** A ZIP archive (stored, no compression) of named files, e.g. a backfill batch `{ '01.csv': …, '79.xlsx': … }`. */
export async function zipOf(files: Record<string, Buffer>): Promise<Buffer> {
  const entries = Object.entries(files).map(([name, bytes]) => ({
    name,
    size: bytes.length,
    crc32: crc32(bytes),
    content: async function* () {
      yield bytes;
    },
  }));
  const chunks: Buffer[] = [];
  for await (const chunk of writeStoredZip(entries)) chunks.push(chunk);
  return Buffer.concat(chunks);
}
