import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../audit/actor';
import { AuditService } from '../audit/audit.service';
import { conflict, notFound, unprocessable } from '../common/app-error';
import { assertStrongPassword, personalWords } from '../common/password/password-strength';
import { ReportingUnit } from '../units/reporting-unit.entity';
import { CreateUserDto, UserDto, UserQueryDto } from './dto/user.dto';
import { hashPassword } from './password-hasher';
import { User } from './user.entity';

const normaliseEmail = (email: string) => email.trim().toLowerCase();

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: UserQueryDto): Promise<{ items: UserDto[]; total: number }> {
    const users = await this.db.getRepository(User).find({
      where: { ...(query.role ? { role: query.role } : {}), ...(query.unitId ? { unitId: query.unitId } : {}) },
      order: { email: 'ASC' },
    });
    return { items: users.map(toDto), total: users.length };
  }

  /** Active province officers' e-mails by unit id. */
  async officerEmailsOf(unitIds: string[]): Promise<Map<string, string[]>> {
    const rows: Array<{ unitId: string; emails: string[] }> = await this.db.query(
      `SELECT unit_id AS "unitId", array_agg(email ORDER BY email) AS emails FROM users
        WHERE role = 'province_officer' AND active AND unit_id = ANY($1::uuid[]) GROUP BY unit_id`,
      [unitIds],
    );
    return new Map(rows.map((row) => [row.unitId, row.emails]));
  }

  async create(input: CreateUserDto, actor: Actor): Promise<UserDto> {
    if (input.role !== 'province_officer' && input.unitId) {
      throw unprocessable('validation_failed', 'Chỉ cán bộ tỉnh (province_officer) được gắn với một đơn vị.', [
        { field: 'unitId', code: 'forbidden_for_role', message: 'unitId chỉ dùng cho vai trò province_officer' },
      ]);
    }
    assertStrongPassword(input.password, personalWords(input.email, input.fullName));
    const passwordHash = await hashPassword(input.password);
    return this.db.transaction(async (manager) => {
      const user = await this.insert(manager, { ...input, passwordHash });
      await this.audit.record(manager, actor, {
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        after: { email: user.email, role: user.role, unitId: user.unitId, fullName: user.fullName },
      });
      return toDto(user);
    });
  }

  async resetPassword(id: string, password: string, actor: Actor): Promise<void> {
    const user = await this.db.getRepository(User).findOneBy({ id });
    if (!user) throw notFound('người dùng', id);
    assertStrongPassword(password, personalWords(user.email, user.fullName));
    const passwordHash = await hashPassword(password);
    await this.db.transaction(async (manager) => {
      const result = await manager.getRepository(User).update({ id }, { passwordHash, passwordChangedAt: () => 'now()' });
      if (result.affected === 0) throw notFound('người dùng', id);
      await this.audit.record(manager, actor, { action: 'user.password_reset', entityType: 'user', entityId: id });
    });
  }

  async setActive(id: string, active: boolean, reason: string | undefined, actor: Actor): Promise<UserDto> {
    return this.db.transaction(async (manager) => {
      const repo = manager.getRepository(User);
      const user = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound('người dùng', id);
      if (user.active !== active) {
        await repo.update({ id }, { active });
        await this.audit.record(manager, actor, {
          action: active ? 'user.activated' : 'user.deactivated',
          entityType: 'user',
          entityId: id,
          before: { active: user.active },
          after: { active },
          reason: reason ?? null,
        });
      }
      return toDto({ ...user, active });
    });
  }

  /** Creates the user unless the e-mail exists; returns whether it was created. Used by seeding. */
  async ensure(manager: EntityManager, input: Omit<CreateUserDto, 'password'> & { passwordHash: string }, actor: Actor) {
    const exists = await manager.getRepository(User).existsBy({ email: normaliseEmail(input.email) });
    if (exists) return false;
    const user = await this.insert(manager, input);
    await this.audit.record(manager, actor, {
      action: 'user.created',
      entityType: 'user',
      entityId: user.id,
      after: { email: user.email, role: user.role, unitId: user.unitId, fullName: user.fullName },
      reason: 'seed',
    });
    return true;
  }

  private async insert(manager: EntityManager, input: Omit<CreateUserDto, 'password'> & { passwordHash: string }): Promise<User> {
    const email = normaliseEmail(input.email);
    if (input.unitId && !(await manager.getRepository(ReportingUnit).existsBy({ id: input.unitId }))) {
      throw unprocessable('validation_failed', 'Đơn vị không tồn tại.', [
        { field: 'unitId', code: 'unknown_unit', message: `unitId ${input.unitId} không phải là đơn vị báo cáo đã biết` },
      ]);
    }
    const inserted: User[] = await manager.query(
      `INSERT INTO users (email, full_name, password_hash, role, unit_id)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (email) DO NOTHING
       RETURNING id, email, full_name AS "fullName", role, unit_id AS "unitId", active, created_at AS "createdAt"`,
      [email, input.fullName.normalize('NFC'), input.passwordHash, input.role, input.unitId ?? null],
    );
    if (inserted.length === 0) throw conflict('email_taken', `Địa chỉ e-mail ${email} đã được dùng cho tài khoản khác.`);
    return inserted[0];
  }
}

function toDto(user: Pick<User, 'id' | 'email' | 'fullName' | 'role' | 'unitId' | 'active' | 'createdAt'>): UserDto {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    role: user.role,
    unitId: user.unitId,
    active: user.active,
    createdAt: user.createdAt,
  };
}
