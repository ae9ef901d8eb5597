import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../audit/actor';
import { AuditService } from '../audit/audit.service';
import { notFound, unprocessable } from '../common/app-error';
import { CalendarOverrideRow } from './calendar-override.entity';
import { type CalendarOverrideKind, WorkingDayCalendar } from './domain';

const CACHE_MS = 30_000;

/**
 * The working-day calendar in force: statutory holidays computed for any year, plus the admin table
 * of the government's announced swaps. Cached briefly; a change made here refreshes it at once.
 */
@Injectable()
export class WorkingCalendarService {
  private cached: { calendar: WorkingDayCalendar; at: number } | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async calendar(): Promise<WorkingDayCalendar> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.calendar;
    const rows = await this.db.getRepository(CalendarOverrideRow).find({ order: { date: 'ASC' } });
    const calendar = new WorkingDayCalendar(rows.map(({ date, kind, reason }) => ({ date, kind, reason })));
    this.cached = { calendar, at: Date.now() };
    return calendar;
  }

  async overrides(year?: number): Promise<CalendarOverrideRow[]> {
    const qb = this.db.getRepository(CalendarOverrideRow).createQueryBuilder('o').orderBy('o.date');
    if (year) qb.where('o.date BETWEEN :from AND :to', { from: `${year}-01-01`, to: `${year}-12-31` });
    return qb.getMany();
  }

  async setOverride(date: string, kind: CalendarOverrideKind, reason: string, actor: Actor): Promise<CalendarOverrideRow> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
      throw unprocessable('validation_failed', `Ngày ${date} không hợp lệ.`, [{ field: 'date', code: 'invalid_date', message: 'date phải là ngày dạng yyyy-mm-dd' }]);
    }
    const row = await this.db.transaction(async (manager) => {
      const repo = manager.getRepository(CalendarOverrideRow);
      const before = await repo.findOneBy({ date });
      await repo.upsert({ date, kind, reason: reason.normalize('NFC').trim() }, ['date']);
      const after = (await repo.findOneByOrFail({ date })) as CalendarOverrideRow;
      await this.audit.record(manager, actor, {
        action: 'calendar.override_set',
        entityType: 'calendar_override',
        entityId: date,
        before: before ? { kind: before.kind, reason: before.reason } : null,
        after: { kind: after.kind, reason: after.reason },
      });
      return after;
    });
    this.cached = null;
    return row;
  }

  async removeOverride(date: string, actor: Actor): Promise<void> {
    await this.db.transaction(async (manager) => {
      const repo = manager.getRepository(CalendarOverrideRow);
      const before = await repo.findOneBy({ date });
      if (!before) throw notFound('ngày điều chỉnh lịch', date);
      await repo.delete({ date });
      await this.audit.record(manager, actor, {
        action: 'calendar.override_removed',
        entityType: 'calendar_override',
        entityId: date,
        before: { kind: before.kind, reason: before.reason },
      });
    });
    this.cached = null;
  }
}
