import type { MailContent } from './mail-content';

/**
 * A Vietnamese e-mail written once as plain text, from which both the text and the HTML part are made.
 * `{{name}}` placeholders are filled from the values; in the HTML part every value is escaped.
 */
export interface MailTemplate {
  subject: string;
  /** Paragraphs separated by a blank line; a single line break stays a line break. */
  body: string;
  /** A link to act on, e.g. `{ label: 'Xem báo cáo', url: '{{link}}' }`: an anchor in HTML, `label: url` in text. */
  action?: { label: string; url: string };
  /** Closing lines, e.g. the signature; same format as body. */
  footer?: string;
}

export type TemplateValues = Record<string, string | number>;

const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w.]*)\s*\}\}/g;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

function valueOf(name: string, values: TemplateValues): string {
  const value = values[name];
  if (value === undefined || value === null) throw new Error(`mail template: no value for {{${name}}}`);
  return String(value).normalize('NFC');
}

const fill = (template: string, values: TemplateValues) =>
  template.normalize('NFC').replace(PLACEHOLDER, (_match, name: string) => valueOf(name, values));

const paragraphs = (text: string) =>
  text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);

function htmlParagraphs(template: string, values: TemplateValues): string {
  // Escape the template text around the placeholders as well as the values: templates may contain "<" or "&".
  return paragraphs(template)
    .map((paragraph) => {
      // split() with a capturing group alternates literal text (even indexes) and placeholder names (odd).
      const html = paragraph
        .split(PLACEHOLDER)
        .map((piece, index) => escapeHtml(index % 2 === 0 ? piece.normalize('NFC') : valueOf(piece, values)))
        .join('');
      return `<p>${html.replace(/\n/g, '<br>\n')}</p>`;
    })
    .join('\n');
}

function actionUrl(url: string, values: TemplateValues): string {
  const filled = fill(url, values);
  if (!/^https?:\/\/\S+$/i.test(filled)) throw new Error(`mail template: the action link must be an http(s) URL, got "${filled}"`);
  return filled;
}

/** Renders a template into the subject, text and HTML stored with a mail message. */
export function renderMailTemplate(template: MailTemplate, values: TemplateValues = {}): MailContent {
  const subject = fill(template.subject, values)
    .replace(/\s+/g, ' ')
    .trim();
  const url = template.action ? actionUrl(template.action.url, values) : undefined;
  const label = template.action ? fill(template.action.label, values) : undefined;

  const textParts = [paragraphs(fill(template.body, values)).join('\n\n')];
  if (url) textParts.push(`${label}: ${url}`);
  if (template.footer) textParts.push(paragraphs(fill(template.footer, values)).join('\n\n'));

  const htmlParts = [htmlParagraphs(template.body, values)];
  if (url && label) htmlParts.push(`<p><a href="${escapeHtml(url)}">${escapeHtml(label)}</a></p>`);
  if (template.footer) htmlParts.push(htmlParagraphs(template.footer, values));

  const html = [
    '<!DOCTYPE html>',
    '<html lang="vi">',
    `<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body>',
    ...htmlParts,
    '</body>',
    '</html>',
  ].join('\n');
  return { subject, text: `${textParts.join('\n\n')}\n`, html: `${html}\n` };
}
