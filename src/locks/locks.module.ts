import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { EntryLocksService } from './entry-locks.service';

@Module({ imports: [AuditModule], providers: [EntryLocksService], exports: [EntryLocksService] })
export class LocksModule {}
