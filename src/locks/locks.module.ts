import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ObligationsModule } from '../obligations/obligations.module';
import { SubmissionTargetsModule } from '../submission-targets/submission-targets.module';
import { EntryLocksService } from './entry-locks.service';
import { LockExceptionsController } from './lock-exceptions.controller';

@Module({
  imports: [AuditModule, ObligationsModule, SubmissionTargetsModule],
  controllers: [LockExceptionsController],
  providers: [EntryLocksService],
  exports: [EntryLocksService],
})
export class LocksModule {}
