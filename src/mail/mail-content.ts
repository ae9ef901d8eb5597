/** A rendered e-mail: what is stored with the message and sent as is. */
export interface MailContent {
  subject: string;
  html: string;
  text: string;
}

/** NFC, so that composed and decomposed Vietnamese diacritics end up as the same bytes. */
export function normalizeContent(content: MailContent): MailContent {
  return {
    subject: content.subject.normalize('NFC').replace(/\s*[\r\n]+\s*/g, ' ').trim(),
    html: content.html.normalize('NFC'),
    text: content.text.normalize('NFC'),
  };
}
