import type { FieldDefinition, ReportSchemaDefinition } from '../schema-definition';

/** Test data shared by the validation specs: realistic schemas from the ministry's reports. */

export const CIRCULAR_35_INDICATORS = [
  'Doanh nghiệp được cấp giấy phép bưu chính',
  'Doanh nghiệp được cấp văn bản xác nhận thông báo hoạt động bưu chính',
  'Chi nhánh, văn phòng đại diện được cấp văn bản xác nhận thông báo hoạt động bưu chính',
  'Doanh nghiệp, chi nhánh, văn phòng đại diện đã được cấp giấy phép / văn bản xác nhận nay đã ngừng hoạt động',
] as const;

/** Circular 35/2016/TT-BTTTT, form 01/BC-STTTT: the Sở's annual postal licensing summary. */
export function circular35SummarySchema(): ReportSchemaDefinition {
  return {
    sheetName: 'BC-STTTT',
    keyFields: ['chi_tieu'],
    fields: [
      { key: 'stt', label: 'STT', type: 'integer', min: 1, max: 4, aggregate: 'none' },
      {
        key: 'chi_tieu',
        label: 'Chỉ tiêu',
        aliases: ['Tên chỉ tiêu'],
        type: 'enum',
        required: true,
        enumValues: [...CIRCULAR_35_INDICATORS],
      },
      {
        key: 'so_luong_trong_nam',
        label: 'Số lượng trong năm',
        aliases: ['(1)', 'Trong năm'],
        type: 'integer',
        required: true,
        min: 0,
        unit: 'Đơn vị',
        aggregate: 'sum',
      },
      {
        key: 'so_luong_luy_ke',
        label: 'Số lượng lũy kế',
        aliases: ['(2)', 'Lũy kế'],
        type: 'integer',
        required: true,
        min: 0,
        unit: 'Đơn vị',
        aggregate: 'sum',
      },
      { key: 'ghi_chu', label: 'Ghi chú', aliases: ['(3)'], type: 'text', maxLength: 1000 },
    ],
    rowRules: [
      {
        id: 'luy_ke_khong_nho_hon_trong_nam',
        message: 'Số lượng lũy kế không được nhỏ hơn số lượng trong năm.',
        assert: 'so_luong_luy_ke >= so_luong_trong_nam',
        when: `chi_tieu != '${CIRCULAR_35_INDICATORS[3]}'`,
      },
    ],
    fileRules: [
      { id: 'moi_chi_tieu_mot_dong', kind: 'unique', fields: ['chi_tieu'], message: 'Mỗi chỉ tiêu chỉ được khai một dòng' },
      { id: 'du_bon_chi_tieu', kind: 'row_count', min: 4, max: 4, message: 'Biểu 01/BC-STTTT có đúng 4 chỉ tiêu.' },
    ],
  };
}

/** The headers of the 01/BC-STTTT template, as officers type them. */
export const CIRCULAR_35_HEADERS = ['STT', 'Chỉ tiêu', 'Số lượng trong năm', 'Số lượng lũy kế', 'Ghi chú'];

/** A correct 01/BC-STTTT body (XLSX-like cells), one row per indicator. */
export function circular35Rows(): unknown[][] {
  return [
    [1, CIRCULAR_35_INDICATORS[0], 3, 41, ''],
    [2, CIRCULAR_35_INDICATORS[1], 12, 187, null],
    [3, CIRCULAR_35_INDICATORS[2], 5, 64, 'Gồm 2 văn phòng đại diện'],
    [4, CIRCULAR_35_INDICATORS[3], 2, 9, null],
  ];
}

/** The optional detail sheet of Circular 35: one row per licence or confirmation issued. */
export function circular35DetailSchema(): ReportSchemaDefinition {
  return {
    sheetName: 'Chi tiết',
    keyFields: ['so_van_ban'],
    fields: [
      {
        key: 'loai_van_ban',
        label: 'Loại văn bản',
        type: 'enum',
        required: true,
        enumValues: ['Giấy phép bưu chính', 'Văn bản xác nhận thông báo hoạt động bưu chính'],
      },
      {
        key: 'hinh_thuc',
        label: 'Hình thức',
        type: 'enum',
        required: true,
        enumValues: ['Cấp mới', 'Sửa đổi, bổ sung', 'Cấp lại', 'Thu hồi'],
      },
      { key: 'so_van_ban', label: 'Số văn bản', type: 'text', required: true, pattern: '\\d{1,5}/(GP|XN)-[A-ZĐ]+' },
      { key: 'ngay_cap', label: 'Ngày cấp', type: 'date', required: true, min: '2017-02-15' },
      { key: 'ten_doanh_nghiep', label: 'Tên doanh nghiệp', type: 'text', required: true, minLength: 3, maxLength: 300 },
      { key: 'ma_so_thue', label: 'Mã số thuế', aliases: ['MST'], type: 'text', required: true, pattern: '\\d{10}(-\\d{3})?' },
      { key: 'dia_chi', label: 'Địa chỉ trụ sở', aliases: ['Địa chỉ'], type: 'text' },
      { key: 'lien_tinh', label: 'Phạm vi liên tỉnh', type: 'boolean' },
    ],
  };
}

