import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { MulterModule } from '@nestjs/platform-express';
import { memoryStorage } from 'multer';
import { AuditModule } from '../audit/audit.module';
import type { Environment } from '../config/environment';
import { LockExceptionsController } from '../locks/lock-exceptions.controller';
import { LocksModule } from '../locks/locks.module';
import { ObligationsModule } from '../obligations/obligations.module';
import { ReceiptsModule } from '../receipts/receipts.module';
import { UnitsModule } from '../units/units.module';
import { BackfillController } from './backfill/backfill.controller';
import { BackfillService } from './backfill/backfill.service';
import { SubmissionTargetService } from './submission-target.service';
import { SubmissionsController } from './submissions.controller';
import { SubmissionsService } from './submissions.service';
import { UploadService } from './upload.service';

@Module({
  imports: [
    AuditModule,
    ObligationsModule,
    LocksModule,
    ReceiptsModule,
    UnitsModule,
    MulterModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => ({
        storage: memoryStorage(),
        limits: { fileSize: config.get('UPLOAD_MAX_BYTES', { infer: true }), files: 1, fields: 10, parts: 20 },
      }),
    }),
  ],
  controllers: [SubmissionsController, LockExceptionsController, BackfillController],
  providers: [SubmissionsService, UploadService, SubmissionTargetService, BackfillService],
  exports: [SubmissionsService, SubmissionTargetService],
})
export class SubmissionsModule {}
