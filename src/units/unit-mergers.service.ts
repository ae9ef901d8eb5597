import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type Actor, SYSTEM_ACTOR } from '../audit/actor';
import { AuditService } from '../audit/audit.service';
import { AppError, unprocessable } from '../common/app-error';
import { addDays } from '../periods/domain';
import { asciiName, kindFromName, type MergerEntry, mergerProblems } from './merger-plan';
import { readReorganisations } from './reorganisations-reference';
import { ReportingUnit } from './reporting-unit.entity';

export interface MergerResult {
  effectiveFrom: string;
  created: number;
  renamed: number;
  unchanged: number;
  retired: number;
}

/**
 * Applies an administrative reorganisation as data: old units end the day before, each merged
 * group gets a new unit (codes may be reused with a new meaning) that the old ones point to as
 * successor. Importing the same mapping again changes nothing.
 */
@Injectable()
export class UnitMergersService {
  private readonly logger = new Logger(UnitMergersService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async import(effectiveFrom: string, legalBasis: string, entries: MergerEntry[], actor: Actor): Promise<MergerResult> {
    const dayBefore = addDays(effectiveFrom, -1);
    return this.db.transaction(async (manager) => {
      const repo = manager.getRepository(ReportingUnit);
      if (await this.alreadyApplied(manager, effectiveFrom, entries)) {
        return { effectiveFrom, created: 0, renamed: 0, unchanged: entries.length, retired: 0 };
      }
      const before: ReportingUnit[] = await repo
        .createQueryBuilder('u')
        .setLock('pessimistic_write')
        .where('u.validFrom <= :day AND (u.validTo IS NULL OR u.validTo >= :day)', { day: dayBefore })
        .andWhere("u.kind IN ('province', 'municipality')")
        .getMany();
      const byCode = new Map(before.map((unit) => [unit.code, unit]));
      const problems = mergerProblems(entries, new Set(byCode.keys()));
      if (problems.length > 0) {
        throw unprocessable('invalid_merger', `Bảng sáp nhập có ${problems.length} lỗi; không áp dụng.`, problems.map((p) => ({ ...p, code: 'invalid_merger' })));
      }
      const result: MergerResult = { effectiveFrom, created: 0, renamed: 0, unchanged: 0, retired: 0 };
      for (const entry of entries) {
        const olds = entry.oldCodes.map((code) => byCode.get(code) as ReportingUnit);
        if (olds.length === 1 && olds[0].code === entry.code) {
          const unit = olds[0];
          if (unit.name === entry.name) result.unchanged += 1;
          else {
            await repo.update({ id: unit.id }, { name: entry.name, nameAscii: asciiName(entry.name), kind: kindFromName(entry.name) });
            result.renamed += 1;
          }
          continue;
        }
        const host = olds.find((unit) => unit.code === entry.code) ?? olds[0];
        const successor = await repo.save({
          code: entry.code,
          name: entry.name,
          nameAscii: asciiName(entry.name),
          kind: kindFromName(entry.name),
          region: host.region,
          validFrom: effectiveFrom,
          validTo: null,
          parentId: null,
          successorId: null,
          submitterEmails: [...new Set(olds.flatMap((unit) => unit.submitterEmails))],
          leadershipEmail: host.leadershipEmail,
        });
        await repo.update(
          olds.map((unit) => unit.id),
          { validTo: dayBefore, successorId: successor.id },
        );
        result.created += 1;
        result.retired += olds.length;
      }
      await this.audit.record(manager, actor, {
        action: 'units.merger_imported',
        entityType: 'reporting_unit',
        entityId: `merger:${effectiveFrom}`,
        after: { ...result, units: entries.length },
        reason: legalBasis.normalize('NFC'),
      });
      return result;
    });
  }

  /**
   * Applies the reorganisations shipped as reference data (the 2025 map of 34 units), as the system,
   * on every start: a fresh install gets today's map without an admin call; an install that already
   * imported one is left as it is (the import is idempotent, and a map that no longer matches the
   * mapping's old units is skipped with a warning rather than stopping the start).
   */
  async applyReferenceReorganisations(): Promise<MergerResult[]> {
    const results: MergerResult[] = [];
    for (const reorganisation of readReorganisations()) {
      try {
        results.push(await this.import(reorganisation.effectiveFrom, reorganisation.legalBasis, reorganisation.entries, SYSTEM_ACTOR));
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'invalid_merger') throw error;
        this.logger.warn(`The reorganisation of ${reorganisation.effectiveFrom} does not fit the units of this install and was not applied: ${error.detail}`);
      }
    }
    return results;
  }

  /** Every merged group already has its successor from that day. */
  private async alreadyApplied(manager: EntityManager, effectiveFrom: string, entries: MergerEntry[]): Promise<boolean> {
    const merged = entries.filter((entry) => !(entry.oldCodes.length === 1 && entry.oldCodes[0] === entry.code));
    if (merged.length === 0) return false;
    const [{ n }] = await manager.query(
      `SELECT count(*)::int AS n FROM reporting_units WHERE valid_from = $1 AND code = ANY($2::text[])`,
      [effectiveFrom, merged.map((entry) => entry.code)],
    );
    return n === merged.length;
  }
}
