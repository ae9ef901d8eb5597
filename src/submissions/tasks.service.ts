import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { Clock } from '../common/clock';
import { notFound } from '../common/app-error';
import { EntryLocksService } from '../locks/entry-locks.service';
import { expectsUnit } from '../obligations/expected-units';
import { isTracked } from '../obligations/tracking';
import { Obligation } from '../obligations/obligation.entity';
import { addDays, periodsBetween, vietnamDateOf } from '../periods/domain';
import { scheduleOf } from '../periods/period-schedule';
import { WorkingCalendarService } from '../periods/working-calendar.service';
import { ReportingUnit } from '../units/reporting-unit.entity';
import { entryLockState } from '../locks/entry-lock';
import { compareTasks, nextActionOf } from './domain/officer-tasks';
import { TaskDto, TaskListDto } from './dto/task.dto';
import { SubmissionStorage } from './submission-storage.repository';

/** How far back a task list reaches: periods due in the last year. */
const LOOKBACK_DAYS = 366;
/** Cut-off windows may open before a period starts (Decree 09: mid-month of the previous quarter). */
const LOOKAHEAD_DAYS = 93;

/**
 * A unit's "việc cần làm": every obligation it owes and every tracked period whose cut-off window has
 * opened and whose due date is within the last year, with status, due date and what to do next.
 */
@Injectable()
export class TasksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendars: WorkingCalendarService,
    private readonly locks: EntryLocksService,
    private readonly clock: Clock,
    private readonly storage: SubmissionStorage,
  ) {}

  async forUnit(unitId: string): Promise<TaskListDto> {
    const unit = await this.db.getRepository(ReportingUnit).findOneBy({ id: unitId });
    if (!unit) throw notFound('đơn vị báo cáo', unitId);
    const now = this.clock.now();
    const today = vietnamDateOf(now);
    const obligations = await this.db.getRepository(Obligation).find({ where: { retiredAt: IsNull() }, order: { code: 'ASC' } });
    const calendar = await this.calendars.calendar();
    const submissions = await this.submissionsOf(unitId);
    const exceptions = await this.exceptionsOf(unitId, now);

    const items: TaskDto[] = [];
    for (const obligation of obligations) {
      for (const period of periodsBetween(obligation.periodType, addDays(today, -2 * LOOKBACK_DAYS), addDays(today, LOOKAHEAD_DAYS))) {
        if (!expectsUnit(obligation, unit, period)) continue;
        const schedule = scheduleOf(obligation, period, calendar, now);
        if (schedule.status === 'upcoming' || schedule.dueDate < addDays(today, -LOOKBACK_DAYS)) continue;
        // A period due before the obligation is tracked is history, loaded by backfill: nothing for the officer to do.
        if (!isTracked(obligation, schedule.dueDate)) continue;
        const submission = submissions.get(`${obligation.id}/${period.key}`);
        const status = submission?.status ?? 'not_started';
        const locked = entryLockState(schedule.dueDate, this.locks.lockDaysOf(obligation), now).locked && !exceptions.has(`${obligation.id}/${period.key}`);
        const currentVersionValid = submission?.currentVersionValid ?? null;
        items.push({
          obligationCode: obligation.code,
          obligationTitle: obligation.title,
          periodKey: period.key,
          periodLabel: period.label,
          periodStatus: schedule.status,
          dueDate: schedule.dueDate,
          dueAt: schedule.dueAt,
          daysUntilDue: schedule.daysUntilDue,
          submissionId: submission?.id ?? null,
          status,
          currentVersion: submission?.currentVersion ?? null,
          currentVersionValid,
          locked,
          nextAction: nextActionOf({ status, currentVersionValid, locked }),
        });
      }
    }
    return { unit: { id: unit.id, code: unit.code, name: unit.name }, at: now.toISOString(), items: items.sort(compareTasks) };
  }

  private async submissionsOf(unitId: string) {
    const rows = await this.storage.currentVersionsOfUnit(unitId);
    return new Map(rows.map((row) => [row.key, row]));
  }

  private async exceptionsOf(unitId: string, now: Date): Promise<Set<string>> {
    const rows: Array<{ key: string }> = await this.db.query(
      `SELECT DISTINCT obligation_id || '/' || period_key AS key FROM entry_lock_exceptions WHERE unit_id = $1 AND ends_at > $2`,
      [unitId, now],
    );
    return new Set(rows.map((row) => row.key));
  }
}
