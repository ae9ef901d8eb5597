import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import type { Queue } from 'bullmq';
import type { Application } from 'express';
import { AuthModule } from '../../auth/auth.module';
import { WebSessionsService } from '../../auth/sessions/web-sessions.service';
import type { Environment } from '../../config/environment';
import { MAIL_QUEUE } from '../../mail/mail-job';
import { REMINDERS_QUEUE } from '../reminder-queue';
import { AdminTokenVerifier } from './admin-token';
import { QUEUE_BOARD_PATH, queueBoardAuth } from './queue-board-auth';

/**
 * Mounts bull-board on the express instance. Nest calls onModuleInit after its routes are registered
 * and before its not-found handler, so the dashboard is reached before that handler answers 404.
 */
@Injectable()
class QueueBoardMount implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    private readonly verifier: AdminTokenVerifier,
    private readonly sessions: WebSessionsService,
  ) {}

  onModuleInit(): void {
    const http = this.adapterHost.httpAdapter;
    if (!http) return;
    const board = new ExpressAdapter().setBasePath(QUEUE_BOARD_PATH);
    createBullBoard({
      queues: [MAIL_QUEUE, REMINDERS_QUEUE].map((name) => new BullMQAdapter(this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }))),
      serverAdapter: board,
      options: { uiConfig: { boardTitle: 'baocao: hàng đợi' } },
    });
    http.getInstance<Application>().use(QUEUE_BOARD_PATH, queueBoardAuth(this.verifier, this.sessions), board.getRouter());
  }
}

/** The queue dashboard (bull-board) at /admin/queues for administrators. Import only in HTTP roles. */
@Module({
  imports: [
    AuthModule,
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => ({
        secret: config.get('JWT_SECRET', { infer: true }),
        verifyOptions: { algorithms: ['HS256'], issuer: 'baocao' },
      }),
    }),
  ],
  providers: [AdminTokenVerifier, QueueBoardMount],
})
export class QueueBoardModule {}
