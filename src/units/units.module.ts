import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { UnitsController } from './units.controller';
import { UnitsService } from './units.service';

@Module({ imports: [AuditModule], controllers: [UnitsController], providers: [UnitsService], exports: [UnitsService] })
export class UnitsModule {}
