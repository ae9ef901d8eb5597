import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../audit/actor';
import { AuditService } from '../audit/audit.service';
import { validateDeadlineRule } from '../periods/domain';
import { validateSchemaDefinition } from '../validation/domain/validate-schema-definition';
import type { CreateObligationDto } from './dto/obligation.dto';
import { Obligation } from './obligation.entity';
import { DEFAULT_REMINDER_POLICY } from './reminder-policy';
import { ReportSchemaVersion } from './report-schema-version.entity';

interface SeedObligation extends Omit<CreateObligationDto, 'reminderPolicy'> {
  schema: { effectiveFrom: string; changeNote: string; definition: unknown };
}

const REFERENCE_DIR = join(__dirname, 'reference');

export function readSeedObligations(dir = REFERENCE_DIR): SeedObligation[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const seed = JSON.parse(readFileSync(join(dir, file), 'utf8')) as SeedObligation;
      const problems = [
        ...validateDeadlineRule(seed.deadlineRule),
        ...(() => {
          const result = validateSchemaDefinition(seed.schema.definition);
          return result.ok ? [] : result.errors.map((error) => `${error.path}: ${error.message}`);
        })(),
      ];
      if (problems.length > 0) throw new Error(`Seed obligation ${file} is invalid: ${problems.join('; ')}`);
      return seed;
    });
}

/**
 * Loads the seeded obligations (legal basis in the data) on every start: inserts those missing and
 * their first schema version; never overwrites what an administrator changed since.
 */
@Injectable()
export class ObligationSeeder {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async seed(): Promise<number> {
    let created = 0;
    for (const { schema, ...seed } of readSeedObligations()) {
      await this.db.transaction(async (manager) => {
        const inserted = await manager
          .createQueryBuilder()
          .insert()
          .into(Obligation)
          .values({ ...seed, reminderPolicy: DEFAULT_REMINDER_POLICY, targetUnitCodes: seed.targetUnitCodes ?? [] })
          .orIgnore()
          .returning(['id'])
          .execute();
        const id = inserted.raw[0]?.id as string | undefined;
        if (!id) return;
        created += 1;
        await manager.getRepository(ReportSchemaVersion).insert({
          obligationId: id,
          version: 1,
          effectiveFrom: schema.effectiveFrom,
          definition: schema.definition as ReportSchemaVersion['definition'],
          changeNote: schema.changeNote,
          createdBy: null,
          lockedAt: null,
        });
        await this.audit.record(manager, SYSTEM_ACTOR, {
          action: 'obligation.created',
          entityType: 'obligation',
          entityId: seed.code,
          after: { title: seed.title, legalDocument: seed.legalDocument, periodType: seed.periodType },
          reason: 'seed',
        });
      });
    }
    return created;
  }
}
