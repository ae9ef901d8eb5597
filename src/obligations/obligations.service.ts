import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import type { Actor } from '../audit/actor';
import { AuditService } from '../audit/audit.service';
import { conflict, notFound, unprocessable } from '../common/app-error';
import { Clock } from '../common/clock';
import { formatVietnameseDateTime } from '../common/vietnamese-dates';
import type { ProblemFieldError } from '../common/problem';
import { validateDeadlineRule, vietnamDateOf } from '../periods/domain';
import { ReportingUnit } from '../units/reporting-unit.entity';
import { CreateObligationDto, ObligationDto, ObligationQueryDto, UpdateObligationDto } from './dto/obligation.dto';
import { type DatedBody, bodiesOn } from './obligation-bodies';
import { ObligationBodiesService } from './obligation-bodies.service';
import { Obligation } from './obligation.entity';
import { DEFAULT_REMINDER_POLICY, validateReminderPolicy } from './reminder-policy';

type ObligationInput = Omit<CreateObligationDto, 'code'> & { trackedFrom: string };

const AUDITED_FIELDS = [
  'title', 'titleEn', 'legalDocument', 'legalArticle', 'issuingBody', 'receivingBody', 'periodType', 'cutoffKind',
  'deadlineRule', 'targetScope', 'targetUnitCodes', 'compliesWhen', 'reminderPolicy', 'activeFrom', 'trackedFrom',
] as const;

