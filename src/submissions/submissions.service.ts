import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../audit/actor';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { conflict, notFound, unprocessable } from '../common/app-error';
import { EntryLocksService } from '../locks/entry-locks.service';
import { ReceiptsService } from '../receipts/receipts.service';
import { ObligationPeriodsService } from '../obligations/obligation-periods.service';
import type { AuthenticatedUser } from '../access/authenticated-user';
import { assertCanAccessUnit } from '../access/unit-scope';
import { Obligation } from '../obligations/obligation.entity';
import { ObligationBodiesService } from '../obligations/obligation-bodies.service';
import { BACKFILL_INSTEAD, isTracked, periodNotTracked } from '../obligations/tracking';
import { daysLate, parsePeriodKeyFor, vietnamDateOf } from '../periods/domain';
import { DepartmentsService } from '../units/departments.service';
import { ReportingUnit } from '../units/reporting-unit.entity';
import { nextStatus, transitionRefusal } from './domain/submission-status';
import { RowsDto, SubmissionDto, SubmitDto, SubmitResultDto, VersionDetailDto, VersionDiffDto, VersionSummaryDto } from './dto/submission.dto';
import { diffRows } from './domain/row-diff';
import { Submission } from './submission.entity';
import { type SubmissionTarget, SubmissionTargetService } from '../submission-targets/submission-target.service';
import type { SubmissionVersion } from './submission-version.entity';
import { SubmissionStorage } from './submission-storage.repository';
import { VersionJustification } from './version-justification.entity';
import { updateLockedSubmission } from './locked-submission';

