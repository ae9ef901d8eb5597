import { Logger, type INestApplicationContext } from '@nestjs/common';
import { ObligationSeeder } from '../obligations/obligation-seeder';
import { UnitsService } from '../units/units.service';
import { UserSeeder } from '../users/user-seeder';

/** Idempotent loading of reference data (provinces, seed accounts) on every start. */
export async function loadReferenceData(app: INestApplicationContext): Promise<void> {
  const units = await app.get(UnitsService).loadProvinces();
  const obligations = await app.get(ObligationSeeder).seed();
  await app.get(UserSeeder).seed();
  new Logger('ReferenceData').log(`Reference data loaded: ${units} provinces; ${obligations} seed obligations added`);
}
