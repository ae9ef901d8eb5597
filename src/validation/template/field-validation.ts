import type { DataValidation } from 'exceljs';
import type { FieldDefinition } from '../domain/schema-definition';
import { BOOLEAN_CHOICES, describeField, describeRange, FIELD_TYPE_LABELS, isoDate, numeric } from './field-guide';

/** Excel limits: input/error titles 32 characters, messages 255, inline list formula 255. */
const TITLE_MAX = 32;
const MESSAGE_MAX = 255;
const INLINE_LIST_MAX = 255;
/** Bounds used when a numeric field has none (Excel validations need both formulae for "between"). */
const NUMBER_LIMIT = 1e15;
const FIRST_DATE = '1900-01-01';
const LAST_DATE = '9999-12-31';

/** Excel number format for a field's data cells; displayed with the user's locale separators. */
export function numberFormatFor(field: FieldDefinition): string | undefined {
  switch (field.type) {
    case 'integer':
      return '#,##0';
    case 'decimal':
      return '#,##0.00';
    case 'date':
      return 'dd/mm/yyyy';
    case 'text':
      return '@';
    default:
      return undefined;
  }
}

/** Inline list formula (`"A,B"`) when Excel can hold it, else undefined: the values go to a list sheet. */
export function inlineListFormula(values: readonly string[]): string | undefined {
  if (values.some((v) => v.includes(',') || v.includes('"'))) return undefined;
  const formula = `"${values.join(',')}"`;
  return formula.length <= INLINE_LIST_MAX ? formula : undefined;
}

/**
 * The Excel data validation matching a field, where Excel can express it: whole/decimal numbers with
 * bounds, dates, lists (enum, Có/Không), text length. Patterns cannot be expressed and are only
 * described in the instructions. `listRange` is an absolute reference to enum values on a list sheet,
 * used when the inline list does not fit.
 */
export function dataValidationFor(field: FieldDefinition, listRange?: string): DataValidation | undefined {
  const messages = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: clip(field.label, TITLE_MAX),
    prompt: clip(describeField(field), MESSAGE_MAX),
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: clip('Giá trị không hợp lệ', TITLE_MAX),
  };
  const error = (expectation: string) => clip(`${field.label}: ${expectation}`, MESSAGE_MAX);
  const rangeText = describeRange(field);

  switch (field.type) {
    case 'integer':
    case 'decimal': {
      const min = numeric(field.min) ?? -NUMBER_LIMIT;
      const max = numeric(field.max) ?? NUMBER_LIMIT;
      const kind = FIELD_TYPE_LABELS[field.type].toLowerCase();
      return {
        ...messages,
        type: field.type === 'integer' ? 'whole' : 'decimal',
        operator: 'between',
        formulae: [min, max],
        error: error(`phải là ${kind}${rangeText ? ` (${lower(rangeText)})` : ''}.`),
      };
    }
    case 'date': {
      const min = new Date(`${isoDate(field.min) ?? FIRST_DATE}T00:00:00Z`);
      const max = new Date(`${isoDate(field.max) ?? LAST_DATE}T00:00:00Z`);
      return {
        ...messages,
        type: 'date',
        operator: 'between',
        formulae: [min, max],
        error: error(`phải là ngày hợp lệ dạng dd/mm/yyyy${rangeText ? ` (${lower(rangeText)})` : ''}.`),
      };
    }
    case 'enum': {
      const values = field.enumValues ?? [];
      const formula = inlineListFormula(values) ?? listRange;
      if (!formula) return undefined;
      return { ...messages, type: 'list', formulae: [formula], error: error('chọn một giá trị trong danh sách.') };
    }
    case 'boolean':
      return {
        ...messages,
        type: 'list',
        formulae: [`"${BOOLEAN_CHOICES.join(',')}"`],
        error: error('chọn "Có" hoặc "Không".'),
      };
    case 'text': {
      if (field.minLength === undefined && field.maxLength === undefined) return undefined;
      return {
        ...messages,
        type: 'textLength',
        operator: 'between',
        formulae: [field.minLength ?? 0, field.maxLength ?? 32767],
        error: error(`${lower(rangeText)}.`),
      };
    }
  }
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function lower(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
