import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../audit/actor';
import type { Environment } from '../config/environment';
import { formatVietnameseDate } from '../common/vietnamese-dates';
import { ReportingUnit } from '../units/reporting-unit.entity';
import { hashPassword } from './password-hasher';
import { UsersService } from './users.service';

export const DEMO_DOMAIN = 'baocao.local';

/** What start-up tells a person about the demo accounts. */
export interface DemoAccountsNote {
  created: number;
  /** The generated password, present only on the start that created the accounts with it. */
  generatedPassword?: string;
}

/**
 * The demo officer of a unit: `officer.<code>@` for a unit that exists today; a unit that has ceased
 * (codes are reused with a new meaning after a reorganisation) gets `officer.<code>-<first year>@`,
 * e.g. officer.79-2008@ for the TP Hồ Chí Minh of 2008-2025 while officer.79@ is today's.
 */
export function demoOfficerEmail(unit: Pick<ReportingUnit, 'code' | 'validFrom' | 'validTo'>): string {
  return unit.validTo === null ? `officer.${unit.code}@${DEMO_DOMAIN}` : `officer.${unit.code}-${unit.validFrom.slice(0, 4)}@${DEMO_DOMAIN}`;
}

/**
 * First accounts: the production admin from ADMIN_EMAIL/ADMIN_PASSWORD, and, in development or with
 * DEMO_SEED=true, demo accounts admin@, reviewer@, compliance@ and one officer per unit (demoOfficerEmail).
 */
@Injectable()
export class UserSeeder {
  private readonly logger = new Logger(UserSeeder.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  /** Returns what to tell about the demo accounts, or null when they are not wanted here. */
  async seed(): Promise<DemoAccountsNote | null> {
    await this.seedAdmin();
    const env = this.config.get('NODE_ENV', { infer: true });
    if (this.config.get('DEMO_SEED', { infer: true }) || env === 'development') return this.seedDemo();
    return null;
  }

  private async seedAdmin(): Promise<void> {
    const email = this.config.get('ADMIN_EMAIL', { infer: true });
    const password = this.config.get('ADMIN_PASSWORD', { infer: true });
    if (!email || !password) return;
    const passwordHash = await hashPassword(password);
    const created = await this.db.transaction((manager) =>
      this.users.ensure(manager, { email, fullName: 'Quản trị hệ thống', role: 'admin', passwordHash }, SYSTEM_ACTOR),
    );
    if (created) this.logger.log(`Created the administrator ${email}`);
  }

  private async seedDemo(): Promise<DemoAccountsNote> {
    const units = await this.db.getRepository(ReportingUnit).find({ order: { code: 'ASC' } });
    const accounts = [
      { email: `admin@${DEMO_DOMAIN}`, fullName: 'Quản trị viên (demo)', role: 'admin' as const },
      { email: `reviewer@${DEMO_DOMAIN}`, fullName: 'Chuyên viên Vụ Bưu chính (demo)', role: 'ministry_reviewer' as const },
      { email: `compliance@${DEMO_DOMAIN}`, fullName: 'Cán bộ theo dõi tuân thủ (demo)', role: 'compliance_officer' as const },
      ...units.map((unit) => ({
        email: demoOfficerEmail(unit),
        fullName: unit.validTo === null ? `Cán bộ ${unit.name} (demo)` : `Cán bộ ${unit.name} đến ${formatVietnameseDate(unit.validTo)} (demo)`,
        role: 'province_officer' as const,
        unitId: unit.id,
      })),
    ];
    const given = this.config.get('DEMO_PASSWORD', { infer: true });
    const password = given ?? randomBytes(9).toString('base64url');
    // One hash for all demo accounts: they share the password, and hashing each would slow start-up.
    const passwordHash = await hashPassword(password);
    const created = await this.db.transaction(async (manager) => {
      let count = 0;
      for (const account of accounts) {
        if (await this.users.ensure(manager, { ...account, passwordHash }, SYSTEM_ACTOR)) count += 1;
      }
      return count;
    });
    if (created > 0) this.logger.log(`Created ${created} demo accounts`);
    return { created, generatedPassword: created > 0 && !given ? password : undefined };
  }
}