@Injectable()
export class ObligationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly bodies: ObligationBodiesService,
    private readonly clock: Clock,
  ) {}

  async list(query: ObligationQueryDto): Promise<{ items: ObligationDto[]; total: number }> {
    const obligations = await this.db.getRepository(Obligation).find({
      where: { ...(query.periodType ? { periodType: query.periodType } : {}), ...(query.includeRetired ? {} : { retiredAt: IsNull() }) },
      order: { code: 'ASC' },
    });
    return { items: await this.views(obligations), total: obligations.length };
  }

  async get(code: string): Promise<ObligationDto> {
    const [view] = await this.views([await this.find(code)]);
    return view;
  }

  /** The obligation entity, for other modules (submissions, compliance, reminders). */
  async find(code: string, manager: EntityManager = this.db.manager): Promise<Obligation> {
    const obligation = await manager.getRepository(Obligation).findOneBy({ code });
    if (!obligation) throw notFound('nghĩa vụ báo cáo', code);
    return obligation;
  }

  async create(input: CreateObligationDto, actor: Actor): Promise<ObligationDto> {
    return this.db.transaction(async (manager) => {
      // Tracked from today unless said otherwise: periods already due are history, loaded by backfill.
      const trackedFrom = input.trackedFrom ?? vietnamDateOf(this.clock.now());
      const values = await this.checked(manager, { ...input, trackedFrom, reminderPolicy: input.reminderPolicy ?? DEFAULT_REMINDER_POLICY });
      if (await manager.getRepository(Obligation).existsBy({ code: input.code })) {
        throw conflict('obligation_code_taken', `Mã nghĩa vụ ${input.code} đã tồn tại.`);
      }
      const obligation = await manager.getRepository(Obligation).save({ ...values, code: input.code });
      await this.audit.record(manager, actor, {
        action: 'obligation.created',
        entityType: 'obligation',
        entityId: obligation.code,
        after: pick(obligation),
      });
      const [view] = await this.views([obligation], manager);
      return view;
    });
  }

  async update(code: string, input: UpdateObligationDto, actor: Actor): Promise<ObligationDto> {
    return this.db.transaction(async (manager) => {
      const current = await manager.getRepository(Obligation).findOne({ where: { code }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw notFound('nghĩa vụ báo cáo', code);
      if (current.revision !== input.expectedRevision) {
        throw conflict('stale_revision', `Nghĩa vụ ${code} đã được sửa (phiên bản ${current.revision}); hãy tải lại rồi sửa tiếp.`, {
          currentRevision: current.revision,
        });
      }
      const { expectedRevision: _expected, ...changes } = input;
      const before = pick(current);
      const values = await this.checked(manager, { ...before, ...stripUndefined(changes) } as ObligationInput);
      const saved = await manager.getRepository(Obligation).save(Object.assign(current, values));
      await this.audit.record(manager, actor, { action: 'obligation.updated', entityType: 'obligation', entityId: code, before, after: pick(saved) });
      const [view] = await this.views([saved], manager);
      return view;
    });
  }

  async retire(code: string, reason: string, actor: Actor): Promise<ObligationDto> {
    return this.db.transaction(async (manager) => {
      const current = await manager.getRepository(Obligation).findOne({ where: { code }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw notFound('nghĩa vụ báo cáo', code);
      if (current.retiredAt) throw conflict('already_retired', `Nghĩa vụ ${code} đã ngừng áp dụng từ ${formatVietnameseDateTime(current.retiredAt)}.`, { retiredAt: current.retiredAt.toISOString() });
      current.retiredAt = new Date();
      current.retiredReason = reason.normalize('NFC').trim();
      const saved = await manager.getRepository(Obligation).save(current);
      await this.audit.record(manager, actor, {
        action: 'obligation.retired',
        entityType: 'obligation',
        entityId: code,
        before: { retiredAt: null },
        after: { retiredAt: saved.retiredAt },
        reason: saved.retiredReason,
      });
      const [view] = await this.views([saved], manager);
      return view;
    });
  }

  /** Validates the parts class-validator cannot: the deadline rule, the reminder policy, the target units. */
  private async checked(manager: EntityManager, input: ObligationInput): Promise<ObligationInput & { targetUnitCodes: string[] }> {
    const errors: ProblemFieldError[] = [
      ...validateDeadlineRule(input.deadlineRule).map((message) => ({
        field: /^(\w+):/.test(message) ? `deadlineRule.${message.split(':')[0]}` : 'deadlineRule',
        code: 'invalid_deadline_rule',
        message,
      })),
      ...validateReminderPolicy(input.reminderPolicy).map(({ path, message }) => ({
        field: path ? `reminderPolicy.${path}` : 'reminderPolicy',
        code: 'invalid_reminder_policy',
        message: `${path ? `reminderPolicy.${path}` : 'reminderPolicy'} ${message}`,
      })),
    ];
    const codes = [...new Set((input.targetUnitCodes ?? []).map((c) => c.trim()))];
    if (input.targetScope === 'listed_units') {
      if (codes.length === 0) {
        errors.push({ field: 'targetUnitCodes', code: 'required', message: 'targetUnitCodes là bắt buộc khi targetScope là listed_units' });
      } else {
        const known = await manager.getRepository(ReportingUnit).find({ where: { code: In(codes) }, select: { code: true } });
        const unknown = codes.filter((c) => !known.some((unit) => unit.code === c));
        if (unknown.length > 0) {
          errors.push({ field: 'targetUnitCodes', code: 'unknown_unit', message: `Không có đơn vị mang mã: ${unknown.join(', ')}` });
        }
      }
    } else if (codes.length > 0) {
      errors.push({ field: 'targetUnitCodes', code: 'forbidden_for_scope', message: 'targetUnitCodes chỉ dùng khi targetScope là listed_units' });
    }
    if (errors.length > 0) throw unprocessable('validation_failed', `Có ${errors.length} lỗi trong nghĩa vụ báo cáo.`, errors);
    return {
      ...input,
      title: input.title.normalize('NFC').trim(),
      targetUnitCodes: codes,
    };
  }

  /** The obligations as the API shows them: latest schema version, dated bodies and the bodies in force today. */
  private async views(obligations: Obligation[], manager: EntityManager = this.db.manager): Promise<ObligationDto[]> {
    const ids = obligations.map((o) => o.id);
    const [latest, bodies] = await Promise.all([this.latestVersions(ids, manager), this.bodies.listFor(ids, manager)]);
    const today = vietnamDateOf(this.clock.now());
    return obligations.map((o) => toDto(o, latest.get(o.id) ?? null, bodies.get(o.id) ?? [], today));
  }

  private async latestVersions(ids: string[], manager: EntityManager = this.db.manager): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows: Array<{ obligation_id: string; version: number }> = await manager.query(
      `SELECT obligation_id, max(version)::int AS version FROM report_schema_versions WHERE obligation_id = ANY($1) GROUP BY obligation_id`,
      [ids],
    );
    return new Map(rows.map((row) => [row.obligation_id, row.version]));
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function pick(obligation: Partial<Obligation>): Record<string, unknown> {
  return Object.fromEntries(AUDITED_FIELDS.map((field) => [field, obligation[field] ?? null]));
}

function toDto(obligation: Obligation, latestSchemaVersion: number | null, bodies: DatedBody[], today: string): ObligationDto {
  return {
    id: obligation.id,
    code: obligation.code,
    title: obligation.title,
    titleEn: obligation.titleEn ?? null,
    legalDocument: obligation.legalDocument,
    legalArticle: obligation.legalArticle ?? null,
    issuingBody: obligation.issuingBody,
    receivingBody: obligation.receivingBody ?? null,
    periodType: obligation.periodType,
    cutoffKind: obligation.cutoffKind,
    deadlineRule: obligation.deadlineRule,
    targetScope: obligation.targetScope,
    targetUnitCodes: obligation.targetUnitCodes,
    compliesWhen: obligation.compliesWhen,
    reminderPolicy: obligation.reminderPolicy,
    activeFrom: obligation.activeFrom,
    trackedFrom: obligation.trackedFrom,
    retiredAt: obligation.retiredAt ?? null,
    retiredReason: obligation.retiredReason ?? null,
    revision: obligation.revision,
    latestSchemaVersion,
    bodies,
    bodiesToday: bodiesOn(obligation, bodies, today),
  };
}
