import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { LocksModule } from '../locks/locks.module';
import { ObligationsModule } from '../obligations/obligations.module';
import { PeriodsModule } from '../periods/periods.module';
import { ReceiptsModule } from '../receipts/receipts.module';
import { SubmissionTargetsModule } from '../submission-targets/submission-targets.module';
import { AnnotatedWorkbookService } from './annotated-workbook.service';
import { UnitsModule } from '../units/units.module';
import { BackfillController } from './backfill/backfill.controller';
import { BackfillService } from './backfill/backfill.service';
import { MultipartFileInterceptor } from './multipart-file.interceptor';
import { SpooledFileInterceptor } from './intake/spooled-file.interceptor';
import { UploadSlots } from './intake/upload-slots';
import { SubmissionStorageModule } from './submission-storage.module';
import { SubmissionsController } from './submissions.controller';
import { SubmissionsService } from './submissions.service';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';
import { UploadService } from './upload.service';

@Module({
  imports: [
    AuditModule,
    ObligationsModule,
    LocksModule,
    PeriodsModule,
    ReceiptsModule,
    UnitsModule,
    SubmissionStorageModule,
    SubmissionTargetsModule,
  ],
  controllers: [SubmissionsController, TasksController, BackfillController],
  providers: [SubmissionsService, UploadService, AnnotatedWorkbookService, TasksService, BackfillService, MultipartFileInterceptor, SpooledFileInterceptor, UploadSlots],
  exports: [SubmissionsService, SubmissionStorageModule],
})
export class SubmissionsModule {}
