/**
 * How to save a file the way uploads accept it, in Excel and in LibreOffice Calc: menu names as the
 * Vietnamese interface shows them, the English name in brackets where the translation is partial.
 */
export const SAVE_AS_XLSX =
  'Hãy mở tệp và lưu thành .xlsx rồi tải lên lại. Excel: Tệp > Lưu thành > Sổ làm việc Excel (*.xlsx). ' +
  'LibreOffice Calc: Tập tin > Lưu mới (File > Save As), ở Kiểu tập tin (File type) chọn "Excel 2007–365", ' +
  'bấm Lưu rồi chọn "Use Excel 2007-365!".';

export const SAVE_AS_CSV_UTF8 =
  'Hãy lưu lại thành CSV UTF-8 rồi tải lên lại. Excel: Tệp > Lưu thành > CSV UTF-8 (Comma delimited) (*.csv). ' +
  'LibreOffice Calc: Tập tin > Lưu mới (File > Save As), ở Kiểu tập tin chọn "Văn bản CSV" (Text CSV), đánh dấu ' +
  '"Sửa thiết lập lọc" (Edit filter settings), bấm Lưu, rồi ở Bộ ký tự (Character set) chọn "Unicode (UTF-8)". ' +
  'Không dùng bảng mã TCVN3 hoặc Windows-1258.';

export const REMOVE_PASSWORD =
  'Hãy gỡ mật khẩu rồi tải lên lại. Excel: Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng mật khẩu, xóa mật khẩu. ' +
  'LibreOffice Calc: Tập tin > Lưu mới (File > Save As), bỏ đánh dấu "Lưu bằng mật khẩu" (Save with password).';

export const RESAVE_CALCULATED =
  'Hãy mở tệp bằng Excel hoặc LibreOffice Calc rồi lưu lại trước khi tải lên (Excel: Tệp > Lưu; LibreOffice Calc: ' +
  'Tập tin > Lưu, chọn "Use Excel 2007-365!" nếu được hỏi), để các công thức được tính và lưu giá trị.';
