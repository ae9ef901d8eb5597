import { forbidden } from '../common/app-error';
import type { AuthenticatedUser } from './authenticated-user';

/** Province officers see only their own unit; ministry roles see every unit. */
export function canAccessUnit(user: AuthenticatedUser, unitId: string): boolean {
  return user.role !== 'province_officer' || user.unitId === unitId;
}

export function assertCanAccessUnit(user: AuthenticatedUser, unitId: string): void {
  if (!canAccessUnit(user, unitId)) {
    throw forbidden('Cán bộ tỉnh chỉ được truy cập dữ liệu của đơn vị mình.');
  }
}

/** The unit filter a list query must apply for this user (null = no restriction). */
export function unitFilterFor(user: AuthenticatedUser): string | null {
  return user.role === 'province_officer' ? user.unitId : null;
}
