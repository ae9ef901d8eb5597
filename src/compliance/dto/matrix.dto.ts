import { ApiExtraModels, ApiProperty } from '@nestjs/swagger';
import { nullableRef } from '../../common/openapi-schemas';
import { SUBMISSION_STATUSES, type SubmissionStatus } from '../../submissions/domain/submission-status';
import { ObligationSummaryDto } from './completion.dto';

export class MatrixColumnDto {
  @ApiProperty({ example: '2024-Q1', description: 'Period key (units x periods) or obligation code (units x obligations)' }) key: string;
  @ApiProperty({ example: 'Quý I/2024' }) label: string;
  @ApiProperty({ example: '2024-Q1' }) periodKey: string;
  @ApiProperty({ example: 'TT35-BUU-CHINH' }) obligationCode: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty({ description: 'False for a period due before the obligation is tracked: history, nobody late or overdue' }) tracked: boolean;
}

export class MatrixCellDto {
  @ApiProperty({ enum: SUBMISSION_STATUSES }) status: SubmissionStatus;
  @ApiProperty() complied: boolean;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty({ type: Date, nullable: true }) submittedAt: Date | null;
  @ApiProperty({ type: 'integer', nullable: true }) daysLate: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) daysOverdue: number | null;
  @ApiProperty({ description: 'Loaded as history by backfill' }) backfilled: boolean;
}

export class MatrixRowDto {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ example: '01' }) unitCode: string;
  @ApiProperty({ example: 'Thành phố Hà Nội' }) unitName: string;
  @ApiProperty({ type: 'array', items: nullableRef(MatrixCellDto), description: 'One per column; null where the unit does not owe that report (it did not exist, or is not targeted)' })
  cells: Array<MatrixCellDto | null>;
}

@ApiExtraModels(MatrixCellDto, ObligationSummaryDto)
export class MatrixDto {
  @ApiProperty({ enum: ['periods', 'obligations'], description: 'What the columns are' }) columnsAre: 'periods' | 'obligations';
  @ApiProperty({ ...nullableRef(ObligationSummaryDto), description: 'The obligation of a units x periods matrix' }) obligation: ObligationSummaryDto | null;
  @ApiProperty({ type: String, example: '2024-Q1', nullable: true, description: 'The period of a units x obligations matrix' }) periodKey: string | null;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: [MatrixColumnDto] }) columns: MatrixColumnDto[];
  @ApiProperty({ type: [MatrixRowDto] }) rows: MatrixRowDto[];
  @ApiProperty({ description: 'Units in the whole matrix' }) total: number;
  @ApiProperty() offset: number;
  @ApiProperty() limit: number;
}
