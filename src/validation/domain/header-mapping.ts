import { normalizeHeader } from './normalize-header';
import type { FieldDefinition } from './schema-definition';
import type { ValidationIssue } from './validation-issue';

export interface ColumnMapping {
  /** 0-based position of the column in the file. */
  index: number;
  /** The header as written in the file. */
  header: string;
  /** The field the column feeds, or null when it is unknown, blank or a repeat of an earlier column. */
  fieldKey: string | null;
}

export interface HeaderMapping {
  columns: ColumnMapping[];
  missingRequired: FieldDefinition[];
  missingOptional: FieldDefinition[];
  unknown: Array<{ index: number; header: string }>;
  /** Fields found in more than one column; only the first of `indexes` is read. */
  duplicates: Array<{ fieldKey: string; indexes: number[] }>;
  /** Header issues with `row: null`; the caller knows which row held the headers. */
  issues: ValidationIssue[];
}

/**
 * Maps file headers to schema fields by label, alias or key (the template's hidden key row),
 * tolerating case, spacing, punctuation and diacritics. Empty trailing headers are ignored.
 */
export function mapHeaders(headers: readonly string[], schema: { readonly fields: readonly FieldDefinition[] }): HeaderMapping {
  const fieldsByName = indexFieldsByName(schema.fields);
  const columns: ColumnMapping[] = [];
  const unknown: HeaderMapping['unknown'] = [];
  const indexesByField = new Map<string, number[]>();

  headers.slice(0, lastNonBlankIndex(headers) + 1).forEach((header, index) => {
    const field = fieldsByName.get(normalizeHeader(header));
    if (field === undefined) {
      unknown.push({ index, header });
      columns.push({ index, header, fieldKey: null });
      return;
    }
    const indexes = indexesByField.get(field.key) ?? [];
    indexes.push(index);
    indexesByField.set(field.key, indexes);
    columns.push({ index, header, fieldKey: indexes.length === 1 ? field.key : null });
  });

  const present = (field: FieldDefinition): boolean => indexesByField.has(field.key);
  const missingRequired = schema.fields.filter((field) => field.required === true && !present(field));
  const missingOptional = schema.fields.filter((field) => field.required !== true && !present(field));
  const duplicates = [...indexesByField]
    .filter(([, indexes]) => indexes.length > 1)
    .map(([fieldKey, indexes]) => ({ fieldKey, indexes }));

  const fieldByKey = new Map(schema.fields.map((field) => [field.key, field]));
  const issues: ValidationIssue[] = [
    ...missingRequired.map(missingColumnIssue),
    ...duplicates.map((duplicate) => duplicateColumnIssue(duplicate, headers, fieldByKey.get(duplicate.fieldKey))),
    ...unknown.map(unknownColumnIssue),
  ];
  return { columns, missingRequired, missingOptional, unknown, duplicates, issues };
}

function indexFieldsByName(fields: readonly FieldDefinition[]): Map<string, FieldDefinition> {
  const fieldsByName = new Map<string, FieldDefinition>();
  for (const field of fields) {
    for (const name of [field.key, field.label, ...(field.aliases ?? [])]) {
      const normalized = normalizeHeader(name);
      if (normalized !== '' && !fieldsByName.has(normalized)) fieldsByName.set(normalized, field);
    }
  }
  return fieldsByName;
}

function lastNonBlankIndex(headers: readonly string[]): number {
  for (let index = headers.length - 1; index >= 0; index--) {
    if (headers[index].trim() !== '') return index;
  }
  return -1;
}

function missingColumnIssue(field: FieldDefinition): ValidationIssue {
  return {
    row: null,
    column: null,
    field: field.key,
    code: 'missing_column',
    severity: 'error',
    message: `Thiếu cột bắt buộc "${field.label}" (${field.key}).`,
    value: null,
  };
}

function duplicateColumnIssue(
  duplicate: { fieldKey: string; indexes: number[] },
  headers: readonly string[],
  field: FieldDefinition | undefined,
): ValidationIssue {
  const [first, ...repeats] = duplicate.indexes;
  const positions = duplicate.indexes.map((index) => index + 1).join(', ');
  return {
    row: null,
    column: headers[repeats[0]],
    field: duplicate.fieldKey,
    code: 'duplicate_column',
    severity: 'error',
    message:
      `Cột "${field?.label ?? duplicate.fieldKey}" (${duplicate.fieldKey}) xuất hiện nhiều lần (cột thứ ${positions}); ` +
      `chỉ đọc dữ liệu ở cột thứ ${first + 1}.`,
    value: null,
  };
}

function unknownColumnIssue({ index, header }: { index: number; header: string }): ValidationIssue {
  const message =
    header.trim() === ''
      ? `Cột thứ ${index + 1} không có tiêu đề; dữ liệu của cột này được bỏ qua.`
      : `Cột "${header}" (cột thứ ${index + 1}) không có trong biểu mẫu; dữ liệu của cột này được bỏ qua.`;
  return { row: null, column: header, field: null, code: 'unknown_column', severity: 'warning', message, value: null };
}
