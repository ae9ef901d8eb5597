import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PG_INTEGER_MAX } from '../../common/integer-param';
import { CELL_VALUE, TYPED_ROW } from '../../common/openapi-schemas';
import { PeriodScheduleDto } from '../../periods/dto/period.dto';
import { ReceiptDto } from '../../receipts/dto/receipt.dto';
import type { ValidationReport } from '../../validation/domain/validation-report';
import type { DiffSummary, FieldChange, RowData, RowDifference } from '../domain/row-diff';
import type { DryRunOutcome } from '../upload.service';
import { SUBMISSION_STATUSES, type SubmissionStatus } from '../domain/submission-status';
import { ValidationReportDto } from './validation-report.dto';

export class VersionSummaryDto {
  @ApiProperty({ example: 1 }) number: number;
  @ApiProperty({ example: 'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9' }) sha256: string;
  @ApiProperty({ example: 2048 }) sizeBytes: number;
  @ApiProperty({ example: 'text/csv; charset=utf-8' }) mediaType: string;
  @ApiProperty({ enum: ['csv', 'xlsx', 'json'] }) format: string;
  @ApiProperty({ example: 'bao-cao-2024.xlsx' }) originalName: string;
  @ApiProperty() valid: boolean;
  @ApiProperty() rowsRead: number;
  @ApiProperty() errorCount: number;
  @ApiProperty() warningCount: number;
  @ApiProperty({ example: 1, description: 'Schema version the file was validated against' }) schemaVersion: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) uploadedBy: string | null;
  @ApiProperty() uploadedAt: Date;
}

export class SubmissionDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null while not started' }) id: string | null;
  @ApiProperty({ example: 'TT35-BUU-CHINH' }) obligationCode: string;
  @ApiProperty({ example: '2024-Y' }) periodKey: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ example: '01' }) unitCode: string;
  @ApiProperty({ example: 'Thành phố Hà Nội' }) unitName: string;
  @ApiProperty({ enum: SUBMISSION_STATUSES }) status: SubmissionStatus;
  @ApiProperty({ type: 'integer', nullable: true }) currentVersion: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) submittedVersion: number | null;
  @ApiProperty({ type: Date, nullable: true }) submittedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) firstSubmittedAt: Date | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'First submission by the due date' }) onTime: boolean | null;
  @ApiProperty({ type: 'integer', nullable: true }) daysLate: number | null;
  @ApiProperty() versionCount: number;
  @ApiProperty({ description: 'Concurrency token: send it back as expectedRevision' }) revision: number;
  @ApiProperty({ type: PeriodScheduleDto }) schedule: PeriodScheduleDto;
}

export class UploadResultDto {
  @ApiProperty({ type: SubmissionDto }) submission: SubmissionDto;
  @ApiProperty({ type: VersionSummaryDto }) version: VersionSummaryDto;
  @ApiProperty({ description: 'true when these exact bytes were uploaded before; nothing new was stored' }) duplicate: boolean;
  @ApiProperty({ type: ValidationReportDto, description: 'Validation report: counts, and every issue with row, column, field, code, message and value' })
  report: ValidationReport;
}

export class VersionListDto {
  @ApiProperty({ type: [VersionSummaryDto] }) items: VersionSummaryDto[];
}

export class VersionDetailDto extends VersionSummaryDto {
  @ApiProperty({ type: ValidationReportDto, description: 'The validation report' }) report: ValidationReport;
}

export class WarningJustificationDto {
  @ApiProperty({ example: 0, description: 'Index of the warning in the version report issues' }) @IsInt() @Min(0) @Max(PG_INTEGER_MAX) issue: number;
  @ApiProperty({ example: 'Số liệu tăng do sáp nhập bưu cục' }) @IsString() @Matches(/\S/) @MaxLength(2000) text: string;
}

