import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { TokenClaims } from '../../access/authenticated-user';
import { AppError, forbidden } from '../../common/app-error';

const unauthorized = (detail: string) => new AppError(401, 'unauthorized', 'Chưa đăng nhập', detail);

/**
 * The same checks as the API's access guard, for the queue dashboard (plain express, outside Nest's
 * guards): a valid token of an active administrator whose password has not changed since it was issued.
 */
@Injectable()
export class AdminTokenVerifier {
  constructor(
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** The token's expiry (seconds since the epoch); throws a 401 or 403 AppError otherwise. */
  async verify(token: string | undefined): Promise<number> {
    if (!token) throw unauthorized('Bảng theo dõi hàng đợi cần mã truy cập của quản trị viên (Authorization: Bearer <token>).');
    let claims: TokenClaims & { iat: number; exp: number };
    try {
      claims = await this.jwt.verifyAsync<TokenClaims & { iat: number; exp: number }>(token);
    } catch {
      throw unauthorized('Mã truy cập không hợp lệ hoặc đã hết hạn; hãy đăng nhập lại.');
    }
    const rows: Array<{ role: string; active: boolean; changed: number | null }> = await this.db.query(
      `SELECT role, active, floor(extract(epoch FROM password_changed_at)) AS changed FROM users WHERE id = $1`,
      [claims.sub],
    );
    const user = rows[0];
    if (!user || !user.active || (user.changed !== null && Number(user.changed) > claims.iat)) {
      throw unauthorized('Tài khoản đã bị khoá hoặc mật khẩu đã đổi; hãy đăng nhập lại.');
    }
    if (user.role !== 'admin') throw forbidden('Chỉ quản trị viên được xem bảng theo dõi hàng đợi.');
    return claims.exp;
  }
}
