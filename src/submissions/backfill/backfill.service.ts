import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Actor } from '../../audit/actor';
import { AuditService } from '../../audit/audit.service';
import { AppError, conflict, unprocessable } from '../../common/app-error';
import { formatVietnameseDate } from '../../common/vietnamese-dates';
import type { Environment } from '../../config/environment';
import { EXPECTED_UNIT_SQL } from '../../obligations/expected-units';
import type { Obligation } from '../../obligations/obligation.entity';
import { ObligationPeriodsService } from '../../obligations/obligation-periods.service';
import { ObligationsService } from '../../obligations/obligations.service';
import type { ReportSchemaVersion } from '../../obligations/report-schema-version.entity';
import { ReportSchemasService } from '../../obligations/report-schemas.service';
import { isTracked } from '../../obligations/tracking';
import type { Period } from '../../periods/domain';
import { ReportingUnit } from '../../units/reporting-unit.entity';
import { resolveLimits } from '../../validation/parsing/upload-limits';
import { isUploadRejected } from '../../validation/parsing/upload-rejected';
import { nextStatus } from '../domain/submission-status';
import type { BackfillOutcome, BackfillResultDto, BackfillUnitDto } from '../dto/backfill.dto';
import { Submission } from '../submission.entity';
import { SubmissionStorage } from '../submission-storage.repository';
import { uploadLimitsFrom } from '../upload-limits.provider';
import { asUploadProblem } from '../upload-problem';
import { reportingWindow, type UploadedFile, UploadService, type VersionSource } from '../upload.service';
import { readBackfillContainer, UNIT_COLUMN_HEADERS } from './backfill-sources';

const ISSUES_PER_UNIT = 20;

/** Thrown inside the transaction to roll every unit back; carries what each unit came to. */
class BackfillRefused extends Error {
  constructor(readonly units: BackfillUnitDto[]) {
    super('backfill refused');
  }
}

const unitResult = (source: string, unitCode: string | null, outcome: BackfillOutcome, extra: Partial<BackfillUnitDto> = {}): BackfillUnitDto => ({
  unitCode,
  unitId: null,
  unitName: null,
  source,
  outcome,
  versionNumber: null,
  rowsRead: null,
  message: null,
  issues: [],
  ...extra,
});

/**
 * Loads the history of a period that is not tracked, for many units in one action: each unit's file
 * goes through the upload path (reading, validation, storage, audit) and its version is approved as
 * backfilled, with the reason on record; nobody is on time or late, and no lock exception is needed.
 * All or nothing: if one unit's file is refused, nothing is written and every unit's outcome is told.
 */
