import { elementsByLocalName } from './xml-text';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface WorkbookSheet {
  name: string;
  state: SheetState;
  /** Zip entry holding the sheet XML, e.g. `xl/worksheets/sheet1.xml`. */
  path: string;
}

export interface WorkbookStructure {
  /** Worksheets in tab order (chart sheets and dialog sheets excluded). */
  sheets: WorkbookSheet[];
  /** Serial dates count from 1904 (old Mac workbooks). */
  date1904: boolean;
  /** Shared-strings and styles parts as the workbook relationships name them (usually `xl/sharedStrings.xml`, `xl/styles.xml`). */
  sharedStringsPath?: string;
  stylesPath?: string;
}

const WORKSHEET_REL = /\/relationships\/worksheet$/;
const SHARED_STRINGS_REL = /\/relationships\/sharedStrings$/;
const STYLES_REL = /\/relationships\/styles$/;

/** Sheet names, visibility and part paths from `xl/workbook.xml` and `xl/_rels/workbook.xml.rels`. */
export function parseWorkbookStructure(workbookXml: string, relsXml: string | undefined): WorkbookStructure {
  const targets = new Map<string, string>();
  let sharedStringsPath: string | undefined;
  let stylesPath: string | undefined;
  for (const rel of relsXml ? elementsByLocalName(relsXml, 'Relationship') : []) {
    const id = rel.get('Id');
    const target = rel.get('Target');
    const type = rel.get('Type') ?? '';
    if (!id || !target || rel.get('TargetMode') === 'External') continue;
    if (WORKSHEET_REL.test(type)) targets.set(id, resolveTarget(target));
    else if (SHARED_STRINGS_REL.test(type)) sharedStringsPath ??= resolveTarget(target);
    else if (STYLES_REL.test(type)) stylesPath ??= resolveTarget(target);
  }
  const sheets: WorkbookSheet[] = [];
  for (const sheet of elementsByLocalName(workbookXml, 'sheet')) {
    const name = sheet.get('name');
    const relId = sheet.get('r:id') ?? sheet.get('id');
    const path = relId ? targets.get(relId) : undefined;
    if (!name || !path) continue;
    const state = sheet.get('state');
    sheets.push({
      name: name.normalize('NFC'),
      state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
      path,
    });
  }
  const properties = elementsByLocalName(workbookXml, 'workbookPr')[0];
  const date1904 = ['1', 'true'].includes(properties?.get('date1904') ?? '');
  return { sheets, date1904, sharedStringsPath, stylesPath };
}

export interface ChosenSheet {
  sheet: WorkbookSheet;
  /** The preferred name was asked for and found. */
  matchedPreferred: boolean;
}

/**
 * The sheet named `preferredName` (exact, then ignoring case and surrounding spaces), else the first
 * visible worksheet, else the first worksheet. Undefined when the workbook has no worksheet.
 */
export function chooseSheet(structure: WorkbookStructure, preferredName?: string): ChosenSheet | undefined {
  if (preferredName) {
    const wanted = preferredName.normalize('NFC');
    const loose = looseName(wanted);
    const found =
      structure.sheets.find((s) => s.name === wanted) ?? structure.sheets.find((s) => looseName(s.name) === loose);
    if (found) return { sheet: found, matchedPreferred: true };
  }
  const first = structure.sheets.find((s) => s.state === 'visible') ?? structure.sheets[0];
  return first ? { sheet: first, matchedPreferred: false } : undefined;
}

function looseName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
}

/** Relationship targets are relative to `xl/` unless absolute (`/xl/worksheets/sheet1.xml`). */
function resolveTarget(target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `xl/${target}`).split('/');
  const resolved: string[] = [];
  for (const part of parts) {
    if (part === '..') resolved.pop();
    else if (part !== '.' && part !== '') resolved.push(part);
  }
  return resolved.join('/');
}
