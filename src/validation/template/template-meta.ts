/** What the template says about the reporting obligation it belongs to. */
export interface TemplateMeta {
  obligationCode: string;
  obligationTitle: string;
  /** Legal basis, e.g. "Thông tư số 12/2024/TT-BCT, Điều 5". */
  legalBasis: string;
  schemaVersion: number | string;
  /** e.g. "Năm 2024", "Quý I/2025". */
  periodLabel?: string;
}

export const DEFAULT_DATA_SHEET_NAME = 'Dữ liệu';
export const INSTRUCTIONS_SHEET_NAME = 'Hướng dẫn';
export const META_SHEET_NAME = '_meta';
export const LISTS_SHEET_NAME = '_danh_muc';

/** Excel sheet names: at most 31 characters, none of \ / ? * [ ] :, not starting or ending with an apostrophe. */
export function safeSheetName(name: string | undefined, fallback = DEFAULT_DATA_SHEET_NAME): string {
  const cleaned = (name ?? '')
    .normalize('NFC')
    .replace(/[\\/?*[\]:]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .slice(0, 31)
    .trim();
  return cleaned === '' ? fallback : cleaned;
}
