import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../audit/actor';
import { AuditService } from '../audit/audit.service';
import { conflict, unprocessable } from '../common/app-error';
import type { Environment } from '../config/environment';
import { EntryLocksService } from '../locks/entry-locks.service';
import type { ReportSchemaVersion } from '../obligations/report-schema-version.entity';
import { ReportSchemasService } from '../obligations/report-schemas.service';
import type { TypedRow } from '../validation/domain/cell-value';
import { ObligationPeriodsService } from '../obligations/obligation-periods.service';
import { BACKFILL_INSTEAD, isTracked, periodNotTracked } from '../obligations/tracking';
import { formatVietnameseDate } from '../common/vietnamese-dates';
import type { PeriodSchedule } from '../periods/period-schedule';
import type { ReportingWindow } from '../validation/domain/date-period-check';
import type { ConventionEvidence } from '../validation/domain/number-convention';
import type { ReportSchemaDefinition } from '../validation/domain/schema-definition';
import { SubmissionValidator } from '../validation/domain/row-validator';
import type { ValidationReport } from '../validation/domain/validation-report';
import { openUpload, type OpenedUpload } from '../validation/parsing/read-upload';
import { isUploadRejected } from '../validation/parsing/upload-rejected';
import { sourceSize, type UploadSource } from '../validation/parsing/upload-source';
import { type DiffSummary, diffRows, type KeyedRow } from './domain/row-diff';
import { nextStatus, transitionRefusal } from './domain/submission-status';
import { sanitizeFileName } from './sanitize-file-name';
import { Submission } from './submission.entity';
import type { SubmissionVersion } from './submission-version.entity';
import { type SubmissionTarget, SubmissionTargetService } from '../submission-targets/submission-target.service';
import { SubmissionStorage } from './submission-storage.repository';
import { uploadLimitsFrom } from './upload-limits.provider';
import { asUploadProblem } from './upload-problem';
import type { SpooledFile } from './intake/spooled-file';
import { UploadSlots } from './intake/upload-slots';
import type { VersionDetailDto } from './dto/submission.dto';
import { lockOrCreateSubmission } from './locked-submission';

/** A file in memory (backfill: its whole upload, or one entry of its ZIP). */
export interface UploadedFile {
  buffer: Buffer;
  originalname?: string;
  mimetype?: string;
}

/** Where a file's bytes are: in memory, or spooled to disk by the upload intake. */
const bytesOf = (file: UploadedFile | SpooledFile): UploadSource => ('buffer' in file ? file.buffer : { path: file.path, size: file.size });

export interface DryRunOutcome {
  dryRun: true;
  /** These exact bytes are already stored as that version. */
  duplicateOfVersion: number | null;
  /** The version the change counts refer to (the current one), null when none. */
  comparedWithVersion: number | null;
  summary: { rowsRead: number; rowsValid: number; rowsWithErrors: number; rowsWithWarnings: number } & DiffSummary;
  report: ValidationReport;
}

export interface UploadOutcome {
  submission: Submission;
  version: SubmissionVersion;
  report: ValidationReport;
  /** The same bytes were uploaded before: nothing new was stored. */
  duplicate: boolean;
  /** The new version's details as the API shows them (absent for a duplicate). */
  detail?: VersionDetailDto;
}

/** The bytes of one version and how to read its rows (a whole file, or one unit's rows of a shared file). */
export interface VersionSource {
  /** The original bytes, stored as they are (chunks of 1 MiB, read from memory or from the spooled file). */
  original: UploadSource;
  sha256: string;
  originalName?: string;
  /** Opens the rows; called again when a second reading is needed (number convention settled late). */
  open: () => Promise<OpenedUpload>;
  /** The dates the report is about, for the checks of date fields. */
  window: ReportingWindow;
}

/**
 * The upload use case: the file is parsed as a stream and validated against the schema in force,
 * and the version, its typed rows, its report and the submission's new status are written in one
 * transaction, so a failure leaves nothing behind.
 */
