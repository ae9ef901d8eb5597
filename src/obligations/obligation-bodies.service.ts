import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Actor } from '../audit/actor';
import { AuditService } from '../audit/audit.service';
import { conflict, notFound, unprocessable } from '../common/app-error';
import { ObligationBody } from './obligation-body.entity';
import { type BodiesOnDay, bodiesOn, type DatedBody, datedBodyProblems } from './obligation-bodies';
import { Obligation } from './obligation.entity';

const byStart = (a: DatedBody, b: DatedBody) => a.role.localeCompare(b.role) || a.validFrom.localeCompare(b.validFrom);

function toDated(row: ObligationBody): DatedBody {
  return { role: row.role, name: row.name, validFrom: row.validFrom, validTo: row.validTo, legalBasis: row.legalBasis };
}

/** The dated names of obligations' issuing and receiving bodies (obligation_bodies). */
@Injectable()
export class ObligationBodiesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async listFor(obligationIds: string[], manager: EntityManager = this.db.manager): Promise<Map<string, DatedBody[]>> {
    const rows = obligationIds.length === 0 ? [] : await manager.getRepository(ObligationBody).find({ where: { obligationId: In(obligationIds) } });
    const map = new Map<string, DatedBody[]>(obligationIds.map((id) => [id, []]));
    for (const row of rows) map.get(row.obligationId)?.push(toDated(row));
    for (const list of map.values()) list.sort(byStart);
    return map;
  }

  /** The bodies in force on a day (ISO date, Vietnam calendar). */
  async on(obligation: Pick<Obligation, 'id' | 'issuingBody' | 'receivingBody'>, date: string, manager?: EntityManager): Promise<BodiesOnDay> {
    const bodies = (await this.listFor([obligation.id], manager)).get(obligation.id) ?? [];
    return bodiesOn(obligation, bodies, date);
  }

  /** Seed data: the dated names of a seeded obligation, only while it has none (an admin's list is kept). */
  async seedIfNone(manager: EntityManager, obligationId: string, bodies: readonly DatedBody[]): Promise<boolean> {
    if (bodies.length === 0 || (await manager.getRepository(ObligationBody).existsBy({ obligationId }))) return false;
    await manager.getRepository(ObligationBody).insert(bodies.map((body) => ({ ...body, obligationId, name: body.name.normalize('NFC'), legalBasis: body.legalBasis?.normalize('NFC') ?? null })));
    return true;
  }

  /** Replaces an obligation's dated bodies (admin): checked, audited, and the obligation's revision moves on. */
  async replace(code: string, expectedRevision: number, input: DatedBody[], actor: Actor): Promise<DatedBody[]> {
    const bodies = input.map((body) => ({
      role: body.role,
      name: body.name.normalize('NFC').trim(),
      validFrom: body.validFrom,
      validTo: body.validTo ?? null,
      legalBasis: body.legalBasis?.normalize('NFC').trim() || null,
    }));
    const problems = datedBodyProblems(bodies);
    if (problems.length > 0) throw unprocessable('validation_failed', `Có ${problems.length} lỗi trong danh sách cơ quan.`, problems);
    return this.db.transaction(async (manager) => {
      const obligation = await manager.getRepository(Obligation).findOne({ where: { code }, lock: { mode: 'pessimistic_write' } });
      if (!obligation) throw notFound('nghĩa vụ báo cáo', code);
      if (obligation.revision !== expectedRevision) {
        throw conflict('stale_revision', `Nghĩa vụ ${code} đã được sửa (phiên bản ${obligation.revision}); hãy tải lại rồi sửa tiếp.`, { currentRevision: obligation.revision });
      }
      const before = (await this.listFor([obligation.id], manager)).get(obligation.id) ?? [];
      await manager.getRepository(ObligationBody).delete({ obligationId: obligation.id });
      if (bodies.length > 0) await manager.getRepository(ObligationBody).insert(bodies.map((body) => ({ ...body, obligationId: obligation.id })));
      // Touching the obligation moves its revision on: whoever edits it next has read the new bodies.
      await manager.query('UPDATE obligations SET revision = revision + 1, updated_at = now() WHERE id = $1', [obligation.id]);
      await this.audit.record(manager, actor, {
        action: 'obligation.bodies_replaced',
        entityType: 'obligation',
        entityId: code,
        before: { bodies: before },
        after: { bodies: [...bodies].sort(byStart) },
      });
      return [...bodies].sort(byStart);
    });
  }
}
