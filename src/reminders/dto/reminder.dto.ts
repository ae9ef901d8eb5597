import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { PG_INTEGER_MAX } from '../../common/integer-param';
import { DELIVERY_OUTCOMES, type DeliveryOutcome } from '../../mail/delivery.entity';
import { SUBMISSION_STATUSES, type SubmissionStatus } from '../../submissions/domain/submission-status';
import { REMINDER_STAGE_PATTERN } from '../domain/reminder-stage';
import { REMINDER_TRIGGERS, type ReminderTrigger } from '../reminder.entity';

/** What became of a reminder: planning's decision, then its e-mail's fate. */
export const REMINDER_STATUSES = ['planned', 'sent', 'cancelled', 'failed', 'skipped_cap', 'skipped_no_address'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

class ReminderFilterDto {
  @ApiPropertyOptional({ example: 'TT35-BUU-CHINH', description: 'Obligation code' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  obligation?: string;

  @ApiPropertyOptional({ example: '2024-Y' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  period?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ example: 'overdue-1', description: '`before-7d`, `due`, `overdue-<k>`, `escalation`, `manual-<yyyy-mm-dd>`' })
  @IsOptional()
  @Matches(REMINDER_STAGE_PATTERN)
  stage?: string;

  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(PG_INTEGER_MAX) page?: number;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) pageSize?: number;
}

export class ReminderQueryDto extends ReminderFilterDto {
  @ApiPropertyOptional({ enum: REMINDER_STATUSES })
  @IsOptional()
  @IsIn(REMINDER_STATUSES)
  status?: ReminderStatus;
}

export class DeliveryQueryDto extends ReminderFilterDto {
  @ApiPropertyOptional({ enum: DELIVERY_OUTCOMES, description: 'Outcome of the attempt' })
  @IsOptional()
  @IsIn(DELIVERY_OUTCOMES)
  status?: DeliveryOutcome;
}

export class ReminderDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'TT35-BUU-CHINH' }) obligationCode: string;
  @ApiProperty({ example: '2024-Y' }) periodKey: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ example: '01' }) unitCode: string;
  @ApiProperty({ example: 'Thành phố Hà Nội' }) unitName: string;
  @ApiProperty({ example: 'overdue-1' }) stage: string;
  @ApiProperty({ enum: REMINDER_TRIGGERS }) trigger: ReminderTrigger;
  @ApiProperty({ enum: REMINDER_STATUSES }) status: ReminderStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was skipped' }) reason: string | null;
  @ApiProperty({ example: '2025-02-04', format: 'date' }) dueDate: string;
  @ApiProperty({ example: -3, description: 'Days from planning to the due date; negative when overdue' }) daysUntilDue: number;
  @ApiProperty({ description: "The unit's leadership is copied" }) escalated: boolean;
  @ApiProperty({ enum: SUBMISSION_STATUSES, description: "The report's status when planned" }) submissionStatus: SubmissionStatus;
  @ApiProperty({ type: [String] }) to: string[];
  @ApiProperty({ type: [String] }) cc: string[];
  @ApiProperty({ type: String, nullable: true }) mailKey: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) requestedBy: string | null;
  @ApiProperty() plannedAt: Date;
  @ApiProperty({ type: Date, nullable: true }) sentAt: Date | null;
  @ApiProperty({ example: 1, description: 'SMTP attempts so far' }) attempts: number;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
}

export class ReminderListDto {
  @ApiProperty({ type: [ReminderDto] }) items: ReminderDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class ReminderDeliveryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) reminderId: string;
  @ApiProperty({ example: 'TT35-BUU-CHINH' }) obligationCode: string;
  @ApiProperty({ example: '2024-Y' }) periodKey: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ example: '01' }) unitCode: string;
  @ApiProperty({ example: 'due' }) stage: string;
  @ApiProperty() mailKey: string;
  @ApiProperty({ example: 1 }) attempt: number;
  @ApiProperty({ enum: DELIVERY_OUTCOMES }) status: DeliveryOutcome;
  @ApiProperty({ type: [String] }) to: string[];
  @ApiProperty({ type: [String] }) cc: string[];
  @ApiProperty({ type: String, nullable: true, example: '250 OK' }) smtpResponse: string | null;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiProperty() startedAt: Date;
  @ApiProperty() finishedAt: Date;
}

export class ReminderDeliveryListDto {
  @ApiProperty({ type: [ReminderDeliveryDto] }) items: ReminderDeliveryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
