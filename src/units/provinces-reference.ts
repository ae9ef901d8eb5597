import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { UnitKind } from './reporting-unit.entity';

/**
 * Provenance of provinces-63.csv: General Statistics Office list of administrative units
 * (codes of Decision 124/2004/QĐ-TTg), state of 01-11-2024. The 63-unit configuration dates from
 * 01-08-2008 (Resolution 15/2008/QH12 merged Hà Tây into Hà Nội).
 */
export const PROVINCES_LEGAL_BASIS = 'Quyết định 124/2004/QĐ-TTg; danh mục đơn vị hành chính của Tổng cục Thống kê (01/11/2024)';
export const PROVINCES_VALID_FROM = '2008-08-01';

export interface ProvinceRecord {
  code: string;
  name: string;
  nameAscii: string;
  kind: UnitKind;
  region: string;
}

export function readProvinces(file = join(__dirname, 'reference', 'provinces-63.csv')): ProvinceRecord[] {
  const rows: Array<Record<string, string>> = parse(readFileSync(file, 'utf8'), { columns: true, bom: true, trim: true });
  return rows.map((row) => ({
    code: row.code,
    name: row.name_vi.normalize('NFC'),
    nameAscii: row.name_ascii,
    kind: row.kind as UnitKind,
    region: row.region.normalize('NFC'),
  }));
}
