import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Environment } from '../config/environment';
import { outboxFileName } from './outbox-file';

export interface OutgoingMail {
  key: string;
  messageId: string;
  to: string[];
  cc: string[];
  subject: string;
  html: string;
  text: string;
}

export interface SentMail {
  /** The server's final reply, or where the outbox file was written. */
  response: string;
  /** Recipients the server refused while accepting the others. */
  rejected: string[];
}

// Bounded, because the message row stays locked while it is being sent.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 60_000, dnsTimeout: 10_000 };

interface Sender {
  send(mail: OutgoingMail): Promise<SentMail>;
  close(): void;
}

/**
 * How e-mail leaves: a pooled SMTP connection when SMTP_URL is set, otherwise an .eml file per
 * message in OUTBOX_DIR (nothing is sent; handy on a developer machine).
 */
@Injectable()
export class MailTransport {
  private readonly logger = new Logger(MailTransport.name);
  private readonly from: string;
  private readonly domain: string;
  private readonly sender: Sender;

  constructor(config: ConfigService<Environment, true>) {
    this.from = config.get('MAIL_FROM', { infer: true });
    this.domain = /@([^>\s]+)>?\s*$/.exec(this.from)?.[1] ?? 'baocao.local';
    const url = config.get('SMTP_URL', { infer: true });
    this.sender = url ? this.smtp(url, config.get('MAIL_POOL_SIZE', { infer: true })) : this.outbox(config.get('OUTBOX_DIR', { infer: true }));
  }

  send(mail: OutgoingMail): Promise<SentMail> {
    return this.sender.send(mail);
  }

  /** Closes the SMTP pool; a connection in the middle of a message finishes it first. */
  close(): void {
    this.sender.close();
  }

  private options(mail: OutgoingMail) {
    return {
      from: this.from,
      to: mail.to,
      cc: mail.cc.length > 0 ? mail.cc : undefined,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      // Stable per message, so a copy sent twice (a crash between sending and recording) is recognisable.
      messageId: `<${mail.messageId}@${this.domain}>`,
      headers: { 'X-Baocao-Mail-Key': mail.key },
    };
  }

  private smtp(url: string, poolSize: number): Sender {
    const transporter = nodemailer.createTransport({ url, pool: true, maxConnections: poolSize, ...TIMEOUTS });
    this.logger.log(`E-mail goes out through SMTP at ${new URL(url).host} (pool of ${poolSize})`);
    return {
      send: async (mail) => {
        // Composed up front (the very bytes sendMail would compose), so that the connection writes the
        // message in one go rather than chunk by chunk as it is encoded: 3 socket writes per e-mail
        // instead of about 10, fewer packets for both ends.
        const options = this.options(mail);
        const message = new MailComposer(options).compile();
        const info = await transporter.sendMail({ envelope: message.getEnvelope(), raw: await message.build(), messageId: options.messageId });
        return { response: info.response, rejected: info.rejected.map(String) };
      },
      close: () => transporter.close(),
    };
  }

  private outbox(dir: string): Sender {
    const directory = resolve(process.cwd(), dir);
    const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
    this.logger.log(`SMTP_URL is not set: e-mails are written as .eml files to ${directory}`);
    return {
      send: async (mail) => {
        const info = await transporter.sendMail(this.options(mail));
        if (!Buffer.isBuffer(info.message)) throw new Error('the stream transport did not return a buffer');
        await mkdir(directory, { recursive: true });
        const file = join(directory, outboxFileName(mail.key));
        await writeFile(file, info.message);
        return { response: `written to ${file}`, rejected: [] };
      },
      close: () => transporter.close(),
    };
  }
}
