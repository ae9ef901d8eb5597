import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { unprocessable } from '../common/app-error';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES, Roles, UnitScoped } from '../access/access.decorators';
import { type Actor, CurrentActor } from '../audit/actor';
import { ApiSecured } from '../common/api-problems.decorator';
import { MergerImportDto, MergerResultDto, UnitContactsDto, UnitDto, UnitListDto, UnitQueryDto } from './dto/unit.dto';
import { parseMergerCsv } from './merger-plan';
import { UnitMergersService } from './unit-mergers.service';
import { UnitsService } from './units.service';

@ApiTags('Đơn vị báo cáo (units)')
@Controller('api/v1/units')
export class UnitsController {
  constructor(
    private readonly units: UnitsService,
    private readonly mergers: UnitMergersService,
  ) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'List reporting units (by default those existing today)', operationId: 'listUnits' })
  @ApiOkResponse({ type: UnitListDto })
  @ApiSecured(422)
  list(@Query() query: UnitQueryDto): Promise<UnitListDto> {
    return this.units.list(query);
  }

  @Post('mergers')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import a reorganisation (e.g. 63 -> 34 provinces from 1 July 2025): old units end the day before and point to their successor; idempotent',
    operationId: 'importUnitMerger',
  })
  @ApiOkResponse({ type: MergerResultDto })
  @ApiSecured(422)
  importMerger(@Body() body: MergerImportDto, @CurrentActor() actor: Actor): Promise<MergerResultDto> {
    const entries = body.units ?? (body.csv ? parseMergerCsv(body.csv) : null);
    if (!entries) throw unprocessable('validation_failed', 'Cần `units` hoặc `csv`.', [{ field: 'units', code: 'required', message: 'units hoặc csv là bắt buộc' }]);
    return this.mergers.import(body.effectiveFrom, body.legalBasis, entries, actor);
  }

  @Get(':unitId')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Read one reporting unit', operationId: 'getUnit' })
  @ApiOkResponse({ type: UnitDto })
  @ApiSecured(400, 404)
  get(@Param('unitId', ParseUUIDPipe) unitId: string): Promise<UnitDto> {
    return this.units.get(unitId);
  }

  @Get(':unitId/contacts')
  @Roles(...ALL_ROLES)
  @UnitScoped('unitId')
  @ApiOperation({ summary: "Read a unit's reminder contacts (officers: own unit only)", operationId: 'getUnitContacts' })
  @ApiOkResponse({ type: UnitContactsDto })
  @ApiSecured(400, 404)
  contacts(@Param('unitId', ParseUUIDPipe) unitId: string): Promise<UnitContactsDto> {
    return this.units.contacts(unitId);
  }

  @Put(':unitId/contacts')
  @Roles('province_officer', 'admin')
  @UnitScoped('unitId')
  @ApiOperation({ summary: "Replace a unit's reminder contacts (officers: own unit only)", operationId: 'putUnitContacts' })
  @ApiOkResponse({ type: UnitContactsDto })
  @ApiSecured(400, 404, 422)
  updateContacts(
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Body() body: UnitContactsDto,
    @CurrentActor() actor: Actor,
  ): Promise<UnitContactsDto> {
    return this.units.updateContacts(unitId, body, actor);
  }
}
