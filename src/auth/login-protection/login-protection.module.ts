import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuditModule } from '../../audit/audit.module';
import type { Environment } from '../../config/environment';
import { redisOptions } from '../../redis/redis.module';
import { AccountLockout } from './account-lockout.service';

/**
 * Sign-in protection, its state in Redis (under REDIS_PREFIX) so that every api process of a
 * deployment shares it: attempts per client address (LoginThrottlerGuard applies the limit; the
 * storage owns its connection and closes it on shutdown), and failures per account (AccountLockout).
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => ({
        throttlers: [{ name: 'login', ttl: 60_000, limit: config.get('LOGIN_RATE_LIMIT_PER_MINUTE', { infer: true }) }],
        storage: new ThrottlerStorageRedisService({
          ...redisOptions(config.get('REDIS_URL', { infer: true })),
          keyPrefix: `${config.get('REDIS_PREFIX', { infer: true })}:login-limit:`,
          // Fail the request (503) instead of holding it while Redis is away.
          maxRetriesPerRequest: 1,
        }),
      }),
    }),
    AuditModule,
  ],
  providers: [AccountLockout],
  exports: [AccountLockout],
})
export class LoginProtectionModule {}
