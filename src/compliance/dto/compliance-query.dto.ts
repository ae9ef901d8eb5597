import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { PG_INTEGER_MAX } from '../../common/integer-param';
import { CSV_DIALECTS, type CsvDialect, EXPORT_FORMATS, type ExportFormat } from '../exports/export-document';

const PERIOD_KEY = /^\d{4}-(M(0[1-9]|1[0-2])|Q[1-4]|H[12]|9M|Y)$/;
const PERIOD_KEY_MESSAGE = (field: string) => `${field} phải là mã kỳ như 2024-Q1, 2024-M03, 2024-H1, 2024-9M, 2024-Y`;

export class PeriodRangeQueryDto {
  @ApiPropertyOptional({ description: 'First period key (default: 7 periods before `to`)', example: '2024-Q1' })
  @IsOptional()
  @Matches(PERIOD_KEY, { message: PERIOD_KEY_MESSAGE('from') })
  from?: string;

  @ApiPropertyOptional({ description: 'Last period key (default: the latest period that has started)', example: '2024-Q4' })
  @IsOptional()
  @Matches(PERIOD_KEY, { message: PERIOD_KEY_MESSAGE('to') })
  to?: string;
}

export class CompletionQueryDto {
  @ApiPropertyOptional({ default: 100, maximum: 10000, description: 'How many of the units still owing to list (by unit code)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  owingLimit?: number;
}

export class MatrixPageQueryDto {
  @ApiPropertyOptional({ default: 0, description: 'Units to skip (by unit code)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(PG_INTEGER_MAX)
  offset?: number;

  @ApiPropertyOptional({ default: 100, maximum: 1000, description: 'Units per page' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class PeriodMatrixQueryDto extends IntersectionType(PeriodRangeQueryDto, MatrixPageQueryDto) {}

export class ExportQueryDto {
  @ApiProperty({ enum: EXPORT_FORMATS, description: 'xlsx: workbook with Vietnamese headers; csv: UTF-8 with BOM' })
  @IsIn(EXPORT_FORMATS)
  format: ExportFormat;

  @ApiPropertyOptional({
    enum: CSV_DIALECTS,
    default: 'rfc4180',
    description: 'CSV only. rfc4180: comma-separated, dot decimals; excel-vn: semicolon-separated, comma decimals (what Excel reads on Vietnamese settings)',
  })
  @IsOptional()
  @IsIn(CSV_DIALECTS)
  dialect?: CsvDialect;
}

export class PeriodMatrixExportQueryDto extends IntersectionType(PeriodRangeQueryDto, ExportQueryDto) {}
