import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuthenticatedUser } from '../access/authenticated-user';
import { requestIdOf } from '../common/request-id';

/** Who performs an action and under which request: what the audit trail records. */
export interface Actor {
  user: AuthenticatedUser | null;
  requestId: string | null;
}

export const SYSTEM_ACTOR: Actor = { user: null, requestId: null };

export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<{ user?: AuthenticatedUser; id?: unknown }>();
  return { user: request.user ?? null, requestId: requestIdOf(request) || null };
});
