import { Module } from '@nestjs/common';
import { ObligationsModule } from '../obligations/obligations.module';
import { SubmissionTargetService } from './submission-target.service';

/** What a route's (obligation, period, unit) names, below both submissions and entry locks. */
@Module({ imports: [ObligationsModule], providers: [SubmissionTargetService], exports: [SubmissionTargetService] })
export class SubmissionTargetsModule {}
