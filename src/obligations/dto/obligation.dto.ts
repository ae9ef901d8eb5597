import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PG_INTEGER_MAX } from '../../common/integer-param';
import { CUTOFF_WINDOW_KINDS, type CutoffWindowKind, type DeadlineRule, PERIOD_TYPES, type PeriodType } from '../../periods/domain';
import { COMPLIANCE_STATUSES, type ComplianceStatus, TARGET_SCOPES, type TargetScope } from '../obligation.entity';
import type { ReminderPolicy } from '../reminder-policy';
import { BodiesInForceDto, ObligationBodyDto } from './obligation-body.dto';

const DEADLINE_EXAMPLE = { kind: 'day_of_month', monthOffset: 1, day: 31, adjust: 'next_working_day' };
const REMINDER_EXAMPLE = { daysBefore: [7, 2], onDueDate: true, overdueEveryDays: 3, escalateAfterDays: 7, monthlyCapPerUnit: 10 };
const ADJUSTMENTS = ['next_working_day', 'none'];

class DaysAfterCutoffRuleDto {
  @ApiProperty({ enum: ['days_after_cutoff'] }) kind: 'days_after_cutoff';
  @ApiProperty({ example: 5 }) days: number;
  @ApiProperty({ enum: ['calendar', 'working'] }) dayType: 'calendar' | 'working';
  @ApiPropertyOptional({ enum: ADJUSTMENTS, description: 'Default next_working_day' }) adjust?: 'next_working_day' | 'none';
}

class DayOfMonthRuleDto {
  @ApiProperty({ enum: ['day_of_month'] }) kind: 'day_of_month';
  @ApiProperty({ example: 1, description: 'Months after the period’s last month (0: that month)' }) monthOffset: number;
  @ApiProperty({ example: 31 }) day: number;
  @ApiPropertyOptional({ enum: ADJUSTMENTS, description: 'Default next_working_day' }) adjust?: 'next_working_day' | 'none';
}

/** When a report is due: N days after the data cut-off, or day D of a month after the period. */
const DEADLINE_RULE = {
  oneOf: [{ $ref: getSchemaPath(DaysAfterCutoffRuleDto) }, { $ref: getSchemaPath(DayOfMonthRuleDto) }],
  example: DEADLINE_EXAMPLE,
};

class ReminderPolicyDto {
  @ApiProperty({ type: [Number], example: [7, 2], description: 'Reminders this many days before the due date' }) daysBefore: number[];
  @ApiProperty() onDueDate: boolean;
  @ApiProperty({ example: 3, description: 'Then every N days while overdue (0: never)' }) overdueEveryDays: number;
  @ApiProperty({ example: 7, description: 'From this many days overdue the leadership is copied (0: never)' }) escalateAfterDays: number;
  @ApiProperty({ example: 10, description: 'At most this many reminders per unit and calendar month (0: no cap)' }) monthlyCapPerUnit: number;
}

