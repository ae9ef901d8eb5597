/**
 * The benchmark's report: a per-document detail register of postal licences, one row per licence
 * or confirmation issued by a provincial Department (12 columns, Vietnamese labels).
 */

const CODE = 'BENCH-CHI-TIET';
const SHEET_NAME = 'CHI-TIET';

const LOAI_VAN_BAN = [
  'Giấy phép bưu chính',
  'Văn bản xác nhận thông báo hoạt động bưu chính',
  'Giấy phép bưu chính sửa đổi, bổ sung',
  'Giấy phép bưu chính cấp lại',
];

const PHAM_VI = ['Nội tỉnh', 'Liên tỉnh', 'Quốc tế'];

const FIELDS = [
  { key: 'loai_van_ban', label: 'Loại văn bản', type: 'enum', required: true, enumValues: LOAI_VAN_BAN },
  { key: 'so_van_ban', label: 'Số văn bản', type: 'text', required: true, pattern: '^\\d{1,6}/(GP|XN)-[A-Z]{2,10}$', maxLength: 40 },
  { key: 'ngay_cap', label: 'Ngày cấp', type: 'date', required: true, min: '2000-01-01', max: '2025-12-31' },
  { key: 'ten_doanh_nghiep', label: 'Tên doanh nghiệp', type: 'text', required: true, minLength: 5, maxLength: 300 },
  { key: 'ma_so_thue', label: 'Mã số thuế', type: 'text', required: true, pattern: '^\\d{10}(-\\d{3})?$' },
  { key: 'dia_chi', label: 'Địa chỉ trụ sở', aliases: ['Địa chỉ'], type: 'text', required: true, maxLength: 500 },
  { key: 'tinh', label: 'Tỉnh/thành phố', aliases: ['Tỉnh'], type: 'text', required: true, maxLength: 100 },
  { key: 'pham_vi', label: 'Phạm vi cung ứng', aliases: ['Phạm vi'], type: 'enum', required: true, enumValues: PHAM_VI },
  { key: 'so_diem_phuc_vu', label: 'Số điểm phục vụ', type: 'integer', required: true, min: 0, max: 1000000, unit: 'điểm', aggregate: 'sum' },
  { key: 'doanh_thu', label: 'Doanh thu đăng ký', type: 'decimal', required: false, min: 0, unit: 'triệu đồng', aggregate: 'sum' },
  { key: 'ngay_hieu_luc', label: 'Ngày hiệu lực', type: 'date', required: true },
  { key: 'ghi_chu', label: 'Ghi chú', type: 'text', required: false, maxLength: 1000 },
];

const DEFINITION = {
  sheetName: SHEET_NAME,
  keyFields: ['so_van_ban'],
  fields: FIELDS,
  rowRules: [
    {
      id: 'hieu_luc_sau_ngay_cap',
      message: 'Ngày hiệu lực không được trước ngày cấp',
      assert: 'ngay_hieu_luc >= ngay_cap',
    },
  ],
  fileRules: [{ id: 'so_van_ban_duy_nhat', kind: 'unique', fields: ['so_van_ban'], message: 'Mỗi số văn bản chỉ được khai một dòng' }],
};

const OBLIGATION = {
  code: CODE,
  title: 'Danh sách chi tiết giấy phép bưu chính, văn bản xác nhận thông báo hoạt động bưu chính đã cấp (benchmark)',
  legalDocument: 'Thông tư 35/2016/TT-BTTTT (biểu chi tiết dùng cho đo hiệu năng)',
  issuingBody: 'Bộ Thông tin và Truyền thông',
  receivingBody: 'Vụ Bưu chính',
  periodType: 'quarterly',
  cutoffKind: 'decree09',
  deadlineRule: { kind: 'days_after_cutoff', days: 5, dayType: 'working', adjust: 'next_working_day' },
  targetScope: 'all_provinces',
  compliesWhen: 'approved',
  activeFrom: '2020-01-01',
};

const SCHEMA_VERSION = {
  definition: DEFINITION,
  effectiveFrom: '2020-01-01',
  changeNote: 'Biểu chi tiết 12 cột, không giới hạn số dòng (benchmark)',
};

module.exports = { CODE, SHEET_NAME, FIELDS, LOAI_VAN_BAN, PHAM_VI, OBLIGATION, SCHEMA_VERSION };
