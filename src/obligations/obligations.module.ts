import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PeriodsModule } from '../periods/periods.module';
import { ObligationBodiesService } from './obligation-bodies.service';
import { ObligationPeriodsService } from './obligation-periods.service';
import { ObligationSeeder } from './obligation-seeder';
import { ObligationsController } from './obligations.controller';
import { ObligationsService } from './obligations.service';
import { ReportSchemasService } from './report-schemas.service';

@Module({
  imports: [AuditModule, PeriodsModule],
  controllers: [ObligationsController],
  providers: [ObligationsService, ReportSchemasService, ObligationPeriodsService, ObligationSeeder, ObligationBodiesService],
  exports: [ObligationsService, ReportSchemasService, ObligationPeriodsService, ObligationSeeder, ObligationBodiesService],
})
export class ObligationsModule {}
