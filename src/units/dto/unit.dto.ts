import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsEmail, IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { UNIT_KINDS, type UnitKind } from '../reporting-unit.entity';

export class UnitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '01', description: 'Official administrative code (reused after mergers: read with validity).' })
  code: string;
  @ApiProperty({ example: 'Thành phố Hà Nội' }) name: string;
  @ApiProperty({ example: 'Thanh pho Ha Noi' }) nameAscii: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind: UnitKind;
  @ApiProperty({ type: String, example: 'Đồng bằng sông Hồng', nullable: true }) region: string | null;
  @ApiProperty({ example: '2008-08-01', format: 'date' }) validFrom: string;
  @ApiProperty({ type: String, example: null, format: 'date', nullable: true }) validTo: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) successorId: string | null;
  @ApiProperty({
    example: 'Sở Khoa học và Công nghệ Thành phố Hà Nội',
    description: "The unit's reporting department on activeOn (default today; a ceased unit: on its last day)",
  })
  departmentName: string;
}

export class UnitListDto {
  @ApiProperty({ type: [UnitDto] }) items: UnitDto[];
  @ApiProperty({ example: 63 }) total: number;
}

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class UnitQueryDto {
  @ApiPropertyOptional({ enum: UNIT_KINDS })
  @IsOptional()
  @IsIn(UNIT_KINDS)
  kind?: UnitKind;

  @ApiPropertyOptional({ example: 'Đồng bằng sông Hồng' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string;

  @ApiPropertyOptional({ description: 'Name or code contains (case and diacritics ignored).', example: 'ha noi' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ example: '01' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  code?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Units that exist on this day (default: today).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  activeOn?: string;

  @ApiPropertyOptional({ description: 'Include units of every validity period (ignores activeOn).' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  all?: boolean;
}

export class UnitContactsDto {
  @ApiProperty({ type: [String], example: ['vanthu@stttt.hanoi.gov.vn'] })
  @IsEmail({}, { each: true })
  @ArrayMaxSize(20)
  submitterEmails: string[];

  @ApiPropertyOptional({ type: String, example: 'giamdoc@stttt.hanoi.gov.vn', nullable: true })
  @IsOptional()
  @IsEmail()
  leadershipEmail: string | null;
}

export class MergerEntryDto {
  @ApiProperty({ example: '08' }) @IsString() @MaxLength(16) code: string;
  @ApiProperty({ example: 'Tuyên Quang' }) @IsString() @MaxLength(200) name: string;
  @ApiProperty({ type: [String], example: ['02', '08'] }) @IsString({ each: true }) @ArrayMaxSize(20) oldCodes: string[];
}

export class MergerImportDto {
  @ApiProperty({ format: 'date', example: '2025-07-01', description: 'First day of the new units' })
  @IsISO8601({ strict: true })
  effectiveFrom: string;

  @ApiProperty({ example: 'Nghị quyết 202/2025/QH15 ngày 12/6/2025 của Quốc hội' })
  @IsString()
  @MaxLength(500)
  legalBasis: string;

  @ApiPropertyOptional({ type: [MergerEntryDto], description: 'The mapping as JSON, or give `csv` instead' })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => MergerEntryDto)
  @ArrayMaxSize(1000)
  units?: MergerEntryDto[];

  @ApiPropertyOptional({ description: 'The mapping as CSV: new_code,new_name_vi,old_codes (old codes separated by |)' })
  @IsOptional()
  @IsString()
  @MaxLength(1_000_000)
  csv?: string;
}

export class MergerResultDto {
  @ApiProperty({ format: 'date' }) effectiveFrom: string;
  @ApiProperty({ example: 23 }) created: number;
  @ApiProperty({ example: 1 }) renamed: number;
  @ApiProperty({ example: 10 }) unchanged: number;
  @ApiProperty({ example: 52 }) retired: number;
}