@ApiExtraModels(DaysAfterCutoffRuleDto, DayOfMonthRuleDto)
export class ObligationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'TT35-BUU-CHINH' }) code: string;
  @ApiProperty({ example: 'Báo cáo hoạt động cấp giấy phép bưu chính, văn bản xác nhận thông báo hoạt động bưu chính' }) title: string;
  @ApiProperty({ type: String, nullable: true }) titleEn: string | null;
  @ApiProperty({ example: 'Thông tư 35/2016/TT-BTTTT ngày 26/12/2016' }) legalDocument: string;
  @ApiProperty({ type: String, example: 'Điều 4; Mẫu 01/BC-STTTT', nullable: true }) legalArticle: string | null;
  @ApiProperty({ example: 'Bộ Thông tin và Truyền thông', description: 'The issuing body named where no dated name (bodies) applies' }) issuingBody: string;
  @ApiProperty({ type: String, nullable: true, description: 'The receiving body named where no dated name (bodies) applies' }) receivingBody: string | null;
  @ApiProperty({ enum: PERIOD_TYPES }) periodType: PeriodType;
  @ApiProperty({ enum: CUTOFF_WINDOW_KINDS, description: 'decree09: Decree 09/2019 windows (15th to 14th); calendar: the period dates' })
  cutoffKind: CutoffWindowKind;
  @ApiProperty({ ...DEADLINE_RULE, description: 'days_after_cutoff {days, dayType} or day_of_month {monthOffset, day}; adjust next_working_day|none' })
  deadlineRule: DeadlineRule;
  @ApiProperty({ enum: TARGET_SCOPES }) targetScope: TargetScope;
  @ApiProperty({ type: [String], example: [] }) targetUnitCodes: string[];
  @ApiProperty({ enum: COMPLIANCE_STATUSES, description: 'Which submission status counts as complied' }) compliesWhen: ComplianceStatus;
  @ApiProperty({ type: ReminderPolicyDto, example: REMINDER_EXAMPLE }) reminderPolicy: ReminderPolicy;
  @ApiProperty({ format: 'date' }) activeFrom: string;
  @ApiProperty({
    format: 'date',
    description: 'First due date baocao follows: periods due before it are history (not tracked: no percentage, no lateness, no reminders; loaded by backfill)',
  })
  trackedFrom: string;
  @ApiProperty({ type: Date, nullable: true }) retiredAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) retiredReason: string | null;
  @ApiProperty({ description: 'Increases on every change; send it back as expectedRevision to update.' }) revision: number;
  @ApiProperty({ type: 'integer', description: 'The latest schema version, if any', nullable: true }) latestSchemaVersion: number | null;
  @ApiProperty({ type: [ObligationBodyDto], description: 'Dated names of the issuing and receiving body (e.g. the ministry before and after 01/03/2025), with their legal basis' })
  bodies: ObligationBodyDto[];
  @ApiProperty({ type: BodiesInForceDto, description: 'The bodies in force today' }) bodiesToday: BodiesInForceDto;
}

export class ObligationListDto {
  @ApiProperty({ type: [ObligationDto] }) items: ObligationDto[];
  @ApiProperty() total: number;
}

export class CreateObligationDto {
  @ApiProperty({ example: 'TT35-BUU-CHINH', description: 'Upper-case letters, digits and dashes' })
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,63}$/, { message: 'code chỉ gồm chữ in hoa, chữ số và dấu gạch ngang (2–64 ký tự)' })
  code: string;

  @ApiProperty() @IsString() @MinLength(3) @MaxLength(500) title: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) titleEn?: string;
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(300) legalDocument: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) legalArticle?: string;
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(300) issuingBody: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) receivingBody?: string;
  @ApiProperty({ enum: PERIOD_TYPES }) @IsIn(PERIOD_TYPES) periodType: PeriodType;
  @ApiProperty({ enum: CUTOFF_WINDOW_KINDS }) @IsIn(CUTOFF_WINDOW_KINDS) cutoffKind: CutoffWindowKind;
  @ApiProperty(DEADLINE_RULE) @IsObject() deadlineRule: DeadlineRule;
  @ApiProperty({ enum: TARGET_SCOPES }) @IsIn(TARGET_SCOPES) targetScope: TargetScope;

  @ApiPropertyOptional({ type: [String], description: 'Unit codes, for listed_units' })
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(10000)
  targetUnitCodes?: string[];

  @ApiProperty({ enum: COMPLIANCE_STATUSES }) @IsIn(COMPLIANCE_STATUSES) compliesWhen: ComplianceStatus;
  @ApiPropertyOptional({ type: ReminderPolicyDto, example: REMINDER_EXAMPLE, description: 'Defaults apply when omitted' }) @IsOptional() @IsObject() reminderPolicy?: ReminderPolicy;
  @ApiProperty({ format: 'date', example: '2017-01-01' }) @IsISO8601({ strict: true }) activeFrom: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-12-07', description: 'First due date baocao follows (default: the day the obligation is created)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  trackedFrom?: string;
}

export class UpdateObligationDto extends PartialType(OmitType(CreateObligationDto, ['code'] as const)) {
  @ApiProperty({ description: 'The revision you read; a stale one gets 409' })
  @IsInt()
  @Min(1)
  @Max(PG_INTEGER_MAX)
  expectedRevision: number;
}

export class RetireObligationDto {
  @ApiProperty({ example: 'Thay thế bởi Thông tư 04/2022/TT-BTTTT' })
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  reason: string;
}

export class ObligationQueryDto {
  @ApiPropertyOptional({ enum: PERIOD_TYPES }) @IsOptional() @IsIn(PERIOD_TYPES) periodType?: PeriodType;

  @ApiPropertyOptional({ description: 'Include retired obligations' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeRetired?: boolean;
}
