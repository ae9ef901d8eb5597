import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * An SMTP sink that counts messages by their baocao mail key and can hold new transactions at
 * MAIL FROM: clients then wait before sending any message data, so a client killed while held
 * has sent nothing that the sink accepted (the moment a crash cannot cause a duplicate).
 */
export class GatedSmtpSink {
  readonly countByKey = new Map<string, number>();
  accepted = 0;
  /** Transactions let past MAIL FROM. */
  private admitted = 0;
  private holdFrom = Number.POSITIVE_INFINITY;
  private readonly held = new Map<string, () => void>();
  private server: SMTPServer | undefined;
  private port = 0;

  static async start(): Promise<GatedSmtpSink> {
    const sink = new GatedSmtpSink();
    await sink.listen();
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Transactions held right now. */
  get holding(): number {
    return this.held.size;
  }

  /** Once `count` transactions have been let through, new ones wait at MAIL FROM. */
  holdAfter(count: number): void {
    this.holdFrom = count;
  }

  /** Lets held transactions (of clients still connected) and new ones through. */
  release(): void {
    this.holdFrom = Number.POSITIVE_INFINITY;
    const waiting = [...this.held.values()];
    this.held.clear();
    waiting.forEach((proceed) => proceed());
  }

  async stop(): Promise<void> {
    this.release();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private listen(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      closeTimeout: 200,
      onMailFrom: (_address, session, callback) => {
        if (this.admitted < this.holdFrom) {
          this.admitted += 1;
          return callback();
        }
        this.held.set(session.id, () => callback());
      },
      onClose: (session) => {
        this.held.delete(session.id);
      },
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const head = Buffer.concat(chunks).toString('utf8').split('\r\n\r\n')[0];
          const key = /^X-Baocao-Mail-Key:\s*(.+)$/im.exec(head)?.[1].trim() ?? '';
          this.countByKey.set(key, (this.countByKey.get(key) ?? 0) + 1);
          this.accepted += 1;
          callback();
        });
      },
    });
    server.on('error', () => undefined);
    return new Promise<void>((resolve, reject) => {
      const listener = server.listen(0, '127.0.0.1', () => {
        this.port = (listener.address() as AddressInfo).port;
        this.server = server;
        resolve();
      });
      listener.once('error', reject);
    });
  }
}
