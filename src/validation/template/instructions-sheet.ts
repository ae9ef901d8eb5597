import type { Workbook, Worksheet } from 'exceljs';
import type { ReportSchemaDefinition } from '../domain/schema-definition';
import { describeAllowedValues, describeRange, FIELD_TYPE_LABELS } from './field-guide';
import { INSTRUCTIONS_SHEET_NAME, type TemplateMeta } from './template-meta';

const COLUMNS: { header: string; width: number }[] = [
  { header: 'STT', width: 6 },
  { header: 'Tên cột', width: 32 },
  { header: 'Mã trường', width: 24 },
  { header: 'Kiểu dữ liệu', width: 18 },
  { header: 'Bắt buộc', width: 10 },
  { header: 'Giới hạn', width: 30 },
  { header: 'Giá trị cho phép', width: 30 },
  { header: 'Đơn vị', width: 14 },
  { header: 'Mô tả', width: 40 },
];

/** The "Hướng dẫn" sheet: obligation, legal basis, how to fill in, every column, the checks, how to save. */
export function addInstructionsSheet(
  workbook: Workbook,
  schema: ReportSchemaDefinition,
  meta: TemplateMeta,
  dataSheetName: string,
): Worksheet {
  const sheet = workbook.addWorksheet(INSTRUCTIONS_SHEET_NAME);
  COLUMNS.forEach((column, i) => (sheet.getColumn(i + 1).width = column.width));

  const line = (text: string, style: 'title' | 'heading' | 'text' = 'text') => {
    const row = sheet.addRow([text]);
    if (style !== 'text') row.font = { bold: true, size: style === 'title' ? 14 : 12 };
    return row;
  };

  line('HƯỚNG DẪN LẬP BÁO CÁO', 'title');
  line(`Chế độ báo cáo: ${meta.obligationCode} – ${meta.obligationTitle}`);
  line(`Căn cứ pháp lý: ${meta.legalBasis}`);
  line(`Phiên bản biểu mẫu: ${meta.schemaVersion}`);
  if (meta.periodLabel) line(`Kỳ báo cáo: ${meta.periodLabel}`);
  sheet.addRow([]);

  line('Cách nhập liệu', 'heading');
  line(`• Nhập dữ liệu vào trang "${dataSheetName}", mỗi dòng một bản ghi, bắt đầu từ dòng 3; dòng 1 là tên cột.`);
  line('• Không sửa, xóa, chèn hoặc đổi thứ tự các cột; không xóa dòng 2 đang ẩn (chứa mã trường để hệ thống đối chiếu cột).');
  line('• Cột có dấu (*) là bắt buộc nhập.');
  line('• Ngày nhập theo dạng dd/mm/yyyy, ví dụ 31/12/2024.');
  line('• Số nhập không kèm đơn vị; dấu phân cách hàng nghìn và thập phân hiển thị theo cài đặt vùng của máy.');
  line('• Cột Có/Không và cột danh mục: chọn giá trị trong danh sách thả xuống.');
  sheet.addRow([]);

  line('Danh sách cột', 'heading');
  const header = sheet.addRow(COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  schema.fields.forEach((field, index) => {
    const row = sheet.addRow([
      index + 1,
      field.label,
      field.key,
      FIELD_TYPE_LABELS[field.type],
      field.required ? 'Có' : 'Không',
      describeRange(field) || null,
      describeAllowedValues(field) || null,
      field.unit || null,
      field.description || null,
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
  });

  const checks = [
    ...(schema.rowRules ?? []).map((rule) => ({ message: rule.message, severity: rule.severity })),
    ...(schema.fileRules ?? []).filter((rule) => rule.message).map((rule) => ({ message: rule.message!, severity: rule.severity })),
  ];
  if (checks.length > 0) {
    sheet.addRow([]);
    line('Quy tắc kiểm tra', 'heading');
    checks.forEach((check, i) => {
      const suffix = check.severity === 'warning' ? ' (cảnh báo, không chặn việc nộp)' : '';
      line(`${i + 1}. ${check.message}${suffix}`);
    });
  }

  sheet.addRow([]);
  line('Cách lưu và nộp tệp', 'heading');
  line('• Lưu tệp dưới dạng Sổ làm việc Excel (*.xlsx). Không dùng định dạng .xls (Excel 97-2003) hoặc .xlsm (có macro).');
  line('• Nếu cần nộp tệp CSV: chọn Tệp > Lưu thành > CSV UTF-8 (Comma delimited) (*.csv). Không dùng bảng mã TCVN3 hoặc Windows-1258.');
  line('• Không đặt mật khẩu cho tệp; giá trị công thức phải được Excel tính và lưu lại trước khi nộp.');
  return sheet;
}
