import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SUBMISSION_STATUSES, type SubmissionStatus } from '../domain/submission-status';
import { NEXT_ACTIONS, type NextAction } from '../domain/officer-tasks';

export class TaskUnitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '01' }) code: string;
  @ApiProperty({ example: 'Thành phố Hà Nội' }) name: string;
}

export class TaskDto {
  @ApiProperty({ example: 'BC-QUY-TTTT-TINH' }) obligationCode: string;
  @ApiProperty({ example: 'Báo cáo quý kết quả hoạt động bưu chính, viễn thông và chuyển đổi số cấp tỉnh' }) obligationTitle: string;
  @ApiProperty({ example: '2024-Q4' }) periodKey: string;
  @ApiProperty({ example: 'Quý IV/2024' }) periodLabel: string;
  @ApiProperty({ enum: ['open', 'due', 'overdue'], description: 'Where the period stands: in its cut-off window, waiting for the due date, or past it' })
  periodStatus: string;
  @ApiProperty({ type: String, format: 'date', example: '2024-12-20' }) dueDate: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'End of the due date in Vietnam time' }) dueAt: string;
  @ApiProperty({ example: 5, description: 'Calendar days until the due date (negative: days overdue)' }) daysUntilDue: number;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'null until the first upload' }) submissionId: string | null;
  @ApiProperty({ enum: SUBMISSION_STATUSES }) status: SubmissionStatus;
  @ApiPropertyOptional({ type: Number, nullable: true }) currentVersion: number | null;
  @ApiPropertyOptional({ type: Boolean, nullable: true, description: 'Whether the latest upload passed validation' }) currentVersionValid: boolean | null;
  @ApiProperty({ description: 'Uploads and submits are closed for this period (no exception in force)' }) locked: boolean;
  @ApiProperty({ enum: NEXT_ACTIONS, description: 'upload, fix_errors, submit, revise (returned), locked, await_review, none (approved)' }) nextAction: NextAction;
}

export class TaskListDto {
  @ApiProperty({ type: TaskUnitDto }) unit: TaskUnitDto;
  @ApiProperty({ type: String, format: 'date-time', description: 'The moment the list refers to' }) at: string;
  @ApiProperty({ type: [TaskDto], description: 'The most urgent first: work to do by due date, then locked, waiting for review, approved' })
  items: TaskDto[];
}