export class SubmitDto {
  @ApiPropertyOptional({ description: 'Version to submit (default: the latest)', example: 2 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(PG_INTEGER_MAX)
  versionNumber?: number;

  @ApiPropertyOptional({ description: 'The revision you read; a stale one gets 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(PG_INTEGER_MAX)
  expectedRevision?: number;

  @ApiPropertyOptional({ description: 'One justification for all warnings of the version', example: 'Các cảnh báo đã được kiểm tra với sổ theo dõi' })
  @IsOptional()
  @IsString()
  @Matches(/\S/)
  @MaxLength(5000)
  justification?: string;

  @ApiPropertyOptional({ type: [WarningJustificationDto], description: 'Or one justification per warning' })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => WarningJustificationDto)
  @ArrayMaxSize(1000)
  warningJustifications?: WarningJustificationDto[];
}

export class SubmitResultDto extends SubmissionDto {
  @ApiProperty({ type: ReceiptDto, description: 'The signed receipt of record of this submit' }) receipt: ReceiptDto;
}

export class RowsQueryDto {
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(PG_INTEGER_MAX) offset?: number;
  @ApiPropertyOptional({ default: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
}

export class TypedRowDto {
  @ApiProperty({ example: 2, description: 'Row number in the file' }) rowNumber: number;
  @ApiProperty({ ...TYPED_ROW, description: 'Values by field key' }) data: RowData;
}

export class RowsDto {
  @ApiProperty() total: number;
  @ApiProperty({ type: [TypedRowDto] }) items: TypedRowDto[];
}

export class SubmissionQueryDto {
  @ApiPropertyOptional({ example: 'TT35-BUU-CHINH' }) @IsOptional() obligation?: string;
  @ApiPropertyOptional({ example: '2024-Y' }) @IsOptional() period?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ enum: SUBMISSION_STATUSES }) @IsOptional() @IsIn(SUBMISSION_STATUSES) status?: SubmissionStatus;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(PG_INTEGER_MAX) page?: number;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) pageSize?: number;
}

export class UploadQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: validate and report what would change, store nothing' })
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: string;
}

export class DiffSummaryDto {
  @ApiProperty({ example: 0 }) added: number;
  @ApiProperty({ example: 0 }) removed: number;
  @ApiProperty({ example: 1 }) changed: number;
  @ApiProperty({ example: 3 }) unchanged: number;
}

export class DryRunSummaryDto extends DiffSummaryDto {
  @ApiProperty({ example: 4 }) rowsRead: number;
  @ApiProperty({ example: 4 }) rowsValid: number;
  @ApiProperty({ example: 0 }) rowsWithErrors: number;
  @ApiProperty({ example: 0 }) rowsWithWarnings: number;
}

export class DryRunResultDto {
  @ApiProperty({ enum: [true], description: 'Always true: nothing was stored' }) dryRun: true;
  @ApiProperty({ type: 'integer', nullable: true, description: 'These exact bytes are already stored as that version' }) duplicateOfVersion: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'The current version the change counts compare with' }) comparedWithVersion: number | null;
  @ApiProperty({ type: DryRunSummaryDto, description: 'Rows read and what would change against the current version' }) summary: DryRunOutcome['summary'];
  @ApiProperty({ type: ValidationReportDto, description: 'The full validation report' }) report: ValidationReport;
}

export class DiffQueryDto {
  @ApiProperty({ example: 1 }) @Type(() => Number) @IsInt() @Min(1) @Max(PG_INTEGER_MAX) from: number;
  @ApiProperty({ example: 2 }) @Type(() => Number) @IsInt() @Min(1) @Max(PG_INTEGER_MAX) to: number;
}

export class RowFieldChangeDto {
  @ApiProperty({ example: 'so_luong_luy_ke' }) field: string;
  @ApiProperty({ ...CELL_VALUE, example: 25 }) from: FieldChange['from'];
  @ApiProperty({ ...CELL_VALUE, example: 26 }) to: FieldChange['to'];
}

export class RowDifferenceDto {
  @ApiProperty({ example: 'Doanh nghiệp được cấp giấy phép bưu chính', description: "The row's key-column values, or #position without key columns" }) key: string;
  @ApiProperty({ enum: ['added', 'removed', 'changed'] }) kind: RowDifference['kind'];
  @ApiProperty({ type: 'integer', nullable: true, example: 2 }) fromRow: number | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 2 }) toRow: number | null;
  @ApiProperty({ type: [RowFieldChangeDto] }) changes: RowFieldChangeDto[];
}

export class VersionDiffDto {
  @ApiProperty() from: number;
  @ApiProperty() to: number;
  @ApiProperty({ type: [String], description: 'Key columns rows are matched by (empty: by position)' }) keyFields: string[];
  @ApiProperty({ type: DiffSummaryDto }) summary: DiffSummary;
  @ApiProperty({ type: [RowDifferenceDto] }) differences: RowDifference[];
  @ApiProperty() truncated: boolean;
}