@Injectable()
export class BackfillService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly obligations: ObligationsService,
    private readonly periods: ObligationPeriodsService,
    private readonly schemas: ReportSchemasService,
    private readonly uploads: UploadService,
    private readonly audit: AuditService,
    private readonly config: ConfigService<Environment, true>,
    private readonly storage: SubmissionStorage,
  ) {}

  async backfill(code: string, periodKey: string, file: UploadedFile | undefined, reason: string, actor: Actor): Promise<BackfillResultDto> {
    if (!file || file.buffer.length === 0) {
      throw unprocessable('file_required', 'Hãy đính kèm tệp nạp bù (trường "file"): một tệp nén ZIP gồm các tệp đặt tên theo mã đơn vị, hoặc một tệp có cột mã đơn vị.', [
        { field: 'file', code: 'file_required', message: 'file là bắt buộc và không được rỗng' },
      ]);
    }
    const obligation = await this.obligations.find(code);
    const period = this.periods.period(obligation, periodKey);
    const schedule = await this.periods.schedule(obligation, period);
    const window = reportingWindow(schedule);
    if (isTracked(obligation, schedule.dueDate)) {
      throw conflict(
        'period_tracked',
        `${period.label} của báo cáo ${obligation.code} (hạn nộp ${formatVietnameseDate(schedule.dueDate)}) đang được theo dõi từ ${formatVietnameseDate(obligation.trackedFrom)}: ` +
          'các đơn vị nộp báo cáo theo quy trình thường; chỉ nạp bù các kỳ có hạn nộp trước ngày bắt đầu theo dõi.',
        { periodKey: period.key, dueDate: schedule.dueDate, trackedFrom: obligation.trackedFrom },
      );
    }
    const schema = await this.schemas.inForce(obligation, period);
    if (!schema) throw unprocessable('no_schema', `Nghĩa vụ ${code} chưa có biểu mẫu áp dụng cho ${period.label}.`);
    const fileName = file.originalname ?? 'tep-nap-bu';
    const container = await this.asProblem(() =>
      readBackfillContainer(file.buffer, fileName, resolveLimits(uploadLimitsFrom(this.config)), () => this.uploads.open(file, schema.definition, UNIT_COLUMN_HEADERS)),
    );
    const expected = await this.expectedUnits(obligation, period);
    const results: BackfillUnitDto[] = container.problems.map((problem) => unitResult(problem.source, null, problem.code, { message: problem.message }));
    const counts = new Map<string, number>();
    container.sources.forEach((source) => counts.set(source.unitCode, (counts.get(source.unitCode) ?? 0) + 1));
    const sharedSha256 = container.kind === 'unit_column' ? createHash('sha256').update(file.buffer).digest('hex') : null;

    try {
      const loaded = await this.db.transaction(async (manager) => {
        const done: BackfillUnitDto[] = [];
        for (const source of container.sources) {
          const origin = source.kind === 'file' ? source.fileName : `${source.fileName}, ${rowsText(source.rowNumbers)}`;
          const unit = expected.get(source.unitCode);
          if (!unit) {
            done.push(unitResult(origin, source.unitCode, 'unknown_unit', { message: `Không có đơn vị mã ${source.unitCode} phải nộp báo cáo ${obligation.code} cho ${period.label}.` }));
          } else if ((counts.get(source.unitCode) ?? 0) > 1) {
            done.push(unitResult(origin, source.unitCode, 'duplicate_unit', { unitId: unit.id, unitName: unit.name, message: `Đơn vị ${source.unitCode} có nhiều hơn một tệp trong lần nạp này.` }));
          } else {
            const versionSource: VersionSource =
              source.kind === 'file'
                ? { original: source.buffer, sha256: sha256Of(source.buffer), originalName: source.fileName, window, open: () => this.uploads.open({ buffer: source.buffer, originalname: source.fileName }, schema.definition) }
                : { original: file.buffer, sha256: sharedSha256 as string, originalName: fileName, window, open: async () => source.open() };
            done.push(await this.loadUnit(manager, { obligation, period, unit }, schema, versionSource, origin, reason, actor));
          }
        }
        const all = [...results, ...done];
        if (all.some((result) => !['loaded', 'unchanged'].includes(result.outcome))) throw new BackfillRefused(all.map(asWouldBe));
        return all;
      });
      return {
        obligationCode: obligation.code,
        periodKey: period.key,
        periodLabel: period.label,
        loaded: loaded.filter((result) => result.outcome === 'loaded').length,
        unchanged: loaded.filter((result) => result.outcome === 'unchanged').length,
        units: loaded,
        missingUnitCodes: [...expected.keys()].filter((unitCode) => !counts.has(unitCode)),
      };
    } catch (error) {
      if (!(error instanceof BackfillRefused)) throw error;
      const refused = error.units.filter((result) => result.outcome !== 'valid');
      throw new AppError(
        422,
        'backfill_rejected',
        'Không nạp bù',
        `Không nạp bù ${period.label}: ${refused.length}/${error.units.length} tệp hoặc đơn vị có lỗi, không có dữ liệu nào được ghi. Hãy sửa các mục được nêu rồi nạp lại cả lô.`,
        refused.map((result) => ({ field: `units[${result.unitCode ?? result.source}]`, code: result.outcome, message: result.message ?? result.outcome })),
        { periodKey: period.key, units: error.units },
      );
    }
  }

  /** One unit inside the batch's transaction: the upload path, then approval as backfilled. */
  private async loadUnit(
    manager: EntityManager,
    target: { obligation: Obligation; period: Period; unit: ReportingUnit },
    schema: ReportSchemaVersion,
    source: VersionSource,
    origin: string,
    reason: string,
    actor: Actor,
  ): Promise<BackfillUnitDto> {
    const who = { unitId: target.unit.id, unitName: target.unit.name };
    const current = await manager.getRepository(Submission).findOne({
      where: { obligationId: target.obligation.id, periodKey: target.period.key, unitId: target.unit.id },
      lock: { mode: 'pessimistic_write' },
    });
    if (current && (current.status === 'submitted' || current.status === 'approved')) {
      const loadedBefore = current.submittedVersionId ? await this.storage.fingerprint(current.submittedVersionId, manager) : undefined;
      if (current.status === 'approved' && current.backfilled && loadedBefore?.sha256 === source.sha256) {
        return unitResult(origin, target.unit.code, 'unchanged', { ...who, versionNumber: loadedBefore.number, rowsRead: loadedBefore.rowsRead });
      }
      return unitResult(origin, target.unit.code, 'already_submitted', {
        ...who,
        message: `Báo cáo của đơn vị ${target.unit.code} kỳ ${target.period.label} đang ở trạng thái "${current.status === 'approved' ? 'đã duyệt' : 'đã gửi, chờ duyệt'}"; không nạp bù đè lên.`,
      });
    }
    let stored;
    try {
      stored = await this.uploads.storeVersion(manager, target, schema, source, actor);
    } catch (error) {
      if (!isUploadRejected(error)) throw error;
      return unitResult(origin, target.unit.code, 'unreadable', { ...who, message: error.message });
    }
    const { version, report } = stored;
    if (!report.valid) {
      return unitResult(origin, target.unit.code, 'invalid', {
        ...who,
        versionNumber: version.number,
        rowsRead: report.rowsRead,
        message: `Tệp có ${report.errorCount} lỗi.`,
        issues: report.issues
          .filter((issue) => issue.severity === 'error')
          .slice(0, ISSUES_PER_UNIT)
          .map((issue) => ({ row: issue.row, column: issue.column, code: issue.code, message: issue.message })),
      });
    }
    const submission = stored.submission;
    const from = submission.status;
    const to = nextStatus(from, 'backfill') as Submission['status'];
    Object.assign(submission, { status: to, submittedVersionId: version.id, backfilled: true });
    await manager.getRepository(Submission).save(submission);
    await this.audit.record(manager, actor, {
      action: 'submission.backfilled',
      entityType: 'submission',
      entityId: submission.id,
      before: { status: from },
      after: { status: to, version: version.number, backfilled: true, sha256: source.sha256 },
      reason: reason.normalize('NFC').trim(),
    });
    return unitResult(origin, target.unit.code, 'loaded', { ...who, versionNumber: version.number, rowsRead: report.rowsRead });
  }

  /** The units that owe the period, by code (a code names one unit at a period's end). */
  private async expectedUnits(obligation: Obligation, period: Period): Promise<Map<string, ReportingUnit>> {
    if (obligation.activeFrom > period.end) return new Map();
    const ids: Array<{ id: string }> = await this.db.query(`SELECT u.id FROM reporting_units u WHERE ${EXPECTED_UNIT_SQL} ORDER BY u.code`, [
      period.end,
      obligation.targetScope,
      obligation.targetUnitCodes,
    ]);
    const units = ids.length === 0 ? [] : await this.db.getRepository(ReportingUnit).find({ where: { id: In(ids.map((row) => row.id)) } });
    return new Map(units.map((unit) => [unit.code, unit]));
  }

  private async asProblem<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUploadRejected(error)) throw asUploadProblem(error);
      throw error;
    }
  }
}

const sha256Of = (buffer: Buffer) => createHash('sha256').update(buffer).digest('hex');

/** "dòng 3" or "dòng 3, 5, 9". */
function rowsText(rowNumbers: number[]): string {
  return `dòng ${rowNumbers.join(', ')}`;
}

/** In a refused batch, a unit that would have loaded is told so. */
function asWouldBe(result: BackfillUnitDto): BackfillUnitDto {
  return result.outcome === 'loaded' ? { ...result, outcome: 'valid', versionNumber: null } : result;
}
