/** How a failed send should be treated: tried again later, or given up on. */
export type FailureKind = 'transient' | 'permanent';

export interface SendFailure {
  kind: FailureKind;
  /** The SMTP reply, when the server gave one. */
  smtpResponse: string | null;
  error: string;
}

interface SmtpError {
  message?: unknown;
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
}

// Nodemailer codes for a message or envelope the server will never accept as it is.
const PERMANENT_CODES = new Set(['EENVELOPE', 'EMESSAGE', 'EMAXRECIPIENTS', 'EFILEACCESS', 'EURLACCESS']);

/**
 * RFC 5321: a 5yz reply is permanent (except 503, a session-state problem), a 4yz reply transient.
 * Without a reply (connection refused, timeout, TLS or DNS trouble), the server may come back: transient.
 */
export function classifySendFailure(error: unknown): SendFailure {
  const details = (typeof error === 'object' && error !== null ? error : {}) as SmtpError;
  const message = typeof details.message === 'string' ? details.message : String(error);
  const smtpResponse = typeof details.response === 'string' ? details.response : null;
  const responseCode = typeof details.responseCode === 'number' ? details.responseCode : undefined;
  const code = typeof details.code === 'string' ? details.code : undefined;

  let kind: FailureKind;
  if (responseCode !== undefined) kind = responseCode >= 500 && responseCode < 600 && responseCode !== 503 ? 'permanent' : 'transient';
  else kind = code !== undefined && PERMANENT_CODES.has(code) ? 'permanent' : 'transient';

  return { kind, smtpResponse, error: code ? `${code}: ${message}` : message };
}
