import { ApiProperty } from '@nestjs/swagger';
import { COMPLIANCE_STATUSES, type ComplianceStatus } from '../../obligations/obligation.entity';
import { PERIOD_TYPES, type PeriodType } from '../../periods/domain';
import { BodiesInForceDto } from '../../obligations/dto/obligation-body.dto';
import { PeriodScheduleDto } from '../../periods/dto/period.dto';
import { SUBMISSION_STATUSES, type SubmissionStatus } from '../../submissions/domain/submission-status';

export class ObligationSummaryDto {
  @ApiProperty({ example: 'TT35-BUU-CHINH' }) code: string;
  @ApiProperty({ example: 'Báo cáo hoạt động cấp giấy phép bưu chính, văn bản xác nhận thông báo hoạt động bưu chính' }) title: string;
  @ApiProperty({ enum: PERIOD_TYPES }) periodType: PeriodType;
  @ApiProperty({ enum: COMPLIANCE_STATUSES, description: 'The status that counts as complied' }) compliesWhen: ComplianceStatus;
}

export class StatusCountsDto {
  @ApiProperty({ description: 'Expected units with no submission or status not_started' }) notStarted: number;
  @ApiProperty() draft: number;
  @ApiProperty() submitted: number;
  @ApiProperty() returned: number;
  @ApiProperty() approved: number;
}

export class CompletionFiguresDto {
  @ApiProperty({ description: "False for a period due before the obligation's trackedFrom: counts of what was loaded, no percentage, nobody on time, late or overdue" })
  tracked: boolean;
  @ApiProperty({ example: 63, description: 'Units that owe the report: exist on the last day of the period and are in the target set' }) expected: number;
  @ApiProperty({ type: StatusCountsDto }) counts: StatusCountsDto;
  @ApiProperty({ example: 61, description: 'Units whose status counts as complied (compliesWhen)' }) complied: number;
  @ApiProperty({ description: 'Units whose first submission came by the due date' }) onTime: number;
  @ApiProperty({ description: 'Units whose first submission came after the due date' }) late: number;
  @ApiProperty({ description: 'Units not complied while the due date (Vietnam time) has passed' }) overdue: number;
  @ApiProperty({ type: Number, example: 96.83, nullable: true, description: 'complied / expected, percent with two decimals; null for a period not tracked' }) completionPercent: number | null;
  @ApiProperty({ example: '61/63', description: '"complied/expected", or "không theo dõi" for a period not tracked' }) headline: string;
}

export class OwingUnitDto {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ example: '01' }) unitCode: string;
  @ApiProperty({ example: 'Thành phố Hà Nội' }) unitName: string;
  @ApiProperty({ enum: SUBMISSION_STATUSES }) status: SubmissionStatus;
  @ApiProperty({ example: 'chưa nộp' }) statusLabel: string;
  @ApiProperty({ type: Date, nullable: true }) submittedAt: Date | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Days past the due date; null until it has passed' }) daysOverdue: number | null;
}

export class CompletionDto extends CompletionFiguresDto {
  @ApiProperty({ type: ObligationSummaryDto }) obligation: ObligationSummaryDto;
  @ApiProperty({ type: PeriodScheduleDto }) period: PeriodScheduleDto;
  @ApiProperty({ format: 'date-time', description: 'The moment overdue figures refer to' }) at: string;
  @ApiProperty({ example: 2, description: 'Expected units not complied' }) owingTotal: number;
  @ApiProperty({ type: [OwingUnitDto], description: 'Expected units not complied, by unit code: the first `owingLimit` (default 100) of owingTotal; the full list is the completion table' })
  owing: OwingUnitDto[];
}

export class UnitCompletionDto {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ example: '01' }) unitCode: string;
  @ApiProperty({ example: 'Thành phố Hà Nội' }) unitName: string;
  @ApiProperty({ enum: SUBMISSION_STATUSES }) status: SubmissionStatus;
  @ApiProperty({ example: 'đã duyệt' }) statusLabel: string;
  @ApiProperty() complied: boolean;
  @ApiProperty({ format: 'date', description: 'Due date recorded at the first submission, else the period due date' }) dueDate: string;
  @ApiProperty({ type: Date, nullable: true, description: 'Latest submission' }) submittedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) firstSubmittedAt: Date | null;
  @ApiProperty({ type: Boolean, nullable: true }) onTime: boolean | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Days the first submission was late (0 on time)' }) daysLate: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Days past the due date for a unit still owing' }) daysOverdue: number | null;
  @ApiProperty({ description: 'Return round trips: how many times the report went back to the unit' }) returnCount: number;
  @ApiProperty({ description: 'Loaded as history by backfill: neither on time nor late' }) backfilled: boolean;
  @ApiProperty({ example: 'Sở Thông tin và Truyền thông Thành phố Hà Nội', description: "The unit's reporting department on the period's due date" })
  departmentName: string;
}

export class UnitCompletionListDto {
  @ApiProperty({ type: ObligationSummaryDto }) obligation: ObligationSummaryDto;
  @ApiProperty({ type: PeriodScheduleDto }) period: PeriodScheduleDto;
  @ApiProperty({ type: BodiesInForceDto, description: "The issuing and receiving body on the period's due date" }) bodies: BodiesInForceDto;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: CompletionFiguresDto }) figures: CompletionFiguresDto;
  @ApiProperty({ type: [UnitCompletionDto] }) items: UnitCompletionDto[];
}

export class ObligationCompletionDto extends CompletionFiguresDto {
  @ApiProperty({ type: ObligationSummaryDto }) obligation: ObligationSummaryDto;
  @ApiProperty({ type: PeriodScheduleDto }) period: PeriodScheduleDto;
}

export class PeriodCompletionListDto {
  @ApiProperty({ example: '2024-Q1' }) periodKey: string;
  @ApiProperty({ example: 'Quý I/2024' }) label: string;
  @ApiProperty({ enum: PERIOD_TYPES, description: 'Only obligations reporting by this period type are listed' }) periodType: PeriodType;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: [ObligationCompletionDto] }) items: ObligationCompletionDto[];
}

export class TrendPointDto extends CompletionFiguresDto {
  @ApiProperty({ type: PeriodScheduleDto }) period: PeriodScheduleDto;
}

export class TrendDto {
  @ApiProperty({ type: ObligationSummaryDto }) obligation: ObligationSummaryDto;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: [TrendPointDto], description: 'Oldest period first' }) items: TrendPointDto[];
}

export class OwingUnitContactsDto {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ example: '01' }) unitCode: string;
  @ApiProperty({ example: 'Thành phố Hà Nội' }) unitName: string;
  @ApiProperty({ enum: SUBMISSION_STATUSES }) status: SubmissionStatus;
  @ApiProperty({ type: Number, nullable: true, description: 'Days past the due date; null until it has passed' }) daysOverdue: number | null;
  @ApiProperty({ type: [String], description: "The unit's submitter addresses (reminders go there)" }) submitterEmails: string[];
  @ApiProperty({ type: String, nullable: true, description: 'Leadership address (in copy of escalations)' }) leadershipEmail: string | null;
  @ApiProperty({ type: [String], description: "The unit's active province officer accounts" }) officerEmails: string[];
}

export class OwingUnitContactsListDto {
  @ApiProperty({ type: ObligationSummaryDto }) obligation: ObligationSummaryDto;
  @ApiProperty({ type: PeriodScheduleDto }) period: PeriodScheduleDto;
  @ApiProperty({ type: [OwingUnitContactsDto], description: 'Every expected unit not complied, by unit code' }) items: OwingUnitContactsDto[];
}
