export const MAIL_QUEUE = 'mail';
export const SEND_MAIL_JOB = 'send';

/** What a mail job carries: only the key of the mail_messages row, never the content. */
export interface MailJobData {
  key: string;
}

/**
 * BullMQ job id of a message: its key, made acceptable to BullMQ, which refuses ':' in custom ids
 * and ids that look like integers. The prefix rules out the integers; escaping '%' before ':'
 * keeps the mapping one-to-one, so two keys never share a job id.
 */
export function mailJobId(key: string): string {
  return `mail-${key.replace(/%/g, '%25').replace(/:/g, '%3A')}`;
}
