import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { CALENDAR_OVERRIDE_KINDS, type CalendarOverrideKind } from '../domain';

export class CalendarOverrideInputDto {
  @ApiProperty({ enum: CALENDAR_OVERRIDE_KINDS, description: 'day_off: an extra or swapped day off; working_day: a make-up working day' })
  @IsIn(CALENDAR_OVERRIDE_KINDS)
  kind: CalendarOverrideKind;

  @ApiProperty({ example: 'Làm bù cho ngày nghỉ 02/5 theo Thông báo của Bộ Nội vụ' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason: string;
}

export class CalendarOverrideDto {
  @ApiProperty({ format: 'date', example: '2025-04-26' }) date: string;
  @ApiProperty({ enum: CALENDAR_OVERRIDE_KINDS }) kind: CalendarOverrideKind;
  @ApiProperty() reason: string;
}

export class HolidayDto {
  @ApiProperty({ format: 'date', example: '2025-01-29' }) date: string;
  @ApiProperty({ enum: ['public_holiday', 'compensatory', 'announced_day_off'] }) kind: string;
  @ApiProperty({ example: 'Tết Nguyên Đán' }) name: string;
  @ApiPropertyOptional({ format: 'date' }) compensatesFor?: string;
}

export class CalendarYearDto {
  @ApiProperty({ example: 2025 }) year: number;
  @ApiProperty({ type: [HolidayDto], description: 'Public holidays, compensatory days and announced days off (weekends not listed).' })
  daysOff: HolidayDto[];
  @ApiProperty({ type: [CalendarOverrideDto] }) overrides: CalendarOverrideDto[];
  @ApiProperty({ example: 247 }) workingDays: number;
}
