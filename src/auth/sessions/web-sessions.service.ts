import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError } from '../../common/app-error';
import { Clock } from '../../common/clock';
import type { Environment } from '../../config/environment';
import type { UserRole } from '../../access/roles';
import type { AuthenticatedUser } from '../../access/authenticated-user';
import type { SessionUserDto } from '../dto/session.dto';
import { isSameOrigin } from './request-origin';
import { CSRF_HEADER, readCookie, SESSION_COOKIE } from './session-cookie';

/** What the session checks read from an HTTP request. */
export interface SessionRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  protocol?: string;
}

export interface OpenedSession {
  token: string;
  csrfToken: string;
  /** Seconds until the absolute end: the cookie's lifetime. */
  maxAgeSeconds: number;
  /** When the session ends if left idle. */
  endsIfIdleAt: Date;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** last_seen_at is written at most this often (every request would be a write). */
const TOUCH_EVERY_MS = 60_000;

export const sessionExpired = () =>
  new AppError(401, 'session_expired', 'Phiên làm việc đã hết hạn', 'Phiên làm việc đã hết hạn hoặc bạn đã đăng xuất; hãy đăng nhập lại để tiếp tục.');

const csrfRefused = (detail: string) => new AppError(403, 'csrf_failed', 'Yêu cầu bị từ chối', detail);

const header = (request: SessionRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * Cookie sessions for the web workspace. Pages never hold a bearer token: the HttpOnly cookie
 * carries a random token, and every state-changing request must also carry a CSRF token derived
 * from it (HMAC with a server key, so a page on another site can neither read nor forge it) and
 * come from our own origin. The user's role, unit and state are read afresh on every request.
 */
@Injectable()
export class WebSessionsService {
  private readonly csrfKey: Buffer;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly config: ConfigService<Environment, true>,
  ) {
    this.csrfKey = createHash('sha256').update(`csrf:${config.get('JWT_SECRET', { infer: true }) as string}`).digest();
  }

  static hasSessionCookie(request: SessionRequest): boolean {
    return readCookie(header(request, 'cookie'), SESSION_COOKIE) !== undefined;
  }

  async open(userId: string): Promise<OpenedSession> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.get('SESSION_MAX_HOURS', { infer: true }) * 3600_000);
    await this.db.query(
      // created_at is the database's now(), like users.password_changed_at that it is compared with.
      `INSERT INTO web_sessions (token_hash, user_id, last_seen_at, expires_at) VALUES ($1, $2, $3, $4)`,
      [hashToken(token), userId, now, expiresAt],
    );
    return {
      token,
      csrfToken: this.csrfTokenFor(token),
      maxAgeSeconds: (expiresAt.getTime() - now.getTime()) / 1000,
      endsIfIdleAt: new Date(Math.min(expiresAt.getTime(), now.getTime() + this.idleMs())),
    };
  }

  /** Name and unit of a signed-in user, for the page header. */
  async describeUser(userId: string): Promise<SessionUserDto> {
    const [user] = await this.db.query(
      `SELECT u.id, u.email, u.full_name AS "fullName", u.role, u.unit_id AS "unitId", r.code AS "unitCode", r.name AS "unitName"
         FROM users u LEFT JOIN reporting_units r ON r.id = u.unit_id WHERE u.id = $1`,
      [userId],
    );
    if (!user) throw sessionExpired();
    return user;
  }

  /**
   * The signed-in user of a request carrying the session cookie; a 401 when the session is unknown,
   * signed out, idle too long or past its end, or when the account was locked or its password
   * changed since; a 403 for a state-changing request without the CSRF token or from another site.
   */
  async authenticate(request: SessionRequest): Promise<AuthenticatedUser> {
    const token = readCookie(header(request, 'cookie'), SESSION_COOKIE);
    if (!token) throw sessionExpired();
    const session = await this.find(token);
    const now = this.clock.now();
    if (!session || !this.isLive(session, now)) throw sessionExpired();
    if (!session.active || (session.passwordChangedAt !== null && session.passwordChangedAt > session.createdAt)) {
      await this.db.query('UPDATE web_sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [session.id, now]);
      throw new AppError(401, 'unauthorized', 'Chưa đăng nhập', 'Tài khoản đã bị khoá hoặc mật khẩu đã đổi; hãy đăng nhập lại.');
    }
    if (!SAFE_METHODS.has(request.method.toUpperCase())) this.assertCsrf(request, token);
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await this.db.query('UPDATE web_sessions SET last_seen_at = $2 WHERE id = $1', [session.id, now]);
    }
    return { id: session.userId, email: session.email, role: session.role, unitId: session.unitId };
  }

  /** The CSRF token of the request's session (for a page that was reloaded). */
  csrfTokenOf(request: SessionRequest): string {
    const token = readCookie(header(request, 'cookie'), SESSION_COOKIE);
    if (!token) throw sessionExpired();
    return this.csrfTokenFor(token);
  }

  /** When the request's session ends at the latest (absolute end or idle limit). */
  async endOf(request: SessionRequest): Promise<Date> {
    const token = readCookie(header(request, 'cookie'), SESSION_COOKIE);
    const session = token ? await this.find(token) : null;
    if (!session) throw sessionExpired();
    const idleEnd = this.clock.now().getTime() + this.idleMs();
    return new Date(Math.min(session.expiresAt.getTime(), idleEnd));
  }

  /** Signs out on the server: the cookie's token stops working at once, wherever it was copied to. */
  async revoke(request: SessionRequest): Promise<void> {
    const token = readCookie(header(request, 'cookie'), SESSION_COOKIE);
    if (!token) return;
    await this.db.query('UPDATE web_sessions SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL', [hashToken(token), this.clock.now()]);
  }

  /** Refuses a sign-in form posted from another site. */
  assertSameOrigin(request: SessionRequest): void {
    if (!this.fromOwnOrigin(request)) {
      throw csrfRefused('Yêu cầu không xuất phát từ trang của hệ thống nên đã bị từ chối; hãy mở trang đăng nhập của hệ thống và thử lại.');
    }
  }

  private assertCsrf(request: SessionRequest, token: string): void {
    this.assertSameOrigin(request);
    const sent = header(request, CSRF_HEADER);
    const expected = Buffer.from(this.csrfTokenFor(token));
    if (!sent || Buffer.byteLength(sent) !== expected.length || !timingSafeEqual(Buffer.from(sent), expected)) {
      throw csrfRefused('Thiếu mã chống giả mạo yêu cầu (CSRF) hoặc mã không đúng; hãy tải lại trang rồi thử lại.');
    }
  }

  private fromOwnOrigin(request: SessionRequest): boolean {
    const host = header(request, 'host');
    const allowed = [this.config.get('PUBLIC_URL', { infer: true }) as string, ...(host ? [`${request.protocol ?? 'http'}://${host}`] : [])];
    return isSameOrigin({ origin: header(request, 'origin'), fetchSite: header(request, 'sec-fetch-site'), allowed });
  }

  private csrfTokenFor(token: string): string {
    return createHmac('sha256', this.csrfKey).update(token).digest('base64url');
  }

  private idleMs(): number {
    return this.config.get('SESSION_IDLE_MINUTES', { infer: true }) * 60_000;
  }

  private isLive(session: SessionRow, now: Date): boolean {
    return session.revokedAt === null && now < session.expiresAt && now.getTime() - session.lastSeenAt.getTime() <= this.idleMs();
  }

  private async find(token: string): Promise<SessionRow | null> {
    const rows: SessionRow[] = await this.db.query(
      `SELECT s.id, s.user_id AS "userId", s.created_at AS "createdAt", s.last_seen_at AS "lastSeenAt", s.expires_at AS "expiresAt",
              s.revoked_at AS "revokedAt", u.email, u.role, u.unit_id AS "unitId", u.active, u.password_changed_at AS "passwordChangedAt"
         FROM web_sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1`,
      [hashToken(token)],
    );
    return rows[0] ?? null;
  }
}

interface SessionRow {
  id: string;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  email: string;
  role: UserRole;
  unitId: string | null;
  active: boolean;
  passwordChangedAt: Date | null;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
