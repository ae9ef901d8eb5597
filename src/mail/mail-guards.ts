import { Injectable } from '@nestjs/common';
import type { MailMessage } from './mail-message.entity';

/** Decides just before sending whether a message of its kind is still wanted (false cancels it). */
export type MailGuard = (message: MailMessage) => Promise<boolean>;

/** Guards per message kind; features register theirs through MailService.registerGuard. */
@Injectable()
export class MailGuards {
  private readonly guards = new Map<string, MailGuard>();

  /** Returns a function that removes the guard again. */
  register(kind: string, guard: MailGuard): () => void {
    if (this.guards.has(kind)) throw new Error(`a mail guard for kind "${kind}" is already registered`);
    this.guards.set(kind, guard);
    return () => {
      if (this.guards.get(kind) === guard) this.guards.delete(kind);
    };
  }

  /** True when the message may go out: no guard for its kind, or the guard says yes. */
  async allows(message: MailMessage): Promise<boolean> {
    const guard = this.guards.get(message.kind);
    return guard ? guard(message) : true;
  }
}
