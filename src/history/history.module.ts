import { Module } from '@nestjs/common';
import { ObligationsModule } from '../obligations/obligations.module';
import { UnitsModule } from '../units/units.module';
import { HistoryController } from './history.controller';
import { UnitHistoryService } from './unit-history.service';

@Module({ imports: [ObligationsModule, UnitsModule], controllers: [HistoryController], providers: [UnitHistoryService], exports: [UnitHistoryService] })
export class HistoryModule {}
