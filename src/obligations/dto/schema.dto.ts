import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import type { ReportSchemaDefinition } from '../../validation/domain/schema-definition';
import { ReportSchemaDefinitionDto } from './schema-definition.dto';

const DEFINITION_EXAMPLE = {
  sheetName: 'BC-STTTT',
  keyFields: ['chi_tieu'],
  fields: [
    { key: 'chi_tieu', label: 'Chỉ tiêu', type: 'enum', required: true, enumValues: ['Doanh nghiệp được cấp giấy phép bưu chính'] },
    { key: 'so_luong_trong_nam', label: 'Số lượng trong năm', type: 'integer', required: true, min: 0, unit: 'Đơn vị' },
    { key: 'so_luong_luy_ke', label: 'Số lượng lũy kế', type: 'integer', required: true, min: 0, unit: 'Đơn vị' },
  ],
  rowRules: [{ id: 'luy_ke', message: 'Số lượng lũy kế không được nhỏ hơn số lượng trong năm', assert: 'so_luong_luy_ke >= so_luong_trong_nam' }],
  fileRules: [{ id: 'moi_chi_tieu_mot_dong', kind: 'unique', fields: ['chi_tieu'] }],
};

export class SchemaVersionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'TT35-BUU-CHINH' }) obligationCode: string;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty({ format: 'date', description: 'Periods starting on or after this day use this version' }) effectiveFrom: string;
  @ApiProperty({ type: ReportSchemaDefinitionDto, example: DEFINITION_EXAMPLE }) definition: ReportSchemaDefinition;
  @ApiProperty({ type: String, nullable: true }) changeNote: string | null;
  @ApiProperty({ description: 'true once a submission used it: then it can no longer be edited' }) locked: boolean;
  @ApiProperty() createdAt: Date;
}

export class SchemaVersionListDto {
  @ApiProperty({ type: [SchemaVersionDto] }) items: SchemaVersionDto[];
}

export class SchemaVersionInputDto {
  @ApiProperty({ type: ReportSchemaDefinitionDto, example: DEFINITION_EXAMPLE, description: 'Fields, row rules (rule language) and file rules; validated on save' })
  @IsObject()
  definition: ReportSchemaDefinition;

  @ApiProperty({ format: 'date', example: '2025-01-01' })
  @IsISO8601({ strict: true })
  effectiveFrom: string;

  @ApiPropertyOptional({ example: 'Thêm cột mã số thuế' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  changeNote?: string;
}
