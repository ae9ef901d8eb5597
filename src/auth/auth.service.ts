import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError } from '../common/app-error';
import type { Environment } from '../config/environment';
import { verifyPassword } from '../users/password-hasher';
import { User } from '../users/user.entity';
import type { TokenClaims } from '../access/authenticated-user';
import { LoginResponseDto } from './dto/login.dto';
import { AccountLockout } from './login-protection/account-lockout.service';

// Verified when the e-mail is unknown so that response time does not reveal which accounts exist.
const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=4$dhw7/xGQHDvWTDEFyvroIw$P1vvmLIsAB1XX0noyls2yqrMgXqOZ0YvhQnPpgmvArE';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jwt: JwtService,
    private readonly config: ConfigService<Environment, true>,
    private readonly lockout: AccountLockout,
  ) {}

  async login(email: string, password: string): Promise<LoginResponseDto> {
    const address = email.trim().toLowerCase();
    await this.lockout.assertNotLocked(address);
    const user = await this.db
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: address })
      .getOne();
    const passwordMatches = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
    if (!user || !passwordMatches || !user.active) {
      await this.lockout.recordFailure(address, user?.id ?? null);
      throw new AppError(401, 'invalid_credentials', 'Đăng nhập không thành công', 'E-mail hoặc mật khẩu không đúng, hoặc tài khoản đã bị khoá.');
    }
    await this.lockout.recordSuccess(address);
    const claims: TokenClaims = { sub: user.id, email: user.email, role: user.role, unitId: user.unitId };
    const expiresIn = this.config.get('JWT_TTL_SECONDS', { infer: true });
    return {
      accessToken: await this.jwt.signAsync(claims, { expiresIn }),
      tokenType: 'Bearer',
      expiresIn,
      user: { id: user.id, email: user.email, fullName: user.fullName, role: user.role, unitId: user.unitId },
    };
  }
}
