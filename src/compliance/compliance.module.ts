import { Module } from '@nestjs/common';
import { ObligationsModule } from '../obligations/obligations.module';
import { PeriodsModule } from '../periods/periods.module';
import { SubmissionStorageModule } from '../submissions/submission-storage.module';
import { UnitsModule } from '../units/units.module';
import { UsersModule } from '../users/users.module';
import { AggregatesController } from './aggregates.controller';
import { AggregatesRepository } from './aggregates.repository';
import { AggregatesService } from './aggregates.service';
import { ComplianceContext } from './compliance-context.service';
import { ComplianceExportsService } from './compliance-exports.service';
import { CompletionController } from './completion.controller';
import { CompletionRepository } from './completion.repository';
import { CompletionService } from './completion.service';
import { MatrixController } from './matrix.controller';
import { MatrixRepository } from './matrix.repository';
import { MatrixService } from './matrix.service';
import { OwingContactsService } from './owing-contacts.service';

/** Completion, matrices, national aggregates and their exports (the workspace's /theo-doi page shows them). */
@Module({
  imports: [ObligationsModule, PeriodsModule, UnitsModule, UsersModule, SubmissionStorageModule],
  controllers: [CompletionController, MatrixController, AggregatesController],
  providers: [
    ComplianceContext,
    CompletionRepository,
    CompletionService,
    MatrixRepository,
    MatrixService,
    AggregatesRepository,
    AggregatesService,
    ComplianceExportsService,
    OwingContactsService,
  ],
  exports: [CompletionService],
})
export class ComplianceModule {}
