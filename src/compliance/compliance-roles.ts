import type { UserRole } from '../access/roles';

/** Roles that see national figures; province officers only ever see their own unit's row of a matrix. */
export const NATIONAL_ROLES: UserRole[] = ['ministry_reviewer', 'compliance_officer', 'admin'];
