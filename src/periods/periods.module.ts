import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CalendarController } from './calendar.controller';
import { WorkingCalendarService } from './working-calendar.service';

@Module({ imports: [AuditModule], controllers: [CalendarController], providers: [WorkingCalendarService], exports: [WorkingCalendarService] })
export class PeriodsModule {}
