import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, forbidden } from '../common/app-error';
import type { UserRole } from '../access/roles';
import { ALLOWED_ROLES, PUBLIC_ROUTE, UNIT_SCOPE_PARAM } from '../access/access.decorators';
import type { AuthenticatedUser, TokenClaims } from '../access/authenticated-user';
import { WebSessionsService } from './sessions/web-sessions.service';
import { assertCanAccessUnit } from '../access/unit-scope';

const unauthorized = (detail: string) => new AppError(401, 'unauthorized', 'Chưa đăng nhập', detail);

interface GuardedRequest {
  method: string;
  protocol?: string;
  headers: Record<string, string | string[] | undefined>;
  params: Record<string, string>;
  user?: AuthenticatedUser;
}

/**
 * Global guard: a route is open only if marked @Public, otherwise it needs a valid bearer token (or,
 * from the web workspace, its session cookie), a role listed in @Roles, and, for @UnitScoped
 * routes, the officer's own unit.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: WebSessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<GuardedRequest>();
    request.user = await this.authenticate(request);

    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ALLOWED_ROLES, targets);
    if (!roles || !roles.includes(request.user.role)) throw forbidden();

    const scopeParam = this.reflector.getAllAndOverride<string | undefined>(UNIT_SCOPE_PARAM, targets);
    if (scopeParam) assertCanAccessUnit(request.user, request.params[scopeParam]);
    return true;
  }

  private async authenticate(request: GuardedRequest): Promise<AuthenticatedUser> {
    const header = request.headers.authorization;
    if (header === undefined && WebSessionsService.hasSessionCookie(request)) return this.sessions.authenticate(request);
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw unauthorized('Thiếu mã truy cập (Authorization: Bearer <token>).');
    let claims: TokenClaims & { iat: number };
    try {
      claims = await this.jwt.verifyAsync<TokenClaims & { iat: number }>(match[1]);
    } catch {
      throw unauthorized('Mã truy cập không hợp lệ hoặc đã hết hạn; hãy đăng nhập lại.');
    }
    // Role, unit and activity are read afresh so that a deactivation or password reset takes effect at once.
    const rows: Array<{ role: UserRole; unit_id: string | null; email: string; active: boolean; changed: number | null }> =
      await this.db.query(
        `SELECT role, unit_id, email, active, floor(extract(epoch FROM password_changed_at)) AS changed
           FROM users WHERE id = $1`,
        [claims.sub],
      );
    const user = rows[0];
    if (!user || !user.active || (user.changed !== null && Number(user.changed) > claims.iat)) {
      throw unauthorized('Tài khoản đã bị khoá hoặc mật khẩu đã đổi; hãy đăng nhập lại.');
    }
    return { id: claims.sub, email: user.email, role: user.role, unitId: user.unit_id };
  }
}
