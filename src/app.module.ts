import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ClockModule } from './common/clock.module';
import { ComplianceModule } from './compliance/compliance.module';
import { AppLoggerModule } from './common/logger.module';
import { type Environment, validateEnvironment } from './config/environment';
import { buildDataSourceOptions } from './database/data-source-options';
import { HealthModule } from './health/health.module';
import { HistoryModule } from './history/history.module';
import { MailWorkerModule } from './mail/mail-worker.module';
import { MailModule } from './mail/mail.module';
import { ObligationsModule } from './obligations/obligations.module';
import { PeriodsModule } from './periods/periods.module';
import { QueueModule } from './queue/queue.module';
import { RedisModule } from './redis/redis.module';
import { QueueBoardModule } from './reminders/queue-board/queue-board.module';
import { RemindersWorkerModule } from './reminders/reminders-worker.module';
import { RemindersModule } from './reminders/reminders.module';
import { ReviewsModule } from './reviews/reviews.module';
import { SubmissionsModule } from './submissions/submissions.module';
import { UnitsModule } from './units/units.module';
import { UsersModule } from './users/users.module';
import { WebModule } from './web/web.module';

export type ProcessRole = Environment['ROLE'];

@Module({})
export class AppModule {
  /** The whole application; `worker` (or `all`) adds the queue processors. */
  static forRole(role: ProcessRole): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: validateEnvironment, cache: true }),
        AppLoggerModule,
        ClockModule,
        TypeOrmModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<Environment, true>) => ({
            ...buildDataSourceOptions(config.get('DATABASE_URL', { infer: true })),
            migrationsRun: false,
            extra: { max: 20 },
          }),
        }),
        RedisModule,
        QueueModule,
        AuditModule,
        AuthModule,
        UnitsModule,
        UsersModule,
        PeriodsModule,
        ObligationsModule,
        SubmissionsModule,
        ReviewsModule,
        ComplianceModule,
        HistoryModule,
        HealthModule,
        MailModule,
        ...(role === 'api' ? [] : [MailWorkerModule]),
        RemindersModule,
        ...(role === 'api' ? [] : [RemindersWorkerModule]),
        ...(role === 'worker' ? [] : [QueueBoardModule, WebModule]),
      ],
    };
  }
}
