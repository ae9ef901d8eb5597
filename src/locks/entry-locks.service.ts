import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, MoreThan } from 'typeorm';
import type { Actor } from '../audit/actor';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { conflict, unprocessable } from '../common/app-error';
import { formatVietnameseDate, formatVietnameseDateTime } from '../common/vietnamese-dates';
import type { Environment } from '../config/environment';
import type { Obligation } from '../obligations/obligation.entity';
import type { PeriodSchedule } from '../periods/period-schedule';
import type { SubmissionTarget } from '../submission-targets/submission-target.service';
import { entryLockState } from './entry-lock';
import { EntryLockException } from './entry-lock-exception.entity';

/** Closes a period to a unit's uploads and submits some days after the due date, unless an exception is in force. */
@Injectable()
export class EntryLocksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly config: ConfigService<Environment, true>,
    private readonly clock: Clock,
  ) {}

  lockDaysOf(obligation: Obligation): number {
    return obligation.entryLockDays ?? this.config.get('ENTRY_LOCK_AFTER_DAYS', { infer: true });
  }

  async assertOpen(target: SubmissionTarget, schedule: PeriodSchedule, manager: EntityManager = this.db.manager): Promise<void> {
    const now = this.clock.now();
    const days = this.lockDaysOf(target.obligation);
    const state = entryLockState(schedule.dueDate, days, now);
    if (!state.locked || !state.lockedFrom) return;
    const exception = await manager.getRepository(EntryLockException).findOne({
      where: { obligationId: target.obligation.id, periodKey: target.period.key, unitId: target.unit.id, endsAt: MoreThan(now) },
      order: { endsAt: 'DESC' },
    });
    if (exception) return;
    throw conflict(
      'period_locked',
      `${target.period.label} của báo cáo ${target.obligation.code} đã khoá nhập liệu từ ${formatVietnameseDateTime(state.lockedFrom)} (giờ Việt Nam) ` +
        `(quá ${days} ngày sau hạn nộp ${formatVietnameseDate(schedule.dueDate)}). Đề nghị liên hệ Bộ để được cấp ngoại lệ.`,
      { lockedSince: state.lockedFrom.toISOString(), dueDate: schedule.dueDate, lockAfterDays: days },
    );
  }

  async grant(target: SubmissionTarget, reason: string, endsAt: Date, actor: Actor): Promise<EntryLockException> {
    const [saved] = await this.grantMany([target], reason, endsAt, actor);
    return saved;
  }

  /** One exception per unit (same period, reason and end), all or none, each audited. */
  async grantMany(targets: SubmissionTarget[], reason: string, endsAt: Date, actor: Actor): Promise<EntryLockException[]> {
    if (endsAt.getTime() <= this.clock.now().getTime()) {
      throw unprocessable('validation_failed', 'Ngày hết hạn ngoại lệ phải ở tương lai.', [{ field: 'endsAt', code: 'in_past', message: 'endsAt phải ở tương lai' }]);
    }
    return this.db.transaction(async (manager) => {
      const granted: EntryLockException[] = [];
      for (const target of targets) {
        const saved = await manager.getRepository(EntryLockException).save({
          obligationId: target.obligation.id,
          periodKey: target.period.key,
          unitId: target.unit.id,
          reason: reason.normalize('NFC').trim(),
          endsAt,
          grantedBy: actor.user?.id ?? null,
        });
        await this.audit.record(manager, actor, {
          action: 'entry_lock.exception_granted',
          entityType: 'entry_lock_exception',
          entityId: saved.id,
          after: { obligation: target.obligation.code, periodKey: target.period.key, unitCode: target.unit.code, endsAt: endsAt.toISOString() },
          reason: saved.reason,
        });
        granted.push(saved);
      }
      return granted;
    });
  }

  async list(filter: { id?: string; ids?: string[]; obligationId?: string; periodKey?: string; unitId?: string; activeOnly?: boolean }) {
    const qb = this.db
      .getRepository(EntryLockException)
      .createQueryBuilder('e')
      .innerJoin('obligations', 'o', 'o.id = e.obligation_id')
      .innerJoin('reporting_units', 'u', 'u.id = e.unit_id')
      .select(['e.id AS id', 'o.code AS "obligationCode"', 'e.period_key AS "periodKey"', 'e.unit_id AS "unitId"', 'u.code AS "unitCode"'])
      .addSelect(['e.reason AS reason', 'e.ends_at AS "endsAt"', 'e.granted_by AS "grantedBy"', 'e.granted_at AS "grantedAt"'])
      .addSelect('e.ends_at > :now', 'active')
      .setParameter('now', this.clock.now())
      .orderBy('e.granted_at', 'DESC');
    if (filter.id) qb.andWhere('e.id = :id', { id: filter.id });
    if (filter.ids) qb.andWhere('e.id = ANY(:ids)', { ids: filter.ids });
    if (filter.obligationId) qb.andWhere('e.obligation_id = :o', { o: filter.obligationId });
    if (filter.periodKey) qb.andWhere('e.period_key = :p', { p: filter.periodKey });
    if (filter.unitId) qb.andWhere('e.unit_id = :u', { u: filter.unitId });
    if (filter.activeOnly) qb.andWhere('e.ends_at > :now');
    return qb.getRawMany();
  }
}
