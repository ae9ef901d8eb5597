import { Module } from '@nestjs/common';
import { ObligationsModule } from '../obligations/obligations.module';
import { SubmissionStorageModule } from '../submissions/submission-storage.module';
import { UnitsModule } from '../units/units.module';
import { HistoryController } from './history.controller';
import { UnitHistoryService } from './unit-history.service';

@Module({ imports: [ObligationsModule, UnitsModule, SubmissionStorageModule], controllers: [HistoryController], providers: [UnitHistoryService], exports: [UnitHistoryService] })
export class HistoryModule {}
