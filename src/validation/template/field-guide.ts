import type { FieldDefinition, FieldType } from '../domain/schema-definition';

/** Vietnamese name of each field type, as shown in the instructions sheet. */
export const FIELD_TYPE_LABELS: Readonly<Record<FieldType, string>> = {
  integer: 'Số nguyên',
  decimal: 'Số thập phân',
  text: 'Văn bản',
  date: 'Ngày (dd/mm/yyyy)',
  enum: 'Danh mục',
  boolean: 'Có/Không',
};

export const BOOLEAN_CHOICES = ['Có', 'Không'] as const;

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 6 });

export function formatViNumber(value: number): string {
  return numberFormat.format(value);
}

/** `2024-03-15` → `15/03/2024`; other input is returned unchanged. */
export function formatViDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

/** Human range of a field: "Từ 0 đến 1.000", "Tối đa 255 ký tự", "Từ 01/01/2020 trở đi"…; '' when unbounded. */
export function describeRange(field: FieldDefinition): string {
  const parts: string[] = [];
  if (field.type === 'integer' || field.type === 'decimal') {
    parts.push(bounds(numeric(field.min), numeric(field.max), formatViNumber, 'trở lên', 'Không quá'));
  } else if (field.type === 'date') {
    parts.push(bounds(isoDate(field.min), isoDate(field.max), formatViDate, 'trở đi', 'Không sau'));
  } else if (field.type === 'text') {
    parts.push(textLength(field.minLength, field.maxLength));
    if (field.pattern) parts.push(`Định dạng (biểu thức chính quy): ${field.pattern}`);
  }
  return parts.filter((p) => p !== '').join('; ');
}

/** Allowed values for enum/boolean fields, comma separated; '' otherwise. */
export function describeAllowedValues(field: FieldDefinition): string {
  if (field.type === 'boolean') return BOOLEAN_CHOICES.join(', ');
  if (field.type === 'enum') return (field.enumValues ?? []).join('; ');
  return '';
}

/** One-line hint: type, range, required, unit. Used for input prompts. */
export function describeField(field: FieldDefinition): string {
  const parts = [FIELD_TYPE_LABELS[field.type]];
  const range = describeRange(field);
  if (range) parts.push(range.charAt(0).toLowerCase() + range.slice(1));
  if (field.unit) parts.push(`đơn vị: ${field.unit}`);
  parts.push(field.required ? 'bắt buộc' : 'không bắt buộc');
  return `${parts.join(', ')}.`;
}

function textLength(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `Từ ${formatViNumber(min)} đến ${formatViNumber(max)} ký tự`;
  if (max !== undefined) return `Tối đa ${formatViNumber(max)} ký tự`;
  if (min !== undefined) return `Ít nhất ${formatViNumber(min)} ký tự`;
  return '';
}

function bounds<T>(
  min: T | undefined,
  max: T | undefined,
  format: (value: T) => string,
  openUpper: string,
  onlyMax: string,
): string {
  if (min !== undefined && max !== undefined) return `Từ ${format(min)} đến ${format(max)}`;
  if (min !== undefined) return `Từ ${format(min)} ${openUpper}`;
  if (max !== undefined) return `${onlyMax} ${format(max)}`;
  return '';
}

export function numeric(value: number | string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : undefined;
}

export function isoDate(value: number | string | undefined): string | undefined {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}
