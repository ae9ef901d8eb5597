import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { UserRole } from './roles';
import type { AuthenticatedUser } from './authenticated-user';

export const PUBLIC_ROUTE = 'baocao:public';
export const ALLOWED_ROLES = 'baocao:roles';
export const UNIT_SCOPE_PARAM = 'baocao:unit-scope-param';

/** Marks the route's OpenAPI operation; the document turns it into `security: []` (bootstrap/openapi.ts). */
export const PUBLIC_OPERATION = 'x-baocao-public';

/** Opens a route to anonymous callers. Every other route needs a token and @Roles. */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiExtension(PUBLIC_OPERATION, true));

/** The roles allowed on a route; a route without it is refused (deny by default). */
export const Roles = (...roles: UserRole[]) => SetMetadata(ALLOWED_ROLES, roles);

export const ALL_ROLES: UserRole[] = ['province_officer', 'ministry_reviewer', 'compliance_officer', 'admin'];

/**
 * Names the route parameter holding a unit id: a province officer may only reach his own unit there.
 */
export const UnitScoped = (param = 'unitId') => SetMetadata(UNIT_SCOPE_PARAM, param);

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthenticatedUser => {
  return context.switchToHttp().getRequest<{ user: AuthenticatedUser }>().user;
});
