import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import { type ParsedMail, parseMail } from './mime';

export interface ReceivedMail extends ParsedMail {
  /** The whole message as received, CRLF line ends. */
  raw: string;
  envelopeFrom: string;
  envelopeTo: string[];
}

type Rejection = Error & { responseCode: number };

function rejection(code: number, message: string): Rejection {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * An SMTP server for tests on a random local port. It keeps every message it accepts, can refuse
 * the next transactions with a 4xx, refuse chosen addresses with 550, and can be stopped and
 * started again on the same port (an outage).
 */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  /** Sessions open right now (a client's pooled connections count here while idle). */
  openConnections = 0;
  private server: SMTPServer | undefined;
  private port = 0;
  private temporaryFailures = 0;
  private readonly rejected = new Set<string>();

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink();
    await sink.listen(0);
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Messages that carry the given baocao mail key header. */
  withKey(key: string): ReceivedMail[] {
    return this.messages.filter((mail) => mail.headers.get('x-baocao-mail-key') === key);
  }

  /** The next `count` recipients get `451` (try again later). */
  failTemporarily(count: number): void {
    this.temporaryFailures = count;
  }

  /** This address gets `550 no such user` from now on. */
  rejectAddress(address: string): void {
    this.rejected.add(address.toLowerCase());
  }

  /** Stops listening and drops open connections (they are told 421). */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Listens again on the port it had. */
  async restart(): Promise<void> {
    await this.listen(this.port);
  }

  private listen(port: number): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      closeTimeout: 200,
      onConnect: (_session, callback) => {
        this.openConnections += 1;
        callback();
      },
      onClose: () => {
        this.openConnections -= 1;
      },
      onRcptTo: (address: SMTPServerAddress, _session, callback) => {
        if (this.temporaryFailures > 0) {
          this.temporaryFailures -= 1;
          return callback(rejection(451, '4.3.0 Hệ thống tạm thời bận, thử lại sau'));
        }
        if (this.rejected.has(address.address.toLowerCase())) return callback(rejection(550, '5.1.1 No such user'));
        return callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          this.messages.push({
            ...parseMail(raw),
            raw,
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          });
          callback();
        });
      },
    });
    server.on('error', () => undefined);
    return new Promise<void>((resolve, reject) => {
      const listener = server.listen(port, '127.0.0.1', () => {
        this.port = (listener.address() as AddressInfo).port;
        this.server = server;
        resolve();
      });
      listener.once('error', reject);
    });
  }
}
