import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SYSTEM_ACTOR } from '../audit/actor';
import { Clock } from '../common/clock';
import { AuditService } from '../audit/audit.service';
import { validateDeadlineRule, vietnamDateOf } from '../periods/domain';
import { validateSchemaDefinition } from '../validation/domain/validate-schema-definition';
import type { CreateObligationDto } from './dto/obligation.dto';
import { datedBodyProblems, type DatedBody } from './obligation-bodies';
import { ObligationBodiesService } from './obligation-bodies.service';
import { Obligation } from './obligation.entity';
import { DEFAULT_REMINDER_POLICY } from './reminder-policy';
import { ReportSchemaVersion } from './report-schema-version.entity';

interface SeedSchemaVersion {
  version: number;
  effectiveFrom: string;
  changeNote: string;
  definition: unknown;
}

interface SeedObligation extends Omit<CreateObligationDto, 'reminderPolicy'> {
  /** Dated names of the issuing and receiving body, with their legal basis. */
  bodies?: DatedBody[];
  /** Schema versions, numbered; a version once used is immutable, so a change is a new version. */
  schemas: SeedSchemaVersion[];
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
        ...datedBodyProblems(seed.bodies ?? []).map((problem) => problem.message),
        ...seed.schemas.flatMap((schema) => {
          const result = validateSchemaDefinition(schema.definition);
          return result.ok ? [] : result.errors.map((error) => `v${schema.version} ${error.path}: ${error.message}`);
        }),
      ];
      if (problems.length > 0) throw new Error(`Seed obligation ${file} is invalid: ${problems.join('; ')}`);
      return seed;
    });
}

/**
 * Loads the seeded obligations (legal basis in the data) on every start: inserts those missing
 * (tracked from that day), the
 * seed schema versions whose number is still free and the dated bodies of an obligation that has
 * none; never overwrites what an administrator changed since.
 */
@Injectable()
export class ObligationSeeder {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly bodies: ObligationBodiesService,
    private readonly clock: Clock,
  ) {}

  async seed(): Promise<number> {
    let created = 0;
    for (const { schemas, bodies, ...seed } of readSeedObligations()) {
      await this.db.transaction(async (manager) => {
        const inserted = await manager
          .createQueryBuilder()
          .insert()
          .into(Obligation)
          // Tracked from the day of the first start: what was due before is history, loaded by backfill.
          .values({ ...seed, reminderPolicy: DEFAULT_REMINDER_POLICY, targetUnitCodes: seed.targetUnitCodes ?? [], trackedFrom: vietnamDateOf(this.clock.now()) })
          .orIgnore()
          .returning(['id'])
          .execute();
        const newId = inserted.raw[0]?.id as string | undefined;
        if (newId) {
          created += 1;
          await this.audit.record(manager, SYSTEM_ACTOR, {
            action: 'obligation.created',
            entityType: 'obligation',
            entityId: seed.code,
            after: { title: seed.title, legalDocument: seed.legalDocument, periodType: seed.periodType },
            reason: 'seed',
          });
        }
        const id = newId ?? (await manager.getRepository(Obligation).findOneByOrFail({ code: seed.code })).id;
        for (const schema of schemas) await this.seedSchemaVersion(manager, id, seed.code, schema);
        await this.bodies.seedIfNone(manager, id, bodies ?? []);
      });
    }
    return created;
  }

  private async seedSchemaVersion(manager: EntityManager, obligationId: string, code: string, schema: SeedSchemaVersion): Promise<void> {
    // A number already taken (by this seed before, or by an administrator's own version) is left alone.
    if (await manager.getRepository(ReportSchemaVersion).existsBy({ obligationId, version: schema.version })) return;
    await manager.getRepository(ReportSchemaVersion).insert({
      obligationId,
      version: schema.version,
      effectiveFrom: schema.effectiveFrom,
      definition: schema.definition as ReportSchemaVersion['definition'],
      changeNote: schema.changeNote,
      createdBy: null,
      lockedAt: null,
    });
    await this.audit.record(manager, SYSTEM_ACTOR, {
      action: 'schema.created',
      entityType: 'report_schema',
      entityId: `${code}@${schema.version}`,
      after: { effectiveFrom: schema.effectiveFrom },
      reason: 'seed',
    });
  }
}
