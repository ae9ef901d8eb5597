import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inForceOn } from '../common/dated-names';
import type { ReportingUnit } from './reporting-unit.entity';

export interface DepartmentNameRule {
  unitId: string | null;
  namePattern: string;
  validFrom: string;
  validTo: string | null;
  legalBasis: string | null;
}

/** The general department names shipped as reference data (reference/department-names.json). */
export function readDepartmentNames(file = join(__dirname, 'reference', 'department-names.json')): DepartmentNameRule[] {
  const rows: Array<Omit<DepartmentNameRule, 'unitId'>> = JSON.parse(readFileSync(file, 'utf8'));
  return rows.map((row) => ({ ...row, unitId: null, namePattern: row.namePattern.normalize('NFC'), legalBasis: row.legalBasis?.normalize('NFC') ?? null }));
}

/** How a department's name refers to its unit: `tỉnh Hà Giang`, `Thành phố Hà Nội` (a centrally-run city's name already says so). */
export function placeName(unit: Pick<ReportingUnit, 'name' | 'kind'>): string {
  return unit.kind === 'province' ? `tỉnh ${unit.name}` : unit.name;
}

/**
 * The unit's reporting department on a day: the unit's own rule in force, else, for a province or
 * centrally-run city, the general one; otherwise (a commune, a ministry, no rule for the day) the unit's own name.
 */
export function departmentNameOn(unit: Pick<ReportingUnit, 'id' | 'name' | 'kind'>, rules: readonly DepartmentNameRule[], date: string): string {
  const provincial = unit.kind === 'province' || unit.kind === 'municipality';
  const rule = inForceOn(rules.filter((r) => r.unitId === unit.id), date) ?? (provincial ? inForceOn(rules.filter((r) => r.unitId === null), date) : undefined);
  return rule ? rule.namePattern.replace('{place}', placeName(unit)) : unit.name;
}
