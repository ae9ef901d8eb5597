import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { UserSeeder } from './user-seeder';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({ imports: [AuditModule], controllers: [UsersController], providers: [UsersService, UserSeeder], exports: [UsersService, UserSeeder] })
export class UsersModule {}