/** A quarterly provincial sector report (one row per province), with decimals, dates and flags. */
export function quarterlySectorSchema(): ReportSchemaDefinition {
  return {
    sheetName: 'BC-QUY',
    keyFields: ['ma_tinh'],
    fields: [
      { key: 'ma_tinh', label: 'Mã tỉnh', aliases: ['Mã ĐVHC'], type: 'text', required: true, pattern: '\\d{2}' },
      { key: 'ten_tinh', label: 'Tỉnh, thành phố', type: 'text', required: true, maxLength: 100 },
      { key: 'san_luong_buu_gui', label: 'Sản lượng bưu gửi', type: 'integer', required: true, min: 0, unit: 'bưu gửi' },
      {
        key: 'doanh_thu_buu_chinh',
        label: 'Doanh thu dịch vụ bưu chính',
        aliases: ['Doanh thu bưu chính'],
        type: 'decimal',
        required: true,
        min: 0,
        unit: 'tỷ đồng',
      },
      { key: 'tong_so_ho', label: 'Tổng số hộ gia đình', type: 'integer', required: true, min: 1, unit: 'hộ' },
      { key: 'so_ho_cap_quang', label: 'Số hộ sử dụng cáp quang', type: 'integer', required: true, min: 0, unit: 'hộ' },
      {
        key: 'ty_le_ho_cap_quang',
        label: 'Tỷ lệ hộ sử dụng cáp quang (%)',
        type: 'decimal',
        min: 0,
        max: 100,
        unit: '%',
        aggregate: 'avg',
      },
      { key: 'so_to_cnscd', label: 'Số Tổ công nghệ số cộng đồng', type: 'integer', min: 0, unit: 'tổ' },
      { key: 'so_thanh_vien_to_cnscd', label: 'Số thành viên Tổ công nghệ số cộng đồng', type: 'integer', min: 0 },
      {
        key: 'ngay_chot_so_lieu',
        label: 'Ngày chốt số liệu',
        type: 'date',
        required: true,
        min: '2023-12-15',
        max: '2024-03-14',
      },
      { key: 'da_ky_so', label: 'Đã ký số', type: 'boolean' },
      { key: 'ghi_chu', label: 'Ghi chú', type: 'text' },
    ],
    rowRules: [
      {
        id: 'ho_cap_quang_khong_vuot_tong_ho',
        message: 'Số hộ sử dụng cáp quang không được vượt tổng số hộ gia đình.',
        assert: 'so_ho_cap_quang <= tong_so_ho',
      },
      {
        id: 'thanh_vien_khong_it_hon_so_to',
        message: 'Số thành viên Tổ công nghệ số cộng đồng không được ít hơn số tổ.',
        assert: 'so_thanh_vien_to_cnscd >= so_to_cnscd',
        missing: 'zero',
      },
      {
        id: 'ty_le_khop_so_ho',
        message: 'Tỷ lệ hộ sử dụng cáp quang lệch quá 0,1 điểm so với số hộ đã khai.',
        assert: 'abs(ty_le_ho_cap_quang - so_ho_cap_quang / tong_so_ho * 100) <= 0.1',
        severity: 'warning',
      },
    ],
    fileRules: [
      { id: 'ma_tinh_khong_trung', kind: 'unique', fields: ['ma_tinh'] },
      { id: 'toi_da_63_tinh', kind: 'row_count', min: 1, max: 63 },
    ],
  };
}

export const QUARTERLY_HEADERS = [
  'Mã tỉnh',
  'Tỉnh, thành phố',
  'Sản lượng bưu gửi',
  'Doanh thu dịch vụ bưu chính',
  'Tổng số hộ gia đình',
  'Số hộ sử dụng cáp quang',
  'Tỷ lệ hộ sử dụng cáp quang (%)',
  'Số Tổ công nghệ số cộng đồng',
  'Số thành viên Tổ công nghệ số cộng đồng',
  'Ngày chốt số liệu',
  'Đã ký số',
  'Ghi chú',
];

/** A correct quarterly row for Hà Nội as a CSV gives it: all strings, Vietnamese formats. */
export function quarterlyCsvRow(): string[] {
  return ['01', 'Hà Nội', '16.301.824', '1.250,75', '2.500.000', '2.125.000', '85', '3.126', '15.630', '14/03/2024', 'có', ''];
}

/** A field definition with defaults, for specs that need one field of a given type. */
export function field(overrides: Partial<FieldDefinition> & Pick<FieldDefinition, 'type'>): FieldDefinition {
  return { key: 'gia_tri', label: 'Giá trị', ...overrides };
}
