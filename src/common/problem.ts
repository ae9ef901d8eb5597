import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One entry of a problem's `errors` list: which input was wrong and why. */
export class ProblemFieldError {
  @ApiProperty({ example: 'email', description: 'Path of the offending input (body property, query parameter or file cell).' })
  field: string;

  @ApiProperty({ example: 'isEmail' })
  code: string;

  @ApiProperty({ example: 'email phải là một địa chỉ e-mail hợp lệ' })
  message: string;
}

/** RFC 9457 problem details, the body of every error response (`application/problem+json`). */
export class ProblemDetails {
  @ApiProperty({ example: 'https://baocao.gov.vn/problems/validation-failed' })
  type: string;

  @ApiProperty({ example: 'Dữ liệu gửi lên không hợp lệ' })
  title: string;

  @ApiProperty({ example: 422 })
  status: number;

  @ApiPropertyOptional({ example: 'Có 2 trường không hợp lệ.' })
  detail?: string;

  @ApiPropertyOptional({ example: '/api/v1/users' })
  instance?: string;

  @ApiProperty({ example: 'validation_failed', description: 'Stable machine-readable code.' })
  code: string;

  @ApiProperty({ example: '7d4f0c8e-1c1b-4a3b-9b59-0c2b5c1f3d10' })
  requestId: string;

  @ApiPropertyOptional({ type: [ProblemFieldError] })
  errors?: ProblemFieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const PROBLEM_TYPE_BASE = 'https://baocao.gov.vn/problems/';