@Injectable()
export class SubmissionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly targets: SubmissionTargetService,
    private readonly periods: ObligationPeriodsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly locks: EntryLocksService,
    private readonly receipts: ReceiptsService,
    private readonly bodies: ObligationBodiesService,
    private readonly departments: DepartmentsService,
    private readonly storage: SubmissionStorage,
  ) {}

  async get(code: string, periodKey: string, unitId: string): Promise<SubmissionDto> {
    const target = await this.targets.resolve(code, periodKey, unitId);
    return this.view(target, await this.find(this.db.manager, target));
  }

  /** The same view for a submission the caller already holds (after an upload or a decision). */
  async viewOf(target: SubmissionTarget, submission: Submission | null, manager: EntityManager = this.db.manager, knownNumbers?: ReadonlyMap<string, number>): Promise<SubmissionDto> {
    return this.view(target, submission, manager, knownNumbers);
  }

  /** A submission by id with what it belongs to; officers may only reach their own unit's. */
  async byId(id: string, user: AuthenticatedUser, manager: EntityManager = this.db.manager, forUpdate = false): Promise<{ submission: Submission; target: SubmissionTarget }> {
    const submission = await manager.getRepository(Submission).findOne({ where: { id }, ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!submission) throw notFound('báo cáo', id);
    assertCanAccessUnit(user, submission.unitId);
    const obligation = await manager.getRepository(Obligation).findOneByOrFail({ id: submission.obligationId });
    const unit = await manager.getRepository(ReportingUnit).findOneByOrFail({ id: submission.unitId });
    return { submission, target: { obligation, unit, period: parsePeriodKeyFor(obligation.periodType, submission.periodKey) } };
  }

  /** Details of a version by its id (the report included). */
  async versionById(versionId: string): Promise<VersionDetailDto> {
    const row = await this.storage.detailById(versionId);
    if (!row) throw notFound('phiên bản báo cáo', versionId);
    return row;
  }

  async versions(code: string, periodKey: string, unitId: string): Promise<VersionSummaryDto[]> {
    const submission = await this.existing(code, periodKey, unitId);
    return this.storage.summaries(submission.id);
  }

  async version(code: string, periodKey: string, unitId: string, number: number): Promise<VersionDetailDto> {
    const submission = await this.existing(code, periodKey, unitId);
    const row = await this.storage.detailByNumber(submission.id, number);
    if (!row) throw notFound('phiên bản báo cáo', String(number));
    return row;
  }

  /** A version's original bytes, streamed from their stored chunks. */
  async file(code: string, periodKey: string, unitId: string, number: number): Promise<{ content: Readable; length: number; mediaType: string; originalName: string; sha256: string }> {
    const submission = await this.existing(code, periodKey, unitId);
    const row = await this.storage.originalFile(submission.id, number);
    if (!row) throw notFound('phiên bản báo cáo', String(number));
    const { id, ...file } = row;
    return { ...file, content: this.storage.originalStream(id) };
  }

  async rows(code: string, periodKey: string, unitId: string, number: number, offset = 0, limit = 100): Promise<RowsDto> {
    const submission = await this.existing(code, periodKey, unitId);
    const versionId = await this.storage.idByNumber(submission.id, number);
    if (!versionId) throw notFound('phiên bản báo cáo', String(number));
    return { total: await this.storage.rowCount(versionId), items: await this.storage.rowsSlice(versionId, offset, limit) };
  }

  /** Row-by-row, field-by-field difference between two versions of a submission. */
  async diff(code: string, periodKey: string, unitId: string, from: number, to: number): Promise<VersionDiffDto> {
    const submission = await this.existing(code, periodKey, unitId);
    return this.diffVersions(submission.id, from, to);
  }

  async diffVersions(submissionId: string, from: number, to: number): Promise<VersionDiffDto> {
    const versions = await this.storage.withDefinitions(submissionId, [from, to]);
    const before = versions.find((v) => v.number === from);
    const after = versions.find((v) => v.number === to);
    if (!before || !after) throw notFound('phiên bản báo cáo', String(before ? to : from));
    const rowsOf = (id: string) => this.storage.allRows(id);
    const keyFields = after.definition.keyFields ?? [];
    const fields = [...new Set([...before.definition.fields, ...after.definition.fields].map((f) => f.key))];
    const diff = diffRows(await rowsOf(before.id), await rowsOf(after.id), keyFields, fields);
    return { from, to, keyFields, ...diff };
  }

  /**
   * Sends a valid version for review: warnings need a justification, a locked period refuses, the
   * first submission decides on-time or late, and a signed receipt of record is issued.
   */
  async submit(code: string, periodKey: string, unitId: string, input: SubmitDto, actor: Actor): Promise<SubmitResultDto> {
    const target = await this.targets.resolve(code, periodKey, unitId);
    const schedule = await this.periods.schedule(target.obligation, target.period);
    if (!isTracked(target.obligation, schedule.dueDate)) throw periodNotTracked(target.obligation, target.period, schedule.dueDate, BACKFILL_INSTEAD);
    const { view, receipt } = await this.db.transaction(async (manager) => {
      await this.locks.assertOpen(target, schedule, manager);
      const current = await this.find(manager, target, true);
      if (!current) throw conflict('illegal_transition', transitionRefusal('not_started', 'submit'), { submissionStatus: 'not_started' });
      if (input.expectedRevision !== undefined && input.expectedRevision !== current.revision) {
        throw conflict('stale_revision', 'Báo cáo đã thay đổi kể từ khi bạn mở; hãy tải lại.', { currentRevision: current.revision });
      }
      const to = nextStatus(current.status, 'submit');
      if (!to) throw conflict('illegal_transition', transitionRefusal(current.status, 'submit'), { submissionStatus: current.status });
      const number = input.versionNumber ?? current.versionCount;
      const version = await this.storage.versionToSubmit(manager, current.id, number);
      if (!version) throw notFound('phiên bản báo cáo', String(number));
      if (!version.valid) {
        throw conflict('version_not_valid', `Phiên bản ${number} còn ${version.errorCount} lỗi; hãy sửa và tải lên lại trước khi gửi.`, {
          version: number,
          errorCount: version.errorCount,
        });
      }
      if (version.warningCount > 0) await this.justify(manager, version, input, actor);
      const now = this.clock.now();
      const from = current.status;
      const first = current.firstSubmittedAt === null;
      const saved = await updateLockedSubmission(manager, current, {
        status: to,
        submittedVersionId: version.id,
        submittedAt: now,
        ...(first ? { firstSubmittedAt: now, dueDate: schedule.dueDate, onTime: now.getTime() <= Date.parse(schedule.dueAt), daysLate: daysLate(schedule.dueDate, now) } : {}),
      });
      const receipt = await this.receipts.issue(manager, {
        submissionId: saved.id,
        versionNumber: number,
        fileSha256: version.sha256,
        serverTime: now.toISOString(),
        submitter: { id: actor.user?.id ?? null, email: actor.user?.email ?? null },
        unit: { id: target.unit.id, code: target.unit.code, name: target.unit.name },
        obligation: { code: target.obligation.code, title: target.obligation.title },
        periodKey: target.period.key,
        periodLabel: target.period.label,
        dueDate: schedule.dueDate,
        onTime: now.getTime() <= Date.parse(schedule.dueAt),
        sender: await this.departments.nameOf(target.unit, vietnamDateOf(now), manager),
        receivingBody: (await this.bodies.on(target.obligation, vietnamDateOf(now), manager)).receivingBody,
      });
      await this.audit.record(manager, actor, {
        action: 'submission.submitted',
        entityType: 'submission',
        entityId: saved.id,
        before: { status: from },
        after: { status: to, version: number, onTime: saved.onTime, dueDate: saved.dueDate, submittedAt: now.toISOString(), receiptId: receipt.id },
      });
      // Read before the commit: an answer that failed after it would report a submit that happened as failed.
      return { view: await this.view(target, saved, manager, new Map([[version.id, version.number]])), receipt };
    });
    return { ...view, receipt: { id: receipt.id, content: { ...receipt.content }, hash: receipt.hash, signature: receipt.signature, keyId: receipt.keyId } };
  }

  /** Warnings allow a submit only with a written justification: one for all, or one for each warning listed. */
  private async justify(manager: EntityManager, version: SubmissionVersion, input: SubmitDto, actor: Actor): Promise<void> {
    const warnings = version.report.issues.map((issue, index) => ({ issue, index })).filter(({ issue }) => issue.severity === 'warning');
    const given = new Map((input.warningJustifications ?? []).map((j) => [j.issue, j.text.normalize('NFC').trim()]));
    const unknown = [...given.keys()].filter((index) => !warnings.some((w) => w.index === index));
    if (unknown.length > 0) {
      throw unprocessable('validation_failed', 'Có giải trình cho mục không phải là cảnh báo.', [
        { field: 'warningJustifications', code: 'not_a_warning', message: `Các mục ${unknown.join(', ')} không phải là cảnh báo của phiên bản này` },
      ]);
    }
    const allListed = warnings.length === version.warningCount && warnings.every((w) => given.has(w.index));
    if (!input.justification && !allListed) {
      const missing = warnings.filter((w) => !given.has(w.index)).map((w) => w.index);
      throw conflict(
        'justification_required',
        `Phiên bản ${version.number} có ${version.warningCount} cảnh báo; hãy giải trình chung (justification) hoặc giải trình từng cảnh báo trước khi gửi.`,
        { warningCount: version.warningCount, unjustifiedWarnings: missing },
      );
    }
    await manager.getRepository(VersionJustification).upsert(
      {
        versionId: version.id,
        general: input.justification?.normalize('NFC').trim() ?? null,
        perWarning: [...given].map(([issue, text]) => ({ issue, text })),
        justifiedBy: actor.user?.id ?? null,
      },
      ['versionId'],
    );
  }

  private async existing(code: string, periodKey: string, unitId: string): Promise<Submission> {
    const target = await this.targets.resolve(code, periodKey, unitId);
    const submission = await this.find(this.db.manager, target);
    if (!submission) throw notFound('báo cáo', `${code}, ${target.period.label}, đơn vị ${target.unit.code}`);
    return submission;
  }

  private find(manager: EntityManager, target: SubmissionTarget, forUpdate = false): Promise<Submission | null> {
    return manager.getRepository(Submission).findOne({
      where: { obligationId: target.obligation.id, periodKey: target.period.key, unitId: target.unit.id },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  /** `knownNumbers`: version numbers the caller already holds by version id, not read again. */
  private async view(
    target: SubmissionTarget,
    submission: Submission | null,
    manager: EntityManager = this.db.manager,
    knownNumbers: ReadonlyMap<string, number> = new Map(),
  ): Promise<SubmissionDto> {
    const ids = [submission?.currentVersionId, submission?.submittedVersionId].filter((id): id is string => !!id && !knownNumbers.has(id));
    const numbers = new Map([...knownNumbers, ...(await this.storage.numbersOf(ids, manager))]);
    return {
      id: submission?.id ?? null,
      obligationCode: target.obligation.code,
      periodKey: target.period.key,
      unitId: target.unit.id,
      unitCode: target.unit.code,
      unitName: target.unit.name,
      status: submission?.status ?? 'not_started',
      currentVersion: submission?.currentVersionId ? (numbers.get(submission.currentVersionId) ?? null) : null,
      submittedVersion: submission?.submittedVersionId ? (numbers.get(submission.submittedVersionId) ?? null) : null,
      submittedAt: submission?.submittedAt ?? null,
      firstSubmittedAt: submission?.firstSubmittedAt ?? null,
      onTime: submission?.onTime ?? null,
      daysLate: submission?.daysLate ?? null,
      versionCount: submission?.versionCount ?? 0,
      revision: submission?.revision ?? 0,
      schedule: await this.periods.schedule(target.obligation, target.period),
    };
  }
}
