import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { Actor } from '../audit/actor';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/app-error';
import { foldDiacritics } from '../common/fold-diacritics';
import { DepartmentsService } from './departments.service';
import { departmentNameOn, type DepartmentNameRule } from './department-names';
import { UnitContactsDto, UnitDto, UnitQueryDto } from './dto/unit.dto';
import { PROVINCES_VALID_FROM, readProvinces } from './provinces-reference';
import { ReportingUnit } from './reporting-unit.entity';

const todayInVietnam = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

@Injectable()
export class UnitsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly departments: DepartmentsService,
  ) {}

  async list(query: UnitQueryDto): Promise<{ items: UnitDto[]; total: number }> {
    const qb = this.db.getRepository(ReportingUnit).createQueryBuilder('u').orderBy('u.code').addOrderBy('u.validFrom');
    if (!query.all) {
      const day = query.activeOn ?? todayInVietnam();
      qb.andWhere('u.validFrom <= :day AND (u.validTo IS NULL OR u.validTo >= :day)', { day });
    }
    if (query.kind) qb.andWhere('u.kind = :kind', { kind: query.kind });
    if (query.region) qb.andWhere('u.region = :region', { region: query.region.normalize('NFC') });
    if (query.code) qb.andWhere('u.code = :code', { code: query.code });
    if (query.parentId) qb.andWhere('u.parentId = :parentId', { parentId: query.parentId });
    if (query.q) {
      qb.andWhere("(lower(u.nameAscii) LIKE :q ESCAPE '\\' OR u.code = :code_q)", {
        q: `%${foldDiacritics(query.q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
        code_q: query.q.trim(),
      });
    }
    const [units, rules] = await Promise.all([qb.getMany(), this.departments.rules()]);
    const day = query.activeOn ?? todayInVietnam();
    return { items: units.map((unit) => toDto(unit, rules, day)), total: units.length };
  }

  async get(id: string): Promise<UnitDto> {
    return toDto(await this.find(id), await this.departments.rules(), todayInVietnam());
  }

  async contacts(id: string): Promise<UnitContactsDto> {
    const unit = await this.find(id);
    return { submitterEmails: unit.submitterEmails, leadershipEmail: unit.leadershipEmail };
  }

  /** Reminder contacts of several units, by unit id. */
  async contactsOf(ids: string[]): Promise<Map<string, UnitContactsDto>> {
    if (ids.length === 0) return new Map();
    const units = await this.db.getRepository(ReportingUnit).find({ where: { id: In(ids) } });
    return new Map(units.map((unit) => [unit.id, { submitterEmails: unit.submitterEmails, leadershipEmail: unit.leadershipEmail }]));
  }

  async updateContacts(id: string, contacts: UnitContactsDto, actor: Actor): Promise<UnitContactsDto> {
    return this.db.transaction(async (manager) => {
      const unit = await manager.getRepository(ReportingUnit).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!unit) throw notFound('đơn vị báo cáo', id);
      const before = { submitterEmails: unit.submitterEmails, leadershipEmail: unit.leadershipEmail };
      const after = {
        submitterEmails: [...new Set(contacts.submitterEmails.map((email) => email.trim().toLowerCase()))],
        leadershipEmail: contacts.leadershipEmail?.trim().toLowerCase() ?? null,
      };
      await manager.getRepository(ReportingUnit).update({ id }, after);
      await this.audit.record(manager, actor, { action: 'unit.contacts_updated', entityType: 'reporting_unit', entityId: id, before, after });
      return after;
    });
  }

  /**
   * Loads the 63 provinces; safe to run on every start (inserts missing, keeps contacts). Names are
   * corrected from the reference only while it is still the current map: once a reorganisation has
   * created later units (and renamed some, e.g. Thành phố Huế), the 2008 reference is history.
   */
  async loadProvinces(): Promise<number> {
    const provinces = readProvinces();
    await this.db.query(
      `INSERT INTO reporting_units (code, name, name_ascii, kind, region, valid_from)
       SELECT * FROM unnest($1::varchar[], $2::text[], $3::text[], $4::varchar[], $5::text[], $6::date[])
       ON CONFLICT (code, valid_from) DO UPDATE
         SET name = EXCLUDED.name, name_ascii = EXCLUDED.name_ascii, kind = EXCLUDED.kind, region = EXCLUDED.region
         WHERE (reporting_units.name, reporting_units.name_ascii, reporting_units.kind, reporting_units.region)
           IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.name_ascii, EXCLUDED.kind, EXCLUDED.region)
           AND NOT EXISTS (SELECT 1 FROM reporting_units later
                            WHERE later.valid_from > EXCLUDED.valid_from AND later.kind IN ('province', 'municipality'))`,
      [
        provinces.map((p) => p.code),
        provinces.map((p) => p.name),
        provinces.map((p) => p.nameAscii),
        provinces.map((p) => p.kind),
        provinces.map((p) => p.region),
        provinces.map(() => PROVINCES_VALID_FROM),
      ],
    );
    return provinces.length;
  }

  private async find(id: string): Promise<ReportingUnit> {
    const unit = await this.db.getRepository(ReportingUnit).findOneBy({ id });
    if (!unit) throw notFound('đơn vị báo cáo', id);
    return unit;
  }
}

/** The unit as the API shows it; its department is named as on `day`, or on its last day if it ceased before. */
function toDto(unit: ReportingUnit, rules: DepartmentNameRule[], day: string): UnitDto {
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    nameAscii: unit.nameAscii,
    kind: unit.kind,
    region: unit.region,
    validFrom: unit.validFrom,
    validTo: unit.validTo,
    parentId: unit.parentId,
    successorId: unit.successorId,
    departmentName: departmentNameOn(unit, rules, unit.validTo !== null && unit.validTo < day ? unit.validTo : day),
  };
}
