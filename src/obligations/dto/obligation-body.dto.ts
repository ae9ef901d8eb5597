import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { PG_INTEGER_MAX } from '../../common/integer-param';
import { BODY_ROLES, type BodyRole } from '../obligation-body.entity';

export class ObligationBodyDto {
  @ApiProperty({ enum: BODY_ROLES, description: 'issuing: the ministry in charge of the regime; receiving: the unit that receives the reports' })
  @IsIn(BODY_ROLES)
  role: BodyRole;

  @ApiProperty({ example: 'Bộ Khoa học và Công nghệ' })
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  name: string;

  @ApiProperty({ format: 'date', example: '2025-03-01', description: 'First day the name applies' })
  @IsISO8601({ strict: true })
  validFrom: string;

  @ApiPropertyOptional({ type: 'string', format: 'date', nullable: true, example: null, description: 'Last day the name applies; null while it still does' })
  @IsOptional()
  @IsISO8601({ strict: true })
  validTo: string | null;

  @ApiPropertyOptional({
    type: 'string',
    nullable: true,
    example: 'Nghị định 55/2025/NĐ-CP ngày 02/3/2025 quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Khoa học và Công nghệ',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  legalBasis: string | null;
}

export class BodiesInForceDto {
  @ApiProperty({ format: 'date', description: 'The day the names are for (Vietnam time)' }) date: string;
  @ApiProperty({ example: 'Bộ Khoa học và Công nghệ' }) issuingBody: string;
  @ApiProperty({ type: 'string', nullable: true, example: 'Vụ Bưu chính, Bộ Khoa học và Công nghệ' }) receivingBody: string | null;
}

export class ReplaceObligationBodiesDto {
  @ApiProperty({ description: 'The revision you read; a stale one gets 409' })
  @IsInt()
  @Min(1)
  @Max(PG_INTEGER_MAX)
  expectedRevision: number;

  @ApiProperty({ type: [ObligationBodyDto], description: 'Every dated name of the issuing and receiving body; replaces the list' })
  @ValidateNested({ each: true })
  @Type(() => ObligationBodyDto)
  @ArrayMaxSize(100)
  bodies: ObligationBodyDto[];
}
