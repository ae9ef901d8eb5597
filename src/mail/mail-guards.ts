import { Injectable } from '@nestjs/common';
import { escapeLiteral } from 'pg';
import type { MailMessage } from './mail-message.entity';

/** Decides just before sending whether a message of its kind is still wanted (false cancels it). */
export type MailGuardCheck = (message: MailMessage) => Promise<boolean>;

/**
 * A guard whose facts are read by the statement that locks the message, so checking costs no query
 * of its own. `facts` is an SQL expression over the locked row `m` (mail_messages), typically a
 * scalar subquery returning jsonb (null when it finds no row); `allows` decides from its value.
 */
export interface SqlMailGuard {
  facts: string;
  allows(message: MailMessage, facts: unknown): boolean;
}

export type MailGuard = MailGuardCheck | SqlMailGuard;

/** The guards registered at one moment: the facts to read with the message, and the decision. */
export interface GuardSet {
  /** A select-list expression over `m`: the facts of the message's SQL guard, null for other kinds. */
  readonly factsSql: string;
  /** True when the message may go out: no guard for its kind, or the guard says yes. */
  allows(message: MailMessage, facts: unknown): Promise<boolean>;
}

/** Guards per message kind; features register theirs through MailService.registerGuard. */
@Injectable()
export class MailGuards {
  private readonly guards = new Map<string, MailGuard>();
  private snapshot?: GuardSet;

  /** Returns a function that removes the guard again. */
  register(kind: string, guard: MailGuard): () => void {
    if (this.guards.has(kind)) throw new Error(`a mail guard for kind "${kind}" is already registered`);
    this.guards.set(kind, guard);
    this.snapshot = undefined;
    return () => {
      if (this.guards.get(kind) !== guard) return;
      this.guards.delete(kind);
      this.snapshot = undefined;
    };
  }

  /**
   * The guards as registered now. Use one set for both the statement and the decision: an SQL guard
   * registered in between would otherwise judge a message by facts that were never read.
   */
  current(): GuardSet {
    this.snapshot ??= guardSet(new Map(this.guards));
    return this.snapshot;
  }
}

function guardSet(guards: ReadonlyMap<string, MailGuard>): GuardSet {
  const branches = [...guards].flatMap(([kind, guard]) => (typeof guard === 'function' ? [] : [`WHEN ${escapeLiteral(kind)} THEN (${guard.facts})`]));
  return {
    factsSql: branches.length > 0 ? `CASE m.kind ${branches.join(' ')} END` : 'NULL',
    allows: async (message, facts) => {
      const guard = guards.get(message.kind);
      if (!guard) return true;
      return typeof guard === 'function' ? guard(message) : guard.allows(message, facts);
    },
  };
}
