import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  ValidationError,
} from 'class-validator';
import { assessPassword, personalWords } from '../common/password/password-strength';

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export const ROLES = ['all', 'api', 'worker'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const LOG_FORMATS = ['json', 'pretty'] as const;

/** The secret shipped for local development; production refuses it. */
export const DEVELOPMENT_JWT_SECRET = 'baocao-development-only-secret-change-me';

const toBoolean = ({ value }: { value: unknown }) => {
  if (typeof value === 'boolean' || value === undefined) return value;
  const text = String(value).trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(text)) return true;
  if (['false', '0', 'no', 'off', ''].includes(text)) return false;
  return value;
};

const toInteger = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '' || typeof value === 'number') return value === '' ? undefined : value;
  const text = String(value).trim();
  return /^-?\d+$/.test(text) ? Number(text) : value;
};

/**
 * Every setting the service reads from the environment, with its default.
 * Defaults work on a developer machine with local PostgreSQL and Redis and no .env file.
 */
export class Environment {
  @IsIn(NODE_ENVS)
  NODE_ENV: (typeof NODE_ENVS)[number] = 'development';

  @IsIn(ROLES)
  ROLE: (typeof ROLES)[number] = 'all';

  @Transform(toInteger)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false })
  PUBLIC_URL?: string;

  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_valid_protocol: true })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/baocao';

  @IsUrl({ protocols: ['redis', 'rediss'], require_tld: false, require_valid_protocol: true })
  REDIS_URL = 'redis://127.0.0.1:6379/0';

  @IsString()
  @MinLength(1)
  REDIS_PREFIX = 'baocao';

  @IsOptional()
  @IsString()
  JWT_SECRET?: string;

  @Transform(toInteger)
  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  JWT_TTL_SECONDS = 8 * 3600;

  /** A workspace session ends after this many minutes without a request. */
  @Transform(toInteger)
  @IsInt()
  @Min(5)
  @Max(24 * 60)
  SESSION_IDLE_MINUTES = 60;

  /** A workspace session ends this many hours after sign-in, however active. */
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(7 * 24)
  SESSION_MAX_HOURS = 12;

  @Transform(toBoolean)
  @IsBoolean()
  DEMO_SEED = false;

  @IsOptional()
  @IsString()
  @MinLength(8)
  DEMO_PASSWORD?: string;

  @IsOptional()
  @IsEmail()
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(12)
  ADMIN_PASSWORD?: string;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /** Unset: `pretty` in development when standard output is a terminal, `json` otherwise. */
  @IsOptional()
  @IsIn(LOG_FORMATS)
  LOG_FORMAT?: (typeof LOG_FORMATS)[number];

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(10000)
  LOGIN_RATE_LIMIT_PER_MINUTE = 10;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(100)
  LOGIN_LOCK_AFTER_FAILURES = 5;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(86400)
  LOGIN_LOCK_SECONDS = 60;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(86400)
  LOGIN_LOCK_MAX_SECONDS = 900;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(120000)
  SHUTDOWN_GRACE_MS = 15000;

  @Transform(toInteger)
  @IsInt()
  @Min(1024)
  @Max(1024 * 1024 * 1024)
  UPLOAD_MAX_BYTES = 20 * 1024 * 1024;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  UPLOAD_MAX_ROWS = 100_000;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(256)
  UPLOAD_CONCURRENCY = 4;

  @Transform(toInteger)
  @IsInt()
  @Min(1024 * 1024)
  @Max(4 * 1024 * 1024 * 1024 - 1)
  XLSX_MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;

  @Transform(toInteger)
  @IsInt()
  @Min(2)
  @Max(10000)
  XLSX_MAX_COMPRESSION_RATIO = 200;

  @Transform(toInteger)
  @IsInt()
  @Min(10)
  @Max(1_000_000)
  XLSX_MAX_ENTRIES = 10_000;

  @Transform(toInteger)
  @IsInt()
  @Min(10)
  @Max(100_000)
  REPORT_MAX_ISSUES = 1000;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(1000)
  REVIEW_CHANGE_THRESHOLD_PERCENT = 30;

  @Transform(toInteger)
  @IsInt()
  @Min(0)
  @Max(3650)
  ENTRY_LOCK_AFTER_DAYS = 90;

  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/)
  RECEIPT_SIGNING_KEY?: string;

  /** Public keys of earlier signing keys, so that the receipts they signed still verify. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((key) => key.trim()).filter(Boolean) : value))
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { each: true })
  RECEIPT_RETIRED_PUBLIC_KEYS?: string[];

  /** Unset: e-mails are written as .eml files into OUTBOX_DIR instead of being sent. */
  @IsOptional()
  @IsUrl({ protocols: ['smtp', 'smtps'], require_tld: false, require_valid_protocol: true })
  SMTP_URL?: string;

  @IsString()
  @Matches(/^[^\r\n]*@[^\r\n]+$/)
  MAIL_FROM = '"Hệ thống báo cáo baocao" <no-reply@baocao.local>';

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(100)
  MAIL_POOL_SIZE = 5;

  @IsString()
  @MinLength(1)
  OUTBOX_DIR = 'outbox';

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(100)
  MAIL_MAX_ATTEMPTS = 8;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(3600000)
  MAIL_BACKOFF_MS = 2000;

  /** Unset: on, except under NODE_ENV=test, where tests drive the scheduler's ticks themselves. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  REMINDER_SCHEDULER_ENABLED?: boolean;

  @Transform(toInteger)
  @IsInt()
  @Min(1000)
  @Max(24 * 3600 * 1000)
  REMINDER_TICK_EVERY_MS = 5 * 60 * 1000;

  @Transform(toInteger)
  @IsInt()
  @Min(0)
  @Max(23)
  REMINDER_SEND_FROM_HOUR = 8;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(24)
  REMINDER_SEND_UNTIL_HOUR = 17;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(3650)
  REMINDER_HORIZON_DAYS = 90;
}

const EXPECTATIONS: Record<string, string> = {
  NODE_ENV: `one of ${NODE_ENVS.join(', ')}`,
  HOST: 'a host name or IP address to listen on',
  ROLE: `one of ${ROLES.join(', ')}`,
  PORT: 'an integer port from 0 to 65535',
  PUBLIC_URL: 'an http(s) URL such as https://baocao.example.gov.vn',
  DATABASE_URL: 'a PostgreSQL URL such as postgres://user:password@127.0.0.1:5432/baocao',
  REDIS_URL: 'a Redis URL such as redis://127.0.0.1:6379/0',
  REDIS_PREFIX: 'a non-empty key prefix',
  JWT_SECRET: 'a random string of at least 32 characters',
  JWT_TTL_SECONDS: 'an integer number of seconds from 60 to 604800',
  SESSION_IDLE_MINUTES: 'an integer number of minutes from 5 to 1440',
  SESSION_MAX_HOURS: 'an integer number of hours from 1 to 168',
  DEMO_SEED: 'true or false',
  DEMO_PASSWORD: 'at least 8 characters',
  ADMIN_EMAIL: 'an e-mail address',
  ADMIN_PASSWORD: 'at least 12 characters, not easy to guess',
  LOG_LEVEL: `one of ${LOG_LEVELS.join(', ')}`,
  LOG_FORMAT: `one of ${LOG_FORMATS.join(', ')}`,
  LOGIN_RATE_LIMIT_PER_MINUTE: 'an integer from 1 to 10000',
  LOGIN_LOCK_AFTER_FAILURES: 'an integer from 1 to 100 (consecutive failed sign-ins that lock an account for a while)',
  LOGIN_LOCK_SECONDS: 'an integer number of seconds from 1 to 86400 (the first lock; each further failure doubles it)',
  LOGIN_LOCK_MAX_SECONDS: 'an integer number of seconds from 1 to 86400, at least LOGIN_LOCK_SECONDS (the longest lock)',
  SHUTDOWN_GRACE_MS: 'an integer number of milliseconds from 1 to 120000',
  UPLOAD_MAX_BYTES: 'an integer number of bytes from 1024 to 1073741824',
  UPLOAD_MAX_ROWS: 'an integer from 1 to 10000000',
  UPLOAD_CONCURRENCY: 'an integer from 1 to 256 (uploads of files over 1 MiB read and stored at once per process; the others wait as files on disk)',
  XLSX_MAX_UNCOMPRESSED_BYTES: 'an integer number of bytes from 1 MiB to 4 GiB',
  XLSX_MAX_COMPRESSION_RATIO: 'an integer from 2 to 10000',
  XLSX_MAX_ENTRIES: 'an integer from 10 to 1000000',
  REPORT_MAX_ISSUES: 'an integer from 10 to 100000 (issues kept per validation report; all are counted)',
  REVIEW_CHANGE_THRESHOLD_PERCENT: 'an integer percentage from 1 to 1000 (changes above it are flagged to reviewers)',
  ENTRY_LOCK_AFTER_DAYS: 'an integer number of days from 0 (never lock) to 3650',
  RECEIPT_SIGNING_KEY: 'a base64-encoded 32-byte Ed25519 seed (e.g. `openssl rand -base64 32`)',
  RECEIPT_RETIRED_PUBLIC_KEYS: 'a comma-separated list of base64 32-byte Ed25519 public keys (the `publicKey` of GET /api/v1/receipts/public-key before a rotation)',
  SMTP_URL: 'an SMTP URL such as smtp://127.0.0.1:1025 or smtps://user:password@mail.example.gov.vn:465',
  MAIL_FROM: 'a sender such as "Hệ thống báo cáo baocao" <no-reply@baocao.local>',
  MAIL_POOL_SIZE: 'an integer from 1 to 100 (SMTP connections per worker; twice as many mail jobs run at once)',
  OUTBOX_DIR: 'a directory path (relative to the working directory or absolute)',
  MAIL_MAX_ATTEMPTS: 'an integer from 1 to 100',
  MAIL_BACKOFF_MS: 'an integer number of milliseconds from 1 to 3600000',
  REMINDER_SCHEDULER_ENABLED: 'true or false',
  REMINDER_TICK_EVERY_MS: 'an integer number of milliseconds from 1000 to 86400000',
  REMINDER_SEND_FROM_HOUR: 'an integer hour from 0 to 23 (Vietnam time)',
  REMINDER_SEND_UNTIL_HOUR: 'an integer hour from 1 to 24 (Vietnam time), after REMINDER_SEND_FROM_HOUR',
  REMINDER_HORIZON_DAYS: 'an integer number of days from 1 to 3650',
};

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cấu hình không hợp lệ (invalid configuration): ${problems.join('; ')}`);
    this.name = 'ConfigurationError';
  }
}

function describe(error: ValidationError, raw: Record<string, unknown>): string {
  const name = error.property;
  const expected = EXPECTATIONS[name] ?? Object.values(error.constraints ?? {}).join(', ');
  return `${name} must be ${expected} (got ${JSON.stringify(raw[name])})`;
}

/** Validates and types the environment; used by ConfigModule and by the start-up script. */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const present = Object.fromEntries(Object.entries(raw).filter(([key, value]) => key in EXPECTATIONS && value !== ''));
  const env = plainToInstance(Environment, present, { exposeDefaultValues: true });
  const problems = validateSync(env, { skipMissingProperties: false }).map((error) => describe(error, raw));

  if (env.NODE_ENV === 'production') {
    if (!env.JWT_SECRET) problems.push('JWT_SECRET must be set in production (a random string of at least 32 characters)');
    else if (env.JWT_SECRET === DEVELOPMENT_JWT_SECRET || env.JWT_SECRET.length < 32)
      problems.push('JWT_SECRET must not be the development default and must have at least 32 characters');
    if (!env.RECEIPT_SIGNING_KEY) {
      problems.push(`RECEIPT_SIGNING_KEY must be set in production (${EXPECTATIONS.RECEIPT_SIGNING_KEY}), so that receipts do not depend on JWT_SECRET`);
    }
  }
  if (env.LOGIN_LOCK_MAX_SECONDS < env.LOGIN_LOCK_SECONDS) {
    problems.push(`LOGIN_LOCK_MAX_SECONDS must be ${EXPECTATIONS.LOGIN_LOCK_MAX_SECONDS} (got ${JSON.stringify(raw.LOGIN_LOCK_MAX_SECONDS)})`);
  }
  if (env.ADMIN_PASSWORD) {
    const { acceptable, reason } = assessPassword(env.ADMIN_PASSWORD, personalWords(env.ADMIN_EMAIL));
    if (!acceptable) problems.push(`ADMIN_PASSWORD is too easy to guess: ${reason}`);
  }
  if (env.REMINDER_SEND_UNTIL_HOUR <= env.REMINDER_SEND_FROM_HOUR) {
    problems.push(`REMINDER_SEND_UNTIL_HOUR must be ${EXPECTATIONS.REMINDER_SEND_UNTIL_HOUR} (got ${JSON.stringify(raw.REMINDER_SEND_UNTIL_HOUR)})`);
  }
  if (problems.length > 0) throw new ConfigurationError(problems);
  env.JWT_SECRET ??= DEVELOPMENT_JWT_SECRET;
  env.REMINDER_SCHEDULER_ENABLED ??= env.NODE_ENV !== 'test';
  env.PUBLIC_URL ??= `http://localhost:${env.PORT}`;
  env.LOG_FORMAT ??= env.NODE_ENV === 'development' && process.stdout.isTTY ? 'pretty' : 'json';
  return env;
}
