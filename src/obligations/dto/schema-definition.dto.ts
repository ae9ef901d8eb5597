import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import {
  AGGREGATES,
  FIELD_TYPES,
  PERIOD_CHECK_SEVERITIES,
  type FieldDefinition,
  type FileRuleDefinition,
  type PeriodCheck,
  type RowRuleDefinition,
} from '../../validation/domain/schema-definition';

/** Report schemas as the API documents them; schema-definition.ts is the source and validates them on save. */

const SEVERITIES = ['error', 'warning'];

class PeriodCheckDto {
  @ApiProperty({ enum: PERIOD_CHECK_SEVERITIES }) severity: PeriodCheck['severity'];
  @ApiPropertyOptional({ example: 31, description: 'Days outside the period still accepted (default 31)' }) toleranceDays?: number;
}

class FieldDefinitionDto {
  @ApiProperty({ example: 'so_luong_trong_nam', description: 'snake_case ASCII' }) key: string;
  @ApiProperty({ example: 'Số lượng trong năm', description: 'The column header officers see' }) label: string;
  @ApiPropertyOptional({ type: [String], example: ['Trong năm'] }) aliases?: string[];
  @ApiProperty({ enum: FIELD_TYPES }) type: FieldDefinition['type'];
  @ApiPropertyOptional() required?: boolean;
  @ApiPropertyOptional({ oneOf: [{ type: 'number' }, { type: 'string', format: 'date' }], description: 'Numbers, or yyyy-mm-dd for dates' })
  min?: number | string;
  @ApiPropertyOptional({ oneOf: [{ type: 'number' }, { type: 'string', format: 'date' }], description: 'Numbers, or yyyy-mm-dd for dates' })
  max?: number | string;
  @ApiPropertyOptional() minLength?: number;
  @ApiPropertyOptional() maxLength?: number;
  @ApiPropertyOptional({ example: '^\\d{10}(-\\d{3})?$', description: 'ECMAScript regular expression the whole text must match' }) pattern?: string;
  @ApiPropertyOptional({ type: [String] }) enumValues?: string[];
  @ApiPropertyOptional({ example: 'Đơn vị', description: '`%` makes a percentage field (0-100): percent-formatted cells are read as typed' }) unit?: string;
  @ApiPropertyOptional({ enum: AGGREGATES }) aggregate?: FieldDefinition['aggregate'];
  @ApiPropertyOptional() description?: string;
  @ApiPropertyOptional({ description: "Date fields: the report's reference date (at most one); its period check defaults to a warning" }) referenceDate?: boolean;
  @ApiPropertyOptional({ type: PeriodCheckDto, description: 'Date fields: how a date outside the reporting period is reported' }) periodCheck?: PeriodCheck;
}

class RowRuleDefinitionDto {
  @ApiProperty({ example: 'luy_ke' }) id: string;
  @ApiProperty({ example: 'Số lượng lũy kế không được nhỏ hơn số lượng trong năm' }) message: string;
  @ApiProperty({ example: 'so_luong_luy_ke >= so_luong_trong_nam', description: 'An expression of the rule language' }) assert: string;
  @ApiPropertyOptional({ description: 'The rule applies to rows where this expression holds' }) when?: string;
  @ApiPropertyOptional({ enum: SEVERITIES }) severity?: RowRuleDefinition['severity'];
  @ApiPropertyOptional({ enum: ['skip', 'zero', 'fail'] }) missing?: RowRuleDefinition['missing'];
}

class UniqueRuleDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['unique'] }) kind: 'unique';
  @ApiProperty({ type: [String] }) fields: string[];
  @ApiPropertyOptional() message?: string;
  @ApiPropertyOptional({ enum: SEVERITIES }) severity?: 'error' | 'warning';
}

class RowCountRuleDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['row_count'] }) kind: 'row_count';
  @ApiPropertyOptional() min?: number;
  @ApiPropertyOptional() max?: number;
  @ApiPropertyOptional() message?: string;
  @ApiPropertyOptional({ enum: SEVERITIES }) severity?: 'error' | 'warning';
}

@ApiExtraModels(UniqueRuleDto, RowCountRuleDto)
export class ReportSchemaDefinitionDto {
  @ApiPropertyOptional({ example: 'BC-STTTT', description: 'The template sheet; uploads read it when present' }) sheetName?: string;
  @ApiProperty({ type: [FieldDefinitionDto] }) fields: FieldDefinition[];
  @ApiPropertyOptional({ type: [RowRuleDefinitionDto] }) rowRules?: RowRuleDefinition[];
  @ApiPropertyOptional({ type: 'array', items: { oneOf: [{ $ref: getSchemaPath(UniqueRuleDto) }, { $ref: getSchemaPath(RowCountRuleDto) }] } })
  fileRules?: FileRuleDefinition[];
  @ApiPropertyOptional({ type: [String], example: ['chi_tieu'] }) keyFields?: string[];
}

