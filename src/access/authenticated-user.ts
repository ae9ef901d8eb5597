import type { UserRole } from './roles';

/** Who is calling, as read from a verified token. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  role: UserRole;
  /** Set for province officers only. */
  unitId: string | null;
}

export interface TokenClaims {
  sub: string;
  email: string;
  role: UserRole;
  unitId: string | null;
}