@Injectable()
export class UploadService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly targets: SubmissionTargetService,
    private readonly schemas: ReportSchemasService,
    private readonly periods: ObligationPeriodsService,
    private readonly audit: AuditService,
    private readonly config: ConfigService<Environment, true>,
    private readonly locks: EntryLocksService,
    private readonly storage: SubmissionStorage,
    private readonly slots: UploadSlots,
  ) {}

  /**
   * A spooled upload, once one of the process's upload slots is free (see UploadSlots): the checks of
   * target, period and lock come before any parsing; the duplicate check by sha256 before anything is stored.
   */
  async upload(code: string, periodKey: string, unitId: string, file: SpooledFile | undefined, actor: Actor): Promise<UploadOutcome & { target: SubmissionTarget }> {
    return this.slots.run(file?.size ?? 0, async () => {
      const { target, schema, sha256, window } = await this.prepare(code, periodKey, unitId, file);
      const spooled = file as SpooledFile;
      const source: VersionSource = { original: bytesOf(spooled), sha256, originalName: spooled.originalname, window, open: () => this.open(spooled, schema.definition) };
      const outcome = await this.refusedUploadsAsProblems(() => this.db.transaction((manager) => this.storeVersion(manager, target, schema, source, actor)));
      return { ...outcome, target };
    });
  }

  /**
   * The one path that stores a version, inside the caller's transaction: the same bytes again give
   * the earlier version; otherwise the rows are read, validated and written with the report, the
   * submission moves on and the audit trail records it. Used by uploads and by backfill.
   */
  async storeVersion(manager: EntityManager, target: SubmissionTarget, schema: ReportSchemaVersion, source: VersionSource, actor: Actor): Promise<UploadOutcome> {
    // Concurrent uploads for one submission queue up here.
    const submission = await lockOrCreateSubmission(manager, target.obligation.id, target.period.key, target.unit.id);
    // Versions are numbered from 1 up to versionCount: a submission without any has no duplicate to find.
    const existing = submission.versionCount > 0 ? await this.storage.versionBySha(manager, submission.id, source.sha256) : null;
    if (existing) return { submission, version: existing, report: existing.report, duplicate: true };

    const to = nextStatus(submission.status, 'upload');
    if (!to) throw conflict('illegal_transition', transitionRefusal(submission.status, 'upload'), { submissionStatus: submission.status });

    const upload = await source.open();
    const versionId = randomUUID();
    // Not awaited here: PostgreSQL takes about as long to store the original bytes as the app takes to
    // read the rows, so the inserts run while the file is parsed. The writer sends its first page after
    // them. The original goes in chunks of 1 MiB read one at a time, never whole in memory.
    const storingVersion = this.storage.insertVersion(manager, {
      id: versionId,
      submissionId: submission.id,
      number: submission.versionCount + 1,
      schemaVersionId: schema.id,
      sha256: source.sha256,
      sizeBytes: sourceSize(source.original),
      mediaType: mediaTypeOf(upload.format),
      format: upload.format,
      originalName: sanitizeFileName(source.originalName),
      valid: false,
      rowsRead: 0,
      errorCount: 0,
      warningCount: 0,
      report: {} as ValidationReport,
      uploadedBy: actor.user?.id ?? null,
    }).then(() => this.storage.storeOriginal(manager, versionId, source.original));
    let writer = this.storage.rowWriter(manager, versionId, storingVersion);
    let report: ValidationReport;
    try {
      const first = await this.validate(upload, schema.definition, source.window, (rowNumber, row) => writer.add(rowNumber, row));
      report = first.report;
      if (first.rereadWith) {
        // A value was read before the evidence that settles it: the rows stored so far are replaced.
        await writer.flush();
        await this.storage.deleteRows(manager, versionId);
        writer = this.storage.rowWriter(manager, versionId);
        const again = await this.validate(await source.open(), schema.definition, source.window, (rowNumber, row) => writer.add(rowNumber, row), first.rereadWith);
        report = again.report;
      }
    } catch (error) {
      // The rollback must not be sent while an insert is still running on this connection.
      await writer.settled();
      throw error;
    }
    await writer.flush();
    const from = submission.status;
    const { version, detail, revision, updatedAt } = await this.storage.recordOutcome(manager, versionId, report, { id: submission.id, status: to });
    const saved = Object.assign(submission, { status: to, currentVersionId: version.id, versionCount: version.number, revision, updatedAt });
    // A schema version once locked stays locked: only the first upload against it needs the statement.
    if (!schema.lockedAt) await this.schemas.lock(manager, schema.id);
    await this.audit.record(manager, actor, {
      action: 'submission.version_uploaded',
      entityType: 'submission',
      entityId: submission.id,
      before: { status: from },
      after: { status: to, version: version.number, valid: report.valid, sha256: source.sha256 },
    });
    return { submission: saved, version, detail, report, duplicate: false };
  }

  /**
   * Validates as an upload would and says what would change against the current version, storing
   * nothing: no version, no rows, no status change, no audit event.
   */
  async dryRun(code: string, periodKey: string, unitId: string, file: SpooledFile | undefined): Promise<DryRunOutcome> {
    return this.slots.run(file?.size ?? 0, () => this.dryRunInSlot(code, periodKey, unitId, file));
  }

  private async dryRunInSlot(code: string, periodKey: string, unitId: string, file: SpooledFile | undefined): Promise<DryRunOutcome> {
    const { target, schema, sha256, window } = await this.prepare(code, periodKey, unitId, file);
    const submission = await this.db.getRepository(Submission).findOneBy({ obligationId: target.obligation.id, periodKey: target.period.key, unitId: target.unit.id });
    const status = submission?.status ?? 'not_started';
    if (!nextStatus(status, 'upload')) throw conflict('illegal_transition', transitionRefusal(status, 'upload'), { submissionStatus: status });
    return this.refusedUploadsAsProblems(async () => {
      let rows: KeyedRow[] = [];
      const collect = (rowNumber: number, data: TypedRow) => {
        rows.push({ rowNumber, data });
        return undefined;
      };
      const first = await this.validate(await this.open(file as SpooledFile, schema.definition), schema.definition, window, collect);
      let report = first.report;
      if (first.rereadWith) {
        rows = [];
        report = (await this.validate(await this.open(file as SpooledFile, schema.definition), schema.definition, window, collect, first.rereadWith)).report;
      }
      const current: KeyedRow[] = submission?.currentVersionId ? await this.storage.allRows(submission.currentVersionId) : [];
      const duplicateOfVersion = submission ? await this.storage.numberBySha(submission.id, sha256) : null;
      const diff = diffRows(current, rows, schema.definition.keyFields ?? [], schema.definition.fields.map((f) => f.key), 0);
      return {
        dryRun: true,
        duplicateOfVersion,
        comparedWithVersion: submission?.versionCount ? submission.versionCount : null,
        summary: {
          rowsRead: report.rowsRead,
          rowsValid: report.rowsValid,
          rowsWithErrors: report.rowsWithErrors,
          rowsWithWarnings: report.rowsWithWarnings,
          ...diff.summary,
        },
        report,
      };
    });
  }

  private async prepare(code: string, periodKey: string, unitId: string, file: SpooledFile | undefined) {
    if (!file || file.size === 0) {
      throw unprocessable('file_required', 'Hãy đính kèm tệp báo cáo (trường "file" của biểu mẫu multipart) có nội dung.', [
        { field: 'file', code: 'file_required', message: 'file là bắt buộc và không được rỗng' },
      ]);
    }
    const target = await this.targets.resolve(code, periodKey, unitId);
    const schedule = await this.periods.schedule(target.obligation, target.period);
    if (schedule.status === 'upcoming') {
      throw conflict('period_not_open', `${target.period.label} chưa bắt đầu kỳ chốt số liệu (từ ${formatVietnameseDate(schedule.cutoffStart)}); chưa thể nộp báo cáo.`);
    }
    if (!isTracked(target.obligation, schedule.dueDate)) throw periodNotTracked(target.obligation, target.period, schedule.dueDate, BACKFILL_INSTEAD);
    await this.locks.assertOpen(target, schedule);
    const schema = await this.schemas.inForce(target.obligation, target.period);
    if (!schema) throw unprocessable('no_schema', `Nghĩa vụ ${code} chưa có biểu mẫu áp dụng cho ${target.period.label}.`);
    return { target, schema, sha256: file.sha256, window: reportingWindow(schedule) };
  }

  /** Opens a file (in memory or spooled) for reading against a schema, with the configured limits. */
  open(file: UploadedFile | SpooledFile, definition: ReportSchemaDefinition, extraHeaders: readonly string[] = []): Promise<OpenedUpload> {
    return openUpload(bytesOf(file), {
      fileName: file.originalname,
      mediaType: file.mimetype,
      preferredSheetName: definition.sheetName,
      knownHeaders: [...definition.fields.flatMap((f) => [f.label, ...(f.aliases ?? [])]), ...extraHeaders],
      knownKeys: definition.fields.map((f) => f.key),
      limits: uploadLimitsFrom(this.config),
    });
  }

  private async refusedUploadsAsProblems<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUploadRejected(error)) throw asUploadProblem(error);
      throw error;
    }
  }

  /**
   * Streams the rows through the validator, handing each typed row to `accept`. `rereadWith` is set when
   * the file's number convention showed itself only after values it settles were read: the caller then
   * validates the file again with that evidence (a rare second pass, instead of holding rows back).
   */
  private async validate(
    upload: OpenedUpload,
    definition: ReportSchemaDefinition,
    period: ReportingWindow,
    accept: (rowNumber: number, row: TypedRow) => Promise<void> | undefined,
    numberEvidence?: ConventionEvidence,
  ): Promise<{ report: ValidationReport; rereadWith: ConventionEvidence | null }> {
    const validator = new SubmissionValidator(definition, { maxIssues: this.config.get('REPORT_MAX_ISSUES', { infer: true }), period, numberEvidence });
    try {
      const seen = { labels: upload.headerLabels, letters: upload.format !== 'json' };
      if (validator.acceptHeader(upload.header, upload.headerRowNumber, seen)) {
        for await (const rows of upload.batches) {
          for (const row of rows) {
            const typed = validator.acceptRow(row.cells, row.rowNumber, row.flags);
            // Awaited only when the consumer asks for it (a page to store): a promise per row costs.
            const pending = typed ? accept(row.rowNumber, typed) : undefined;
            if (pending) await pending;
          }
        }
      }
    } finally {
      await upload.close();
    }
    validator.note(upload.notes);
    const report = validator.finish();
    return { report, rereadWith: validator.rereadWith() };
  }
}

/** The dates a report is about: its period, from the start of its data cut-off window when that is earlier. */
export function reportingWindow(schedule: PeriodSchedule): ReportingWindow {
  return {
    label: schedule.label,
    start: schedule.cutoffStart < schedule.start ? schedule.cutoffStart : schedule.start,
    end: schedule.cutoffEnd > schedule.end ? schedule.cutoffEnd : schedule.end,
  };
}

function mediaTypeOf(format: OpenedUpload['format']): string {
  switch (format) {
    case 'csv':
      return 'text/csv; charset=utf-8';
    case 'json':
      return 'application/json';
    case 'xlsx':
      return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  }
}
