import { Module } from '@nestjs/common';
import { ObligationsModule } from '../obligations/obligations.module';
import { PeriodsModule } from '../periods/periods.module';
import { UnitsModule } from '../units/units.module';
import { AggregatesController } from './aggregates.controller';
import { AggregatesRepository } from './aggregates.repository';
import { AggregatesService } from './aggregates.service';
import { ComplianceContext } from './compliance-context.service';
import { ComplianceExportsService } from './compliance-exports.service';
import { CompletionController } from './completion.controller';
import { CompletionRepository } from './completion.repository';
import { CompletionService } from './completion.service';
import { loadDashboardAssets } from './dashboard-assets';
import { DASHBOARD_ASSETS, DashboardController } from './dashboard.controller';
import { MatrixController } from './matrix.controller';
import { MatrixRepository } from './matrix.repository';
import { MatrixService } from './matrix.service';

/** Completion, matrices, national aggregates, their exports, and the dashboard page. */
@Module({
  imports: [ObligationsModule, PeriodsModule, UnitsModule],
  controllers: [CompletionController, MatrixController, AggregatesController, DashboardController],
  providers: [
    ComplianceContext,
    CompletionRepository,
    CompletionService,
    MatrixRepository,
    MatrixService,
    AggregatesRepository,
    AggregatesService,
    ComplianceExportsService,
    { provide: DASHBOARD_ASSETS, useFactory: () => loadDashboardAssets() },
  ],
  exports: [CompletionService],
})
export class ComplianceModule {}
