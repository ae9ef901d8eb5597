const VIETNAMESE_LETTER = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

/** Whether a text is written in Vietnamese: it has at least one letter only Vietnamese uses. */
export function isVietnamese(text: string): boolean {
  return VIETNAMESE_LETTER.test(text.normalize('NFC'));
}
