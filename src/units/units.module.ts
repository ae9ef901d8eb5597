import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DepartmentsService } from './departments.service';
import { UnitLineageService } from './unit-lineage.service';
import { UnitMergersService } from './unit-mergers.service';
import { UnitsController } from './units.controller';
import { UnitsService } from './units.service';

@Module({
  imports: [AuditModule],
  controllers: [UnitsController],
  providers: [UnitsService, UnitMergersService, UnitLineageService, DepartmentsService],
  exports: [UnitsService, UnitLineageService, UnitMergersService, DepartmentsService],
})
export class UnitsModule {}
