// The web entry form, generated from the report schema: typing the figures makes a JSON file that
// goes through the same upload as a file would (same validation, versions, receipt and audit).
import { formatDate, formatNumber } from './format.js';
import { html } from './html.js';

const NUMBER_HINTS = { integer: 'Số nguyên, ví dụ 1.234.567', decimal: 'Số, dấu phẩy cho phần thập phân, ví dụ 1.234.567,5' };

/** The rows the form starts with: one per value of an enum key field when the schema fixes them (form 01/BC-STTTT), else one. */
export function rowPlan(definition) {
  const keyField = definition.fields.find((field) => (definition.keyFields ?? []).includes(field.key) && field.type === 'enum');
  const count = (definition.fileRules ?? []).find((rule) => rule.kind === 'row_count');
  if (keyField && count && count.min === keyField.enumValues.length && count.max === keyField.enumValues.length) {
    return { fixedField: keyField, rows: keyField.enumValues.map((value) => ({ [keyField.key]: value })), growable: false };
  }
  return { fixedField: null, rows: [{}], growable: !(count && count.max === 1) };
}

/** A stored value as the officer would type it: 1.234,5; dd/mm/yyyy; Có/Không. */
function displayValue(field, value) {
  if (value === null || value === undefined) return '';
  if (field.type === 'integer' || field.type === 'decimal') return formatNumber(value);
  if (field.type === 'date') return formatDate(value);
  if (field.type === 'boolean') return value ? 'Có' : 'Không';
  return String(value);
}

/** The form's rows, pre-filled from a stored version's rows (matched on the fixed key where there is one). */
export function initialRows(definition, storedRows) {
  const plan = rowPlan(definition);
  const toForm = (data) => Object.fromEntries(definition.fields.map((field) => [field.key, displayValue(field, data?.[field.key])]));
  if (plan.fixedField) {
    const key = plan.fixedField.key;
    return plan.rows.map((row) => ({ ...toForm(storedRows.find((stored) => stored.data[key] === row[key])?.data), [key]: row[key] }));
  }
  return storedRows.length > 0 ? storedRows.map((stored) => toForm(stored.data)) : [toForm(null)];
}

/** The JSON document the upload endpoint reads: one object per row, by field key; empty cells left out. */
export function formFile(definition, rows) {
  const document = rows.map((row) =>
    Object.fromEntries(definition.fields.map((field) => [field.key, (row[field.key] ?? '').trim()]).filter(([, value]) => value !== '')),
  );
  return new File([JSON.stringify(document, null, 2)], 'nhap-tren-web.json', { type: 'application/json' });
}

export const inputId = (rowIndex, key) => `o-${rowIndex + 1}-${key}`;

function hintOf(field) {
  const parts = [];
  if (field.description) parts.push(field.description);
  if (field.type === 'integer' || field.type === 'decimal') parts.push(NUMBER_HINTS[field.type]);
  if (field.type === 'date') parts.push('Ngày/tháng/năm, ví dụ 14/03/2024');
  if (field.unit) parts.push(`Đơn vị tính: ${field.unit}`);
  if (typeof field.min === 'number' && typeof field.max === 'number') parts.push(`Từ ${formatNumber(field.min)} đến ${formatNumber(field.max)}`);
  else if (typeof field.min === 'number') parts.push(`Không nhỏ hơn ${formatNumber(field.min)}`);
  else if (typeof field.max === 'number') parts.push(`Không lớn hơn ${formatNumber(field.max)}`);
  return parts.join('. ');
}

function FieldInput({ field, id, value, error, onInput }) {
  const hint = hintOf(field);
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const common = { id, name: id, 'aria-describedby': describedBy, 'aria-invalid': error ? 'true' : undefined, required: field.required === true };
  let control;
  if (field.type === 'enum' || field.type === 'boolean') {
    const options = field.type === 'enum' ? field.enumValues : ['Có', 'Không'];
    control = html`<select class="select" ...${common} value=${value} onChange=${(event) => onInput(event.currentTarget.value)}>
      <option value="">— Chọn —</option>
      ${options.map((option) => html`<option value=${option} selected=${option === value}>${option}</option>`)}
    </select>`;
  } else if (field.type === 'text' && (field.maxLength ?? 0) > 200) {
    control = html`<textarea class="textarea" rows="2" ...${common} value=${value} onInput=${(event) => onInput(event.currentTarget.value)}></textarea>`;
  } else {
    const numeric = field.type === 'integer' || field.type === 'decimal';
    control = html`<div class="input-with-unit">
      <input
        class=${`input${numeric ? ' input--number' : ''}`}
        type="text"
        inputmode=${numeric ? 'decimal' : undefined}
        autocomplete="off"
        ...${common}
        value=${value}
        onInput=${(event) => onInput(event.currentTarget.value)}
      />${field.unit && html`<span class="unit" aria-hidden="true">${field.unit}</span>`}
    </div>`;
  }
  return html`<div class=${`field${error ? ' field--error' : ''}`}>
    <label class="field__label" for=${id}>${field.label}${field.required ? '' : ' (không bắt buộc)'}</label>
    ${hint && html`<p class="field__hint" id=${`${id}-hint`}>${hint}</p>`}
    ${error && html`<p class="field__error" id=${`${id}-error`}><span class="visually-hidden">Lỗi: </span>${error}</p>`}
    ${control}
  </div>`;
}

/**
 * The form. `errors` maps input ids to the report's messages for the last check of this form;
 * `onCheck(file)` runs a dry run, `onSave(file)` stores a version.
 */
export function EntryForm({ definition, rows, onRows, errors, busy, onCheck, onSave }) {
  const plan = rowPlan(definition);
  const fields = definition.fields.filter((field) => field !== plan.fixedField);
  const update = (index, key, value) => onRows(rows.map((row, i) => (i === index ? { ...row, [key]: value } : row)));
  const addRow = () => onRows([...rows, {}]);
  const removeRow = (index) => onRows(rows.filter((_, i) => i !== index));
  return html`
    <form class="entry-form" novalidate onSubmit=${(event) => event.preventDefault()}>
      ${rows.map(
        (row, index) => html`<fieldset class="entry-row">
          <legend>${plan.fixedField ? `${plan.fixedField.label}: ${row[plan.fixedField.key]}` : rows.length > 1 ? `Dòng ${index + 1}` : 'Số liệu'}</legend>
          ${fields.map(
            (field) => html`<${FieldInput}
              field=${field}
              id=${inputId(index, field.key)}
              value=${row[field.key] ?? ''}
              error=${errors[inputId(index, field.key)]}
              onInput=${(value) => update(index, field.key, value)}
            />`,
          )}
          ${plan.growable && rows.length > 1 && html`<button type="button" class="button button--link" onClick=${() => removeRow(index)}>Xoá dòng ${index + 1}</button>`}
        </fieldset>`,
      )}
      ${plan.growable && html`<p><button type="button" class="button button--secondary" onClick=${addRow}>Thêm dòng</button></p>`}
      <div class="actions">
        <button type="button" class="button button--secondary" disabled=${busy} onClick=${() => onCheck(formFile(definition, rows))}>Kiểm tra thử</button>
        <button type="button" class="button" disabled=${busy} onClick=${() => onSave(formFile(definition, rows))}>Lưu thành phiên bản mới</button>
      </div>
    </form>
  `;
}
