import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { HistoryModule } from '../history/history.module';
import { MailModule } from '../mail/mail.module';
import { ObligationsModule } from '../obligations/obligations.module';
import { SubmissionsModule } from '../submissions/submissions.module';
import { ChangeFlagsService } from './change-flags.service';
import { UnitsModule } from '../units/units.module';
import { ReviewViewService } from './review-view.service';
import { ReviewsController } from './reviews.controller';
import { ReviewsService } from './reviews.service';
import { SubmissionListService } from './submission-list.service';

@Module({
  imports: [AuditModule, MailModule, SubmissionsModule, HistoryModule, ObligationsModule, UnitsModule],
  controllers: [ReviewsController],
  providers: [ReviewsService, ReviewViewService, SubmissionListService, ChangeFlagsService],
  exports: [ReviewsService],
})
export class ReviewsModule {}
