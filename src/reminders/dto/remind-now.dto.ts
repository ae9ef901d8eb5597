import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

export class RemindNowDto {
  @ApiProperty({ example: 'TT35-BUU-CHINH' })
  @IsString()
  @MaxLength(64)
  obligationCode: string;

  @ApiProperty({ example: '2024-Y' })
  @IsString()
  @Matches(/^\d{4}-(M\d{2}|Q\d|H\d|9M|Y)$/, { message: 'periodKey phải có dạng YYYY-M01, YYYY-Q1, YYYY-H1, YYYY-9M hoặc YYYY-Y' })
  periodKey: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'One unit; without it, every unit of the period that still has something to do.' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

export class RemindNowResultDto {
  @ApiProperty({ example: 'TT35-BUU-CHINH' }) obligationCode: string;
  @ApiProperty({ example: '2024-Y' }) periodKey: string;
  @ApiProperty({ example: 'manual-2025-02-10', description: 'One manual stage per Vietnam day: calling again the same day adds nothing.' })
  stage: string;
  @ApiProperty({ example: '2025-02-04', format: 'date' }) dueDate: string;
  @ApiProperty({ example: 63 }) expectedUnits: number;
  @ApiProperty({ example: 40 }) compliedUnits: number;
  @ApiProperty({ example: 3, description: 'Submitted and waiting for review: not reminded.' }) awaitingReview: number;
  @ApiProperty({ example: 19, description: 'Reminders queued by this call.' }) planned: number;
  @ApiProperty({ example: 0, description: 'Units already reminded today (an earlier call).' }) alreadyRecorded: number;
  @ApiProperty({ example: 0 }) skippedCap: number;
  @ApiProperty({ example: 1, description: 'Units without any e-mail address (recorded with the reason).' }) skippedNoAddress: number;
  @ApiProperty({ description: 'Every expected unit has complied: nothing is sent.' }) complete: boolean;
  @ApiProperty({ description: 'The completion summary was queued for the compliance officers by this call.' }) summaryQueued: boolean;
}
