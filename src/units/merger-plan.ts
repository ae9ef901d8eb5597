import { parse } from 'csv-parse/sync';

export interface MergerEntry {
  code: string;
  name: string;
  oldCodes: string[];
}

/** Reads the `new_code,new_name_vi,old_codes` table (old codes separated by `|`), as in provinces-2025-merger.csv. */
export function parseMergerCsv(text: string): MergerEntry[] {
  const rows: Array<Record<string, string>> = parse(text, { columns: true, bom: true, trim: true, skip_empty_lines: true });
  return rows.map((row) => ({
    code: row.new_code,
    name: (row.new_name_vi ?? '').normalize('NFC'),
    oldCodes: (row.old_codes ?? '').split('|').map((code) => code.trim()).filter(Boolean),
  }));
}

/** Problems with a mapping, each naming the entry: every old code once, new codes unique, each new code one of its old codes. */
export function mergerProblems(entries: readonly MergerEntry[], activeCodes: ReadonlySet<string>): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  const seenOld = new Map<string, number>();
  const seenNew = new Set<string>();
  entries.forEach((entry, index) => {
    const at = `units[${index}]`;
    if (!/^\d{2,3}$/.test(entry.code)) problems.push({ field: `${at}.code`, message: `mã đơn vị mới "${entry.code}" không hợp lệ` });
    if (seenNew.has(entry.code)) problems.push({ field: `${at}.code`, message: `mã đơn vị mới ${entry.code} bị trùng` });
    seenNew.add(entry.code);
    if (entry.name.trim() === '') problems.push({ field: `${at}.name`, message: 'tên đơn vị mới là bắt buộc' });
    if (entry.oldCodes.length === 0) problems.push({ field: `${at}.oldCodes`, message: 'cần ít nhất một đơn vị cũ' });
    for (const old of entry.oldCodes) {
      if (seenOld.has(old)) problems.push({ field: `${at}.oldCodes`, message: `đơn vị cũ ${old} đã thuộc dòng ${seenOld.get(old)}` });
      seenOld.set(old, index);
      if (!activeCodes.has(old)) problems.push({ field: `${at}.oldCodes`, message: `không có đơn vị ${old} đang hoạt động trước ngày sáp nhập` });
    }
  });
  return problems;
}

/** "Thành phố Hà Nội" -> "Thanh pho Ha Noi". */
export function asciiName(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

export const kindFromName = (name: string): 'municipality' | 'province' => (/^Thành phố /.test(name) ? 'municipality' : 'province');
