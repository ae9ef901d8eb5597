import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../../audit/actor';
import { AuditService } from '../../audit/audit.service';
import { RetryLaterError } from '../../common/app-error';
import { Clock } from '../../common/clock';
import type { Environment } from '../../config/environment';
import { REDIS } from '../../redis/redis.module';
import { type LockoutPolicy, lockSecondsAfter } from './lockout-policy';

/** Failures are forgotten a day after the last one (and at once on a successful sign-in). */
const FAILURE_MEMORY_MS = 24 * 3600 * 1000;

/**
 * Per-account protection against password guessing, next to the per-address rate limit: after
 * repeated failed sign-ins an e-mail address is locked for a while, growing with each further
 * failure. State lives in Redis (shared by all api processes), keyed by a hash of the address, so
 * that unknown addresses are treated exactly like existing ones and reveal nothing.
 */
@Injectable()
export class AccountLockout {
  private readonly logger = new Logger(AccountLockout.name);
  private readonly policy: LockoutPolicy;
  private readonly prefix: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    config: ConfigService<Environment, true>,
  ) {
    this.policy = {
      lockAfterFailures: config.get('LOGIN_LOCK_AFTER_FAILURES', { infer: true }),
      firstLockSeconds: config.get('LOGIN_LOCK_SECONDS', { infer: true }),
      maxLockSeconds: config.get('LOGIN_LOCK_MAX_SECONDS', { infer: true }),
    };
    this.prefix = `${config.get('REDIS_PREFIX', { infer: true })}:login-failures:`;
  }

  /** Refuses with 429 and Retry-After while the address is locked; the password is not even checked. */
  async assertNotLocked(email: string): Promise<void> {
    const lockedUntil = Number(await this.redis.hget(this.key(email), 'lockedUntil'));
    const remainingMs = lockedUntil - this.clock.now().getTime();
    if (remainingMs > 0) {
      const seconds = Math.ceil(remainingMs / 1000);
      throw new RetryLaterError(
        429,
        'account_locked',
        'Tài khoản tạm khoá',
        `Đăng nhập sai quá nhiều lần liên tiếp; tài khoản tạm khoá, hãy thử lại sau ${seconds < 60 ? `${seconds} giây` : `${Math.ceil(seconds / 60)} phút`}.`,
        seconds,
      );
    }
  }

  /** Counts a failed sign-in; locks the address (and records it on the account) when the policy says so. */
  async recordFailure(email: string, userId: string | null): Promise<void> {
    const key = this.key(email);
    const [[, failures]] = (await this.redis.multi().hincrby(key, 'failures', 1).pexpire(key, FAILURE_MEMORY_MS).exec()) as [[null, number], unknown];
    const seconds = lockSecondsAfter(failures, this.policy);
    if (seconds === 0) return;
    const lockedUntil = new Date(this.clock.now().getTime() + seconds * 1000);
    await this.redis.hset(key, 'lockedUntil', String(lockedUntil.getTime()));
    this.logger.warn({ userId, failures, lockSeconds: seconds }, 'sign-in locked after repeated failures');
    if (userId) {
      await this.audit.record(this.db.manager, SYSTEM_ACTOR, {
        action: 'user.login_locked',
        entityType: 'user',
        entityId: userId,
        after: { failures, lockSeconds: seconds, lockedUntil: lockedUntil.toISOString() },
        reason: 'Đăng nhập sai nhiều lần liên tiếp',
      });
    }
  }

  /** A successful sign-in forgets earlier failures. */
  async recordSuccess(email: string): Promise<void> {
    await this.redis.del(this.key(email));
  }

  private key(email: string): string {
    return this.prefix + createHash('sha256').update(email).digest('hex');
  }
}
