import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Actor } from './actor';
import { AuditEvent } from './audit-event.entity';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  reason?: string | null;
}

@Injectable()
export class AuditService {
  /** Records an event inside the caller's transaction, so the change and its audit row commit together. */
  async record(manager: EntityManager, actor: Actor, entry: AuditEntry): Promise<AuditEvent> {
    return manager.getRepository(AuditEvent).save({
      actorId: actor.user?.id ?? null,
      actorRole: actor.user?.role ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before ?? null,
      after: entry.after ?? null,
      reason: entry.reason ?? null,
      requestId: actor.requestId,
    });
  }
}
