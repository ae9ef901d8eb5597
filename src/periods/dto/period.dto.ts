import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';

export class PeriodScheduleDto {
  @ApiProperty({ example: '2024-Q1' }) key: string;
  @ApiProperty({ example: 'Quý I/2024' }) label: string;
  @ApiProperty({ format: 'date', example: '2024-01-01' }) start: string;
  @ApiProperty({ format: 'date', example: '2024-03-31' }) end: string;
  @ApiProperty({ format: 'date', example: '2023-12-15', description: 'Data cut-off window start' }) cutoffStart: string;
  @ApiProperty({ format: 'date', example: '2024-03-14' }) cutoffEnd: string;
  @ApiProperty({ format: 'date', example: '2024-03-21' }) dueDate: string;
  @ApiProperty({ format: 'date-time', description: 'End of the due date in Asia/Ho_Chi_Minh' }) dueAt: string;
  @ApiProperty({ enum: ['upcoming', 'open', 'due', 'overdue'] }) status: string;
  @ApiProperty({ description: 'Calendar days until the due date (negative once past)' }) daysUntilDue: number;
}

export class PeriodListDto {
  @ApiProperty({ example: 'TT35-BUU-CHINH' }) obligationCode: string;
  @ApiProperty({ format: 'date-time', description: 'The moment statuses refer to' }) at: string;
  @ApiProperty({ type: [PeriodScheduleDto] }) items: PeriodScheduleDto[];
}

const PERIOD_OR_DATE = /^(\d{4}-\d{2}-\d{2}|\d{4}-(M(0[1-9]|1[0-2])|Q[1-4]|H[12]|9M|Y))$/;

export class PeriodQueryDto {
  @ApiPropertyOptional({ description: 'First period: a period key (2024-Q1) or a date (default: a year before today)', example: '2024-Q1' })
  @IsOptional()
  @Matches(PERIOD_OR_DATE, { message: 'from phải là mã kỳ (2024-Q1, 2024-M03, 2024-H1, 2024-9M, 2024-Y) hoặc ngày yyyy-mm-dd' })
  from?: string;

  @ApiPropertyOptional({ description: 'Last period: a period key or a date (default: a year after today)', example: '2024-Q4' })
  @IsOptional()
  @Matches(PERIOD_OR_DATE, { message: 'to phải là mã kỳ (2024-Q1, 2024-M03, 2024-H1, 2024-9M, 2024-Y) hoặc ngày yyyy-mm-dd' })
  to?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'The moment for open/due/overdue (default: now)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;
}
