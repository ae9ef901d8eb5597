import { Logger, type INestApplicationContext } from '@nestjs/common';
import { ObligationSeeder } from '../obligations/obligation-seeder';
import { UnitsService } from '../units/units.service';
import { type DemoAccountsNote, UserSeeder } from '../users/user-seeder';

/** Idempotent loading of reference data (provinces, seed accounts) on every start. */
export async function loadReferenceData(app: INestApplicationContext): Promise<{ demoAccounts: DemoAccountsNote | null }> {
  const units = await app.get(UnitsService).loadProvinces();
  const obligations = await app.get(ObligationSeeder).seed();
  const demoAccounts = await app.get(UserSeeder).seed();
  new Logger('ReferenceData').log(`Reference data loaded: ${units} provinces; ${obligations} seed obligations added`);
  return { demoAccounts };
}
