import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Environment } from '../config/environment';
import { redisOptions } from '../redis/redis.module';

/** BullMQ root: one Redis connection setting and key prefix for every queue. */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => ({
        connection: redisOptions(config.get('REDIS_URL', { infer: true })),
        prefix: `${config.get('REDIS_PREFIX', { infer: true })}:bull`,
      }),
    }),
  ],
  exports: [BullModule],
})
export class QueueModule {}
