import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { HistoryModule } from '../history/history.module';
import { MailModule } from '../mail/mail.module';
import { ObligationsModule } from '../obligations/obligations.module';
import { SubmissionsModule } from '../submissions/submissions.module';
import { UnitsModule } from '../units/units.module';
import { ReviewViewService } from './review-view.service';
import { ReviewsController } from './reviews.controller';
import { ReviewsService } from './reviews.service';
import { SubmissionListService } from './submission-list.service';

@Module({
  imports: [AuditModule, MailModule, SubmissionsModule, HistoryModule, ObligationsModule, UnitsModule],
  controllers: [ReviewsController],
  providers: [ReviewsService, ReviewViewService, SubmissionListService],
  exports: [ReviewsService],
})
export class ReviewsModule {}
