import { classifySendFailure } from './send-failure';

const smtpError = (fields: Record<string, unknown>) => Object.assign(new Error(String(fields.message ?? 'failed')), fields);

describe('classifySendFailure', () => {
  it.each([
    [550, '550 5.1.1 No such user', 'permanent'],
    [553, '553 mailbox name not allowed', 'permanent'],
    [554, '554 transaction failed', 'permanent'],
    [503, '503 bad sequence of commands', 'transient'],
    [451, '451 4.3.0 try again later', 'transient'],
    [421, '421 service not available', 'transient'],
    [452, '452 insufficient storage', 'transient'],
  ])('treats SMTP %i as %s', (responseCode, response, kind) => {
    const failure = classifySendFailure(smtpError({ code: 'EENVELOPE', responseCode, response }));
    expect(failure).toEqual({ kind, smtpResponse: response, error: expect.stringMatching(/^EENVELOPE: /) });
  });

  it.each(['ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'EDNS', 'ETLS', 'EAUTH'])('treats %s without a reply as transient', (code) => {
    expect(classifySendFailure(smtpError({ code, message: 'connect ECONNREFUSED 127.0.0.1:1' }))).toEqual({
      kind: 'transient',
      smtpResponse: null,
      error: `${code}: connect ECONNREFUSED 127.0.0.1:1`,
    });
  });

  it('treats an envelope the client refuses to send (no recipients) as permanent', () => {
    expect(classifySendFailure(smtpError({ code: 'EENVELOPE', message: 'No recipients defined' })).kind).toBe('permanent');
  });

  it('treats anything unknown as transient, so it is retried a bounded number of times', () => {
    expect(classifySendFailure(new Error('boom'))).toEqual({ kind: 'transient', smtpResponse: null, error: 'boom' });
    expect(classifySendFailure('just a string')).toEqual({ kind: 'transient', smtpResponse: null, error: 'just a string' });
  });
});
