import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../audit/actor';
import { AuditService } from '../audit/audit.service';
import { conflict, notFound, unprocessable } from '../common/app-error';
import { formatVietnameseDateTime } from '../common/vietnamese-dates';
import type { Period } from '../periods/domain';
import type { ReportSchemaDefinition } from '../validation/domain/schema-definition';
import { validateSchemaDefinition } from '../validation/domain/validate-schema-definition';
import { buildTemplateWorkbook } from '../validation/template/template-workbook';
import { SchemaVersionDto, SchemaVersionInputDto } from './dto/schema.dto';
import { Obligation } from './obligation.entity';
import { ObligationsService } from './obligations.service';
import { ReportSchemaVersion } from './report-schema-version.entity';

/** Versioned report schemas: validated when saved, immutable once a submission used them. */
@Injectable()
export class ReportSchemasService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly obligations: ObligationsService,
    private readonly audit: AuditService,
  ) {}

  async list(code: string): Promise<SchemaVersionDto[]> {
    const obligation = await this.obligations.find(code);
    const versions = await this.db.getRepository(ReportSchemaVersion).find({ where: { obligationId: obligation.id }, order: { version: 'ASC' } });
    return versions.map((version) => toDto(version, code));
  }

  async get(code: string, version: number): Promise<SchemaVersionDto> {
    const obligation = await this.obligations.find(code);
    return toDto(await this.findVersion(this.db.manager, obligation, version), code);
  }

  /** The version a period's reports are validated against. */
  async inForceFor(code: string, period: Period): Promise<SchemaVersionDto> {
    const obligation = await this.obligations.find(code);
    const schema = await this.inForce(obligation, period);
    if (!schema) throw notFound('biểu mẫu áp dụng cho', `${code} ${period.label}`);
    return toDto(schema, code);
  }

  async create(code: string, input: SchemaVersionInputDto, actor: Actor): Promise<SchemaVersionDto> {
    const definition = checkedDefinition(input.definition);
    return this.db.transaction(async (manager) => {
      const obligation = await manager.getRepository(Obligation).findOne({ where: { code }, lock: { mode: 'pessimistic_write' } });
      if (!obligation) throw notFound('nghĩa vụ báo cáo', code);
      const [{ next }] = await manager.query(
        'SELECT coalesce(max(version), 0) + 1 AS next FROM report_schema_versions WHERE obligation_id = $1',
        [obligation.id],
      );
      const saved = await manager.getRepository(ReportSchemaVersion).save({
        obligationId: obligation.id,
        version: Number(next),
        effectiveFrom: input.effectiveFrom,
        definition,
        changeNote: input.changeNote?.normalize('NFC') ?? null,
        createdBy: actor.user?.id ?? null,
        lockedAt: null,
      });
      await this.audit.record(manager, actor, {
        action: 'schema.created',
        entityType: 'report_schema',
        entityId: `${code}@${saved.version}`,
        after: { effectiveFrom: saved.effectiveFrom, definition: saved.definition as unknown as Record<string, unknown> },
        reason: saved.changeNote,
      });
      return toDto(saved, code);
    });
  }

  async update(code: string, version: number, input: SchemaVersionInputDto, actor: Actor): Promise<SchemaVersionDto> {
    const definition = checkedDefinition(input.definition);
    return this.db.transaction(async (manager) => {
      const obligation = await this.obligations.find(code, manager);
      const current = await this.findVersion(manager, obligation, version, true);
      if (current.lockedAt) {
        throw conflict(
          'schema_version_locked',
          `Phiên bản ${version} của biểu mẫu ${code} đã được dùng cho báo cáo từ ${formatVietnameseDateTime(current.lockedAt)}, không thể sửa; hãy tạo phiên bản mới.`,
          { lockedAt: current.lockedAt.toISOString() },
        );
      }
      const before = { effectiveFrom: current.effectiveFrom, definition: current.definition as unknown as Record<string, unknown> };
      Object.assign(current, { definition, effectiveFrom: input.effectiveFrom, changeNote: input.changeNote?.normalize('NFC') ?? current.changeNote });
      const saved = await manager.getRepository(ReportSchemaVersion).save(current);
      await this.audit.record(manager, actor, {
        action: 'schema.updated',
        entityType: 'report_schema',
        entityId: `${code}@${version}`,
        before,
        after: { effectiveFrom: saved.effectiveFrom, definition: saved.definition as unknown as Record<string, unknown> },
      });
      return toDto(saved, code);
    });
  }

  /** A ready-to-fill workbook for a version: Vietnamese headers, hidden key row, data validation, instructions. */
  async template(code: string, version: number): Promise<{ content: Buffer; fileName: string }> {
    const obligation = await this.obligations.find(code);
    const schema = await this.findVersion(this.db.manager, obligation, version);
    const content = await buildTemplateWorkbook(schema.definition, {
      obligationCode: obligation.code,
      obligationTitle: obligation.title,
      legalBasis: [obligation.legalDocument, obligation.legalArticle].filter(Boolean).join('; '),
      schemaVersion: schema.version,
    });
    return { content, fileName: `${obligation.code}-v${schema.version}.xlsx` };
  }

  /** The version in force for a period: the latest whose effectiveFrom is on or before the period start. */
  async inForce(obligation: Obligation, period: Period, manager: EntityManager = this.db.manager): Promise<ReportSchemaVersion | null> {
    return manager
      .getRepository(ReportSchemaVersion)
      .createQueryBuilder('s')
      .where('s.obligationId = :id AND s.effectiveFrom <= :start', { id: obligation.id, start: period.start })
      .orderBy('s.effectiveFrom', 'DESC')
      .addOrderBy('s.version', 'DESC')
      .getOne();
  }

  /** Marks a version used; from then on it is immutable. Call inside the transaction that uses it. */
  async lock(manager: EntityManager, schemaVersionId: string): Promise<void> {
    await manager.query('UPDATE report_schema_versions SET locked_at = now() WHERE id = $1 AND locked_at IS NULL', [schemaVersionId]);
  }

  async findVersion(manager: EntityManager, obligation: Obligation, version: number, forUpdate = false): Promise<ReportSchemaVersion> {
    const found = await manager.getRepository(ReportSchemaVersion).findOne({
      where: { obligationId: obligation.id, version },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!found) throw notFound('phiên bản biểu mẫu', `${obligation.code}@${version}`);
    return found;
  }
}

function checkedDefinition(definition: unknown): ReportSchemaDefinition {
  const result = validateSchemaDefinition(definition);
  if (result.ok) return result.value;
  throw unprocessable(
    'invalid_schema',
    `Biểu mẫu báo cáo có ${result.errors.length} lỗi; không lưu.`,
    result.errors.map((error) => ({ field: error.path ? `definition.${error.path}` : 'definition', code: error.code, message: error.message })),
  );
}

function toDto(version: ReportSchemaVersion, obligationCode: string): SchemaVersionDto {
  return {
    id: version.id,
    obligationCode,
    version: version.version,
    effectiveFrom: version.effectiveFrom,
    definition: version.definition,
    changeNote: version.changeNote,
    locked: version.lockedAt !== null,
    createdAt: version.createdAt,
  };
}
