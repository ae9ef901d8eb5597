import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { Roles } from '../access/access.decorators';
import { type Actor, CurrentActor } from '../audit/actor';
import { ApiSecured } from '../common/api-problems.decorator';
import { ObligationsService } from '../obligations/obligations.service';
import { SubmissionTargetService } from '../submission-targets/submission-target.service';
import { EntryLocksService } from './entry-locks.service';

export class GrantExceptionDto {
  @ApiProperty({ example: 'TT35-BUU-CHINH' }) @IsString() @MaxLength(64) obligationCode: string;
  @ApiProperty({ example: '2024-Y' }) @IsString() @MaxLength(16) periodKey: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() unitId: string;
  @ApiProperty({ example: 'Sở gặp sự cố mất điện kéo dài, được gia hạn theo công văn số 12/BTTTT' })
  @IsString()
  @Matches(/\S/, { message: 'reason là bắt buộc' })
  @MaxLength(2000)
  reason: string;
  @ApiProperty({ format: 'date-time', example: '2025-04-30T17:00:00Z' }) @IsISO8601({ strict: true }) endsAt: string;
}

export class GrantExceptionsDto {
  @ApiProperty({ example: 'BC-QUY-TTTT-TINH' }) @IsString() @MaxLength(64) obligationCode: string;
  @ApiProperty({ example: '2024-Q3' }) @IsString() @MaxLength(16) periodKey: string;
  @ApiProperty({ type: [String], format: 'uuid', description: 'The units that may upload and submit again (1 to 1000)' })
  @IsUUID('all', { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ArrayUnique()
  unitIds: string[];
  @ApiProperty({ example: 'Nạp lại số liệu quý III theo công văn số 45/BTTTT-VP' })
  @IsString()
  @Matches(/\S/, { message: 'reason là bắt buộc' })
  @MaxLength(2000)
  reason: string;
  @ApiProperty({ format: 'date-time', example: '2025-04-30T17:00:00Z' }) @IsISO8601({ strict: true }) endsAt: string;
}

export class ExceptionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() obligationCode: string;
  @ApiProperty() periodKey: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() reason: string;
  @ApiProperty() endsAt: Date;
  @ApiProperty({ type: String, nullable: true }) grantedBy: string | null;
  @ApiProperty() grantedAt: Date;
  @ApiProperty({ description: 'Not yet expired' }) active: boolean;
}

export class ExceptionListDto {
  @ApiProperty({ type: [ExceptionDto] }) items: ExceptionDto[];
}

export class ExceptionQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) obligation?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(16) period?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) active?: string;
}

@ApiTags('Khoá nhập liệu (entry locks)')
@Controller('api/v1/lock-exceptions')
export class LockExceptionsController {
  constructor(
    private readonly locks: EntryLocksService,
    private readonly targets: SubmissionTargetService,
    private readonly obligations: ObligationsService,
  ) {}

  @Post()
  @Roles('admin', 'ministry_reviewer')
  @ApiOperation({ summary: 'Let one unit upload and submit for a locked period until an end date (audited)', operationId: 'grantLockException' })
  @ApiCreatedResponse({ type: ExceptionDto })
  @ApiSecured(404, 422)
  async grant(@Body() body: GrantExceptionDto, @CurrentActor() actor: Actor): Promise<ExceptionDto> {
    const target = await this.targets.resolve(body.obligationCode, body.periodKey, body.unitId);
    const saved = await this.locks.grant(target, body.reason, new Date(body.endsAt), actor);
    const [listed] = await this.locks.list({ id: saved.id });
    return listed;
  }

  @Post('bulk')
  @Roles('admin', 'ministry_reviewer')
  @ApiOperation({ summary: 'Let many units upload and submit for a locked period in one action: one exception per unit, all or none (each audited)', operationId: 'grantLockExceptions' })
  @ApiCreatedResponse({ type: ExceptionListDto })
  @ApiSecured(404, 422)
  async grantMany(@Body() body: GrantExceptionsDto, @CurrentActor() actor: Actor): Promise<ExceptionListDto> {
    const targets = [];
    for (const unitId of body.unitIds) targets.push(await this.targets.resolve(body.obligationCode, body.periodKey, unitId));
    const saved = await this.locks.grantMany(targets, body.reason, new Date(body.endsAt), actor);
    return { items: await this.locks.list({ ids: saved.map((exception) => exception.id) }) };
  }

  @Get()
  @Roles('admin', 'ministry_reviewer', 'compliance_officer')
  @ApiOperation({ summary: 'Lock exceptions, newest first (active=true: not yet expired)', operationId: 'listLockExceptions' })
  @ApiOkResponse({ type: ExceptionListDto })
  @ApiSecured(404, 422)
  async list(@Query() query: ExceptionQueryDto): Promise<ExceptionListDto> {
    const obligationId = query.obligation ? (await this.obligations.find(query.obligation)).id : undefined;
    return { items: await this.locks.list({ obligationId, periodKey: query.period, unitId: query.unitId, activeOnly: query.active === 'true' }) };
  }
}
