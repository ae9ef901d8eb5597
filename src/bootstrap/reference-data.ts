import { Logger, type INestApplicationContext } from '@nestjs/common';
import { ObligationSeeder } from '../obligations/obligation-seeder';
import { DepartmentsService } from '../units/departments.service';
import { UnitMergersService } from '../units/unit-mergers.service';
import { UnitsService } from '../units/units.service';
import { type DemoAccountsNote, UserSeeder } from '../users/user-seeder';

/** Idempotent loading of reference data (provinces, today's map, department names, seed obligations and accounts) on every start. */
export async function loadReferenceData(app: INestApplicationContext): Promise<{ demoAccounts: DemoAccountsNote | null }> {
  const units = await app.get(UnitsService).loadProvinces();
  const reorganisations = await app.get(UnitMergersService).applyReferenceReorganisations();
  await app.get(DepartmentsService).loadReference();
  const obligations = await app.get(ObligationSeeder).seed();
  const demoAccounts = await app.get(UserSeeder).seed();
  const created = reorganisations.reduce((sum, result) => sum + result.created, 0);
  new Logger('ReferenceData').log(
    `Reference data loaded: ${units} provinces of 2008-2025` +
      (created > 0 ? `, ${created} units created by the reorganisation(s) of ${reorganisations.map((r) => r.effectiveFrom).join(', ')}` : '') +
      `; ${obligations} seed obligations added`,
  );
  return { demoAccounts };
}
