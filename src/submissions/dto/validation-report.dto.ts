import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ISSUE_CODES, ISSUE_SEVERITIES, type IssueCode, type IssueSeverity } from '../../validation/domain/validation-issue';

export class ValidationIssueDto {
  @ApiProperty({ type: 'integer', nullable: true, example: 5, description: 'Row in the file (1-based, as the spreadsheet shows it); null for file-level issues' })
  row: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'Số thuê bao điện thoại thông minh', description: "The column's label as the officer sees it in the file" })
  column: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'E', description: "The column's letter in a spreadsheet; null for JSON and file-level issues (absent from reports stored before it existed)" })
  columnLetter?: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'thue_bao_smartphone', description: 'Field key of the schema' })
  field: string | null;
  @ApiProperty({ enum: ISSUE_CODES, example: 'ambiguous_number' }) code: IssueCode;
  @ApiProperty({ enum: ISSUE_SEVERITIES, description: 'error blocks the version; warning needs a justification to submit; info is for the officer to know' })
  severity: IssueSeverity;
  @ApiProperty({ example: '"5.250" đọc được hai cách: 5250 (nếu dấu chấm phân cách hàng nghìn) hoặc 5,25 (nếu dấu chấm là dấu thập phân)…' })
  message: string;
  @ApiProperty({ type: String, nullable: true, example: '5.250', description: 'The offending value as written, cut to 200 characters' }) value: string | null;
  @ApiPropertyOptional({ example: 'ho_cap_quang_khong_vuot_tong_ho', description: 'Id of the row or file rule that raised the issue' }) rule?: string;
}

export class ColumnMappingDto {
  @ApiProperty({ example: 0, description: '0-based position of the column in the file' }) index: number;
  @ApiProperty({ example: 'Sản lượng bưu gửi', description: 'The header as read (the field key when the template key row was matched)' }) header: string;
  @ApiProperty({ type: String, nullable: true, example: 'san_luong_buu_gui', description: 'The field it feeds; null for unknown, blank or repeated columns' })
  fieldKey: string | null;
}

export class ValidationReportDto {
  @ApiProperty({ description: 'No issue of severity error' }) valid: boolean;
  @ApiProperty({ example: 63 }) rowsRead: number;
  @ApiProperty({ example: 62 }) rowsValid: number;
  @ApiProperty({ example: 1 }) rowsWithErrors: number;
  @ApiProperty({ example: 0 }) rowsWithWarnings: number;
  @ApiProperty({ example: 1 }) errorCount: number;
  @ApiProperty({ example: 0 }) warningCount: number;
  @ApiPropertyOptional({ example: 1, description: 'Information issues (absent from reports stored before they existed)' }) infoCount?: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { ambiguous_number: 1 }, description: 'Every issue counted by code, also those not kept' })
  countsByCode: Record<string, number>;
  @ApiProperty({ type: [ValidationIssueDto], description: 'File-level issues first, then by row; at most REPORT_MAX_ISSUES' }) issues: ValidationIssueDto[];
  @ApiProperty({ description: 'Some issues were counted but not kept' }) truncated: boolean;
  @ApiProperty({ type: [ColumnMappingDto] }) columns: ColumnMappingDto[];
}
