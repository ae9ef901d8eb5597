import { ApiExtraModels, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { PG_INTEGER_MAX } from '../../common/integer-param';
import { nullableRef } from '../../common/openapi-schemas';
import { SubmissionDto, TypedRowDto, VersionDetailDto, VersionDiffDto } from '../../submissions/dto/submission.dto';

export class RemarkDto {
  @ApiPropertyOptional({ example: 3, description: 'Row number in the file' }) @IsOptional() @IsInt() @Min(1) @Max(PG_INTEGER_MAX) row?: number;
  @ApiPropertyOptional({ example: 'so_luong_luy_ke' }) @IsOptional() @IsString() @Matches(/^[a-z][a-z0-9_]*$/) field?: string;
  @ApiProperty({ example: 'Số lũy kế thấp hơn năm trước, đề nghị kiểm tra lại' }) @IsString() @IsNotEmpty() @MaxLength(2000) message: string;
}

export class DecisionDto {
  @ApiProperty({ enum: ['approve', 'return'] })
  @IsIn(['approve', 'return'])
  decision: 'approve' | 'return';

  @ApiProperty({ example: 2, description: 'The submitted version you reviewed; another one gets 409' })
  @IsInt()
  @Min(1)
  @Max(PG_INTEGER_MAX)
  versionNumber: number;

  @ApiProperty({ example: 3, description: 'The submission revision you read; a stale one gets 409' })
  @IsInt()
  @Min(1)
  @Max(PG_INTEGER_MAX)
  expectedRevision: number;

  @ApiPropertyOptional({ example: 'Đề nghị bổ sung số liệu chi nhánh', description: 'Required to return' })
  @ValidateIf((dto: DecisionDto) => dto.decision === 'return' || dto.comment !== undefined)
  @IsString()
  @Matches(/\S/, { message: 'comment là bắt buộc khi trả lại báo cáo' })
  @MaxLength(5000)
  comment?: string;

  @ApiPropertyOptional({ type: [RemarkDto] })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => RemarkDto)
  @ArrayMaxSize(500)
  remarks?: RemarkDto[];
}

export class ReopenDto {
  @ApiProperty({ example: 'Phát hiện sai sót sau khi duyệt' }) @IsString() @Matches(/\S/, { message: 'reason là bắt buộc' }) @MaxLength(5000) reason: string;
  @ApiProperty({ example: 4 }) @IsInt() @Min(1) @Max(PG_INTEGER_MAX) expectedRevision: number;
}

export class ReviewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['approve', 'return', 'reopen'] }) decision: string;
  @ApiProperty() versionNumber: number;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ type: [RemarkDto] }) remarks: RemarkDto[];
  @ApiProperty({ type: String, nullable: true }) reviewerEmail: string | null;
  @ApiProperty({ type: String, nullable: true }) reviewerRole: string | null;
  @ApiProperty() decidedAt: Date;
}

export class FieldChangeDto {
  @ApiProperty({ example: 'san_luong_buu_gui' }) field: string;
  @ApiProperty({ example: 'Sản lượng bưu gửi' }) label: string;
  @ApiProperty() current: number;
  @ApiProperty({ type: Number, nullable: true }) previous: number | null;
  @ApiProperty({ type: Number, nullable: true }) change: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 47 }) percent: number | null;
  @ApiProperty({ description: 'Change above the configured threshold' }) flagged: boolean;
}

export class ComparisonDto {
  @ApiProperty({ example: '2023-Q1' }) periodKey: string;
  @ApiProperty({ example: 'approved' }) status: string;
  @ApiProperty({ type: 'integer', nullable: true }) versionNumber: number | null;
  @ApiPropertyOptional({ type: [String], description: 'Before a merger: the codes of the units whose approved values were summed' })
  predecessors?: string[];
  @ApiProperty({ type: [FieldChangeDto] }) changes: FieldChangeDto[];
}

export class WarningJustificationViewDto {
  @ApiProperty({ example: 0, description: 'Index of the warning in the version report issues' }) issue: number;
  @ApiProperty() text: string;
}

