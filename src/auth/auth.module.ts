import { createSecretKey, type KeyObject } from 'node:crypto';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import type { Environment } from '../config/environment';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginProtectionModule } from './login-protection/login-protection.module';
import { SessionController } from './sessions/session.controller';
import { WebSessionsService } from './sessions/web-sessions.service';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => ({
        secret: secretKey(config.get('JWT_SECRET', { infer: true })),
        signOptions: { algorithm: 'HS256', issuer: 'baocao' },
        verifyOptions: { algorithms: ['HS256'], issuer: 'baocao' },
      }),
    }),
    LoginProtectionModule,
  ],
  controllers: [AuthController, SessionController],
  providers: [AuthService, WebSessionsService, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [WebSessionsService],
})
export class AuthModule {}

/**
 * The HMAC secret as a key object: given the string, jsonwebtoken tries (and fails) to read it as a
 * public key on every verification before taking it as a secret. A missing or empty one is passed on
 * as it is, for jsonwebtoken to refuse as before.
 */
function secretKey(secret: string | undefined): KeyObject | string | undefined {
  return secret ? createSecretKey(Buffer.from(secret)) : secret;
}
