import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export const BACKFILL_OUTCOMES = [
  'loaded',
  'unchanged',
  'valid',
  'invalid',
  'unreadable',
  'unknown_unit',
  'duplicate_unit',
  'already_submitted',
  'unit_code_missing',
  'unreadable_entry',
] as const;
export type BackfillOutcome = (typeof BACKFILL_OUTCOMES)[number];

export class BackfillFormDto {
  @ApiProperty({ example: 'Nạp số liệu Quý I/2023 từ báo cáo giấy đã lưu trữ', description: 'Why the history is loaded; recorded in the audit trail of every unit' })
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  reason: string;
}

export class BackfillIssueDto {
  @ApiPropertyOptional({ type: 'integer', nullable: true }) row: number | null;
  @ApiPropertyOptional({ type: 'string', nullable: true }) column: string | null;
  @ApiProperty() code: string;
  @ApiProperty() message: string;
}

export class BackfillUnitDto {
  @ApiPropertyOptional({ type: 'string', nullable: true, example: '79', description: 'The unit code read from the file name or the unit column' }) unitCode: string | null;
  @ApiPropertyOptional({ type: 'string', format: 'uuid', nullable: true }) unitId: string | null;
  @ApiPropertyOptional({ type: 'string', nullable: true, example: 'Thành phố Hồ Chí Minh' }) unitName: string | null;
  @ApiProperty({ example: '79.xlsx', description: 'The file (or the rows of the shared file) this unit was read from' }) source: string;
  @ApiProperty({
    enum: BACKFILL_OUTCOMES,
    description:
      'loaded / unchanged (the same file was loaded before); in a refused batch: valid (would have loaded) or what is wrong: invalid, unreadable, unknown_unit, duplicate_unit, already_submitted, unit_code_missing, unreadable_entry',
  })
  outcome: BackfillOutcome;
  @ApiPropertyOptional({ type: 'integer', nullable: true }) versionNumber: number | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true }) rowsRead: number | null;
  @ApiPropertyOptional({ type: 'string', nullable: true, description: 'In Vietnamese: what is wrong with this unit' }) message: string | null;
  @ApiProperty({ type: [BackfillIssueDto], description: 'The first errors of an invalid file' }) issues: BackfillIssueDto[];
}

export class BackfillResultDto {
  @ApiProperty({ example: 'BC-QUY-TTTT-TINH' }) obligationCode: string;
  @ApiProperty({ example: '2023-Q1' }) periodKey: string;
  @ApiProperty({ example: 'Quý I/2023' }) periodLabel: string;
  @ApiProperty({ description: 'Units whose report was loaded now' }) loaded: number;
  @ApiProperty({ description: 'Units whose report was already loaded from the same file' }) unchanged: number;
  @ApiProperty({ type: [BackfillUnitDto] }) units: BackfillUnitDto[];
  @ApiProperty({ type: [String], description: 'Expected units of the period that this batch did not cover' }) missingUnitCodes: string[];
}