export class JustificationDto {
  @ApiProperty({ type: String, nullable: true, description: 'One justification for all warnings' }) general: string | null;
  @ApiProperty({ type: [WarningJustificationViewDto] }) perWarning: Array<{ issue: number; text: string }>;
  @ApiProperty() justifiedAt: Date;
}

export class ChangesSinceLastReviewDto extends VersionDiffDto {
  @ApiProperty({ type: String, nullable: true, description: 'The comment the report was returned with' }) returnedComment: string | null;
}

@ApiExtraModels(VersionDetailDto, JustificationDto, ChangesSinceLastReviewDto)
export class ReviewViewDto {
  @ApiProperty({ type: SubmissionDto }) submission: SubmissionDto;
  @ApiProperty({ ...nullableRef(VersionDetailDto), description: 'The version under review with its report' }) version: VersionDetailDto | null;
  @ApiProperty({ type: [TypedRowDto], description: 'First rows of the version (use the rows route for more)' }) rows: TypedRowDto[];
  @ApiProperty({ example: 30 }) thresholdPercent: number;
  @ApiProperty({ type: ComparisonDto }) previousPeriod: ComparisonDto;
  @ApiProperty({ type: ComparisonDto }) samePeriodLastYear: ComparisonDto;
  @ApiProperty({ type: [ReviewDto] }) reviews: ReviewDto[];
  @ApiProperty({ ...nullableRef(JustificationDto), description: "The officer's justification of the version's warnings" })
  justification: JustificationDto | null;
  @ApiProperty({ ...nullableRef(ChangesSinceLastReviewDto), description: 'After a return: the diff between the returned version and the one submitted now, next to the comment' })
  changesSinceLastReview: ChangesSinceLastReviewDto | null;
}

export class SubmissionListQueryDto {
  @ApiPropertyOptional({ example: 'TT35-BUU-CHINH' }) @IsOptional() @IsString() @MaxLength(64) obligation?: string;
  @ApiPropertyOptional({ example: '2024-Y' }) @IsOptional() @IsString() @MaxLength(16) period?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @Matches(/^[0-9a-f-]{36}$/i) unitId?: string;
  @ApiPropertyOptional({ enum: ['draft', 'submitted', 'returned', 'approved'] }) @IsOptional() @IsIn(['draft', 'submitted', 'returned', 'approved']) status?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: late first submissions only; false: on time only' }) @IsOptional() @IsIn(['true', 'false']) late?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: only submissions whose figures changed by more than the threshold against the previous period or the same period last year' })
  @IsOptional()
  @IsIn(['true', 'false'])
  flagged?: string;
  @ApiPropertyOptional({ enum: ['submittedAt', '-submittedAt', 'unitCode', '-unitCode', 'updatedAt', '-updatedAt'], default: 'submittedAt' })
  @IsOptional()
  @IsIn(['submittedAt', '-submittedAt', 'unitCode', '-unitCode', 'updatedAt', '-updatedAt'])
  sort?: string;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(PG_INTEGER_MAX) page?: number;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) pageSize?: number;
}

export class SubmissionListItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() obligationCode: string;
  @ApiProperty() periodKey: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty() status: string;
  @ApiProperty({ type: Date, nullable: true }) submittedAt: Date | null;
  @ApiProperty({ type: Boolean, nullable: true }) onTime: boolean | null;
  @ApiProperty({ type: 'integer', nullable: true }) daysLate: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) currentVersion: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) submittedVersion: number | null;
  @ApiProperty() versionCount: number;
  @ApiProperty({ description: 'How many times it was returned' }) returnCount: number;
  @ApiProperty() revision: number;
  @ApiProperty({ description: 'A figure changed by more than REVIEW_CHANGE_THRESHOLD_PERCENT against the previous period or the same period last year' })
  flagged: boolean;
}

export class SubmissionListDto {
  @ApiProperty({ type: [SubmissionListItemDto] }) items: SubmissionListItemDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
