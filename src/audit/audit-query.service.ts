import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditEventListDto, AuditQueryDto } from './dto/audit.dto';

/** Reads the append-only audit trail with filters. */
@Injectable()
export class AuditQueryService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(query: AuditQueryDto): Promise<AuditEventListDto> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.entityType) add('a.entity_type = ?', query.entityType);
    if (query.entityId) add('a.entity_id = ?', query.entityId);
    if (query.action) add('a.action = ?', query.action);
    if (query.actorId) add('a.actor_id = ?', query.actorId);
    if (query.from) add('a.occurred_at >= ?', query.from);
    if (query.to) add('a.occurred_at <= ?', query.to);
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const pageSize = query.pageSize ?? 100;
    const offset = ((query.page ?? 1) - 1) * pageSize;
    const direction = query.sort === 'asc' ? 'ASC' : 'DESC';
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM audit_events a ${filter}`, params);
    const items = await this.db.query(
      `SELECT a.id, a.occurred_at AS "occurredAt", a.actor_id AS "actorId", u.email AS "actorEmail", a.actor_role AS "actorRole",
              a.action, a.entity_type AS "entityType", a.entity_id AS "entityId", a.before, a.after, a.reason, a.request_id AS "requestId"
         FROM audit_events a LEFT JOIN users u ON u.id = a.actor_id ${filter}
        ORDER BY a.occurred_at ${direction}, a.id ${direction} LIMIT ${pageSize} OFFSET ${offset}`,
      params,
    );
    return { items, total };
  }
}
