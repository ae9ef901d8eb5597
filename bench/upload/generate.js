/**
 * Deterministic generator of the benchmark's report files: the same seed gives the same rows.
 * CSV: UTF-8 with BOM, comma-separated, CRLF, Vietnamese number and date text (`1.234.567`, `12,5`, `dd/mm/yyyy`).
 * XLSX: what Excel saves: shared strings, real numbers and dates with Vietnamese display formats.
 */
const fs = require('node:fs');
const ExcelJS = require('exceljs');
const { FIELDS, LOAI_VAN_BAN, PHAM_VI, SHEET_NAME } = require('./schema');

const HEADER = FIELDS.map((field) => field.label);
const DAY_MS = 24 * 3600 * 1000;
const FIRST_ISSUE_DAY = Date.UTC(2015, 0, 1) / DAY_MS;
const LAST_ISSUE_DAY = Date.UTC(2025, 11, 1) / DAY_MS;

const COMPANY_FORMS = ['Công ty TNHH', 'Công ty Cổ phần', 'Công ty TNHH MTV', 'Doanh nghiệp tư nhân', 'Chi nhánh Công ty Cổ phần'];
const COMPANY_TRADES = ['Chuyển phát nhanh', 'Giao nhận', 'Bưu chính', 'Thương mại và Dịch vụ Vận chuyển', 'Logistics', 'Dịch vụ Bưu phẩm'];
const COMPANY_NAMES = ['Hòa Bình', 'Phương Nam', 'Sao Việt', 'Đại Dương', 'Thành Công', 'Hưng Thịnh', 'Ánh Dương', 'Kim Ngân', 'Trường Sơn', 'Bắc Hà', 'Tân Phú', 'Lộc Phát', 'Đông Á', 'Việt Nhật', 'Hải Âu'];
const COMPANY_PLACES = ['', ' Sài Gòn', ' Hà Nội', ' Miền Trung', ' Toàn Cầu', ' Quốc tế', ' Đà Nẵng', ' Cần Thơ'];
const STREETS = ['Nguyễn Trãi', 'Lê Lợi', 'Trần Hưng Đạo', 'Hai Bà Trưng', 'Lý Thường Kiệt', 'Điện Biên Phủ', 'Võ Văn Kiệt', 'Phạm Văn Đồng', 'Hoàng Quốc Việt', 'Cách Mạng Tháng Tám', 'Nguyễn Thị Minh Khai', 'Quang Trung'];
const WARDS = ['Phường Bến Nghé', 'Phường Cửa Nam', 'Phường Hòa Cường', 'Phường Tân Định', 'Xã Đông Hòa', 'Phường Ngọc Hà', 'Thị trấn Đông Anh', 'Phường Lê Hồng Phong'];
const PROVINCES = ['Thành phố Hà Nội', 'Thành phố Hồ Chí Minh', 'Thành phố Đà Nẵng', 'Thành phố Hải Phòng', 'Thành phố Cần Thơ', 'Tỉnh Quảng Ninh', 'Tỉnh Nghệ An', 'Tỉnh Thanh Hóa', 'Tỉnh Đồng Nai', 'Tỉnh Bình Dương', 'Tỉnh Khánh Hòa', 'Tỉnh Lâm Đồng', 'Tỉnh Đắk Lắk', 'Tỉnh Thừa Thiên Huế', 'Tỉnh Bắc Ninh', 'Tỉnh An Giang'];
const AGENCIES = ['STTTT', 'BTTTT', 'SKHCN', 'VBC'];
const NOTES = ['Cấp mới', 'Cấp lại do mất bản chính', 'Sửa đổi phạm vi cung ứng dịch vụ', 'Bổ sung dịch vụ chuyển phát quốc tế', 'Đã nộp phí thẩm định, chờ bổ sung hồ sơ'];

/** mulberry32: tiny seeded PRNG, good enough for test data. */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeRowFactory(seed) {
  const random = seededRandom(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const between = (min, max) => min + Math.floor(random() * (max - min + 1));

  return function row(index) {
    const loai = random() < 0.55 ? LOAI_VAN_BAN[0] : pick(LOAI_VAN_BAN);
    const issuedDay = between(FIRST_ISSUE_DAY, LAST_ISSUE_DAY);
    const taxCode = `0${String(between(100000000, 999999999))}${random() < 0.2 ? `-00${between(1, 9)}` : ''}`;
    return {
      loai_van_ban: loai,
      so_van_ban: `${index + 1}/${loai === LOAI_VAN_BAN[1] ? 'XN' : 'GP'}-${pick(AGENCIES)}`,
      ngay_cap: new Date(issuedDay * DAY_MS),
      ten_doanh_nghiep: `${pick(COMPANY_FORMS)} ${pick(COMPANY_TRADES)} ${pick(COMPANY_NAMES)}${pick(COMPANY_PLACES)}`,
      ma_so_thue: taxCode,
      dia_chi: `Số ${between(1, 999)} đường ${pick(STREETS)}, ${pick(WARDS)}`,
      tinh: pick(PROVINCES),
      pham_vi: pick(PHAM_VI),
      so_diem_phuc_vu: random() < 0.9 ? between(1, 999) : between(1000, 250000),
      doanh_thu: random() < 0.5 ? between(0, 999) / 10 : between(1000, 50000000) / 10,
      ngay_hieu_luc: new Date((issuedDay + between(0, 30)) * DAY_MS),
      ghi_chu: random() < 0.6 ? null : pick(NOTES),
    };
  };
}

/** `1.234.567` / `1.234.567,5`: dots group thousands, a comma marks decimals. */
function vietnameseNumber(value) {
  const [whole, fraction] = String(value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return fraction ? `${grouped},${fraction}` : grouped;
}

function vietnameseDate(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
}

function csvCell(value) {
  let text;
  if (value === null) text = '';
  else if (value instanceof Date) text = vietnameseDate(value);
  else if (typeof value === 'number') text = vietnameseNumber(value);
  else text = value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLine(values) {
  return values.map(csvCell).join(',') + '\r\n';
}

/** Writes `rows` data rows after the header line; returns the file size. */
function writeCsv(path, rows, seed = 1) {
  const row = makeRowFactory(seed);
  const fd = fs.openSync(path, 'w');
  try {
    let chunk = '\uFEFF' + csvLine(HEADER);
    for (let index = 0; index < rows; index++) {
      const values = row(index);
      chunk += csvLine(FIELDS.map((field) => values[field.key]));
      if (chunk.length > 1 << 20) {
        fs.writeSync(fd, chunk);
        chunk = '';
      }
    }
    fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
  return fs.statSync(path).size;
}

const NUMBER_FORMATS = {
  date: 'dd/mm/yyyy',
  integer: '#,##0',
  decimal: '#,##0.0',
};

/** Streams an XLSX with the header in row 1 and `rows` data rows below; returns the file size. */
async function writeXlsx(path, rows, seed = 2) {
  const row = makeRowFactory(seed);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet(SHEET_NAME);
  sheet.columns = FIELDS.map((field) => ({
    header: field.label,
    key: field.key,
    width: field.type === 'text' ? 30 : 14,
    style: NUMBER_FORMATS[field.type] ? { numFmt: NUMBER_FORMATS[field.type] } : {},
  }));
  for (let index = 0; index < rows; index++) {
    sheet.addRow(row(index)).commit();
  }
  sheet.commit();
  await workbook.commit();
  return fs.statSync(path).size;
}

module.exports = { writeCsv, writeXlsx, vietnameseNumber, vietnameseDate };
