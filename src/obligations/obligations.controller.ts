import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { attachmentDisposition } from '../common/content-disposition';
import { ALL_ROLES, Roles } from '../access/access.decorators';
import { type Actor, CurrentActor } from '../audit/actor';
import { ApiFileResponse, XLSX_MEDIA_TYPE } from '../common/api-file.decorator';
import { ApiSecured } from '../common/api-problems.decorator';
import { IntParam } from '../common/integer-param';
import { PeriodListDto, PeriodQueryDto } from '../periods/dto/period.dto';
import {
  CreateObligationDto,
  ObligationDto,
  ObligationListDto,
  ObligationQueryDto,
  RetireObligationDto,
  UpdateObligationDto,
} from './dto/obligation.dto';
import { ObligationBodyDto, ReplaceObligationBodiesDto } from './dto/obligation-body.dto';
import { SchemaVersionDto, SchemaVersionInputDto, SchemaVersionListDto } from './dto/schema.dto';
import { ObligationBodiesService } from './obligation-bodies.service';
import { ObligationPeriodsService } from './obligation-periods.service';
import { ObligationsService } from './obligations.service';
import { ReportSchemasService } from './report-schemas.service';

@ApiTags('Nghĩa vụ báo cáo (obligations)')
@Controller('api/v1/obligations')
export class ObligationsController {
  constructor(
    private readonly obligations: ObligationsService,
    private readonly schemas: ReportSchemasService,
    private readonly periods: ObligationPeriodsService,
    private readonly bodies: ObligationBodiesService,
  ) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'List reporting obligations', operationId: 'listObligations' })
  @ApiOkResponse({ type: ObligationListDto })
  @ApiSecured(422)
  list(@Query() query: ObligationQueryDto): Promise<ObligationListDto> {
    return this.obligations.list(query);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create an obligation (admin)', operationId: 'createObligation' })
  @ApiCreatedResponse({ type: ObligationDto })
  @ApiSecured(409, 422)
  create(@Body() body: CreateObligationDto, @CurrentActor() actor: Actor): Promise<ObligationDto> {
    return this.obligations.create(body, actor);
  }

  @Get(':code')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Read an obligation', operationId: 'getObligation' })
  @ApiOkResponse({ type: ObligationDto })
  @ApiSecured(404)
  get(@Param('code') code: string): Promise<ObligationDto> {
    return this.obligations.get(code);
  }

  @Patch(':code')
  @Roles('admin')
  @ApiOperation({ summary: 'Change an obligation (admin; optimistic concurrency on revision)', operationId: 'updateObligation' })
  @ApiOkResponse({ type: ObligationDto })
  @ApiSecured(404, 409, 422)
  update(@Param('code') code: string, @Body() body: UpdateObligationDto, @CurrentActor() actor: Actor): Promise<ObligationDto> {
    return this.obligations.update(code, body, actor);
  }

  @Post(':code/retire')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retire an obligation (admin): no new periods are expected', operationId: 'retireObligation' })
  @ApiOkResponse({ type: ObligationDto })
  @ApiSecured(404, 409, 422)
  retire(@Param('code') code: string, @Body() body: RetireObligationDto, @CurrentActor() actor: Actor): Promise<ObligationDto> {
    return this.obligations.retire(code, body.reason, actor);
  }

  @Put(':code/bodies')
  @Roles('admin')
  @ApiOperation({
    summary: 'Replace the dated names of the issuing and receiving body (admin; optimistic concurrency on revision)',
    operationId: 'replaceObligationBodies',
  })
  @ApiOkResponse({ type: [ObligationBodyDto] })
  @ApiSecured(404, 409, 422)
  replaceBodies(@Param('code') code: string, @Body() body: ReplaceObligationBodiesDto, @CurrentActor() actor: Actor): Promise<ObligationBodyDto[]> {
    return this.bodies.replace(code, body.expectedRevision, body.bodies, actor);
  }

  @Get(':code/periods')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Periods with cut-off window, due date and status (open, due, overdue) at a moment', operationId: 'listObligationPeriods' })
  @ApiOkResponse({ type: PeriodListDto })
  @ApiSecured(404, 422)
  listPeriods(@Param('code') code: string, @Query() query: PeriodQueryDto): Promise<PeriodListDto> {
    return this.periods.list(code, query.from, query.to, query.at);
  }

  @Get(':code/periods/:periodKey/schema')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: "The schema version in force for a period: the one its reports are validated against (and the web entry form's fields)", operationId: 'getPeriodSchema' })
  @ApiOkResponse({ type: SchemaVersionDto })
  @ApiSecured(404, 422)
  async periodSchema(@Param('code') code: string, @Param('periodKey') periodKey: string): Promise<SchemaVersionDto> {
    const period = this.periods.period(await this.obligations.find(code), periodKey);
    return this.schemas.inForceFor(code, period);
  }

  @Get(':code/schemas')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'List the schema versions of an obligation', operationId: 'listSchemaVersions' })
  @ApiOkResponse({ type: SchemaVersionListDto })
  @ApiSecured(404)
  async listSchemas(@Param('code') code: string): Promise<SchemaVersionListDto> {
    return { items: await this.schemas.list(code) };
  }

  @Post(':code/schemas')
  @Roles('admin')
  @ApiOperation({ summary: 'Add a schema version (admin); the definition is validated, bad rules get 422', operationId: 'createSchemaVersion' })
  @ApiCreatedResponse({ type: SchemaVersionDto })
  @ApiSecured(404, 422)
  createSchema(@Param('code') code: string, @Body() body: SchemaVersionInputDto, @CurrentActor() actor: Actor): Promise<SchemaVersionDto> {
    return this.schemas.create(code, body, actor);
  }

  @Get(':code/schemas/:version')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Read a schema version', operationId: 'getSchemaVersion' })
  @ApiOkResponse({ type: SchemaVersionDto })
  @ApiSecured(400, 404)
  getSchema(@Param('code') code: string, @IntParam('version') version: number): Promise<SchemaVersionDto> {
    return this.schemas.get(code, version);
  }

  @Get(':code/schemas/:version/template.xlsx')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Ready-to-fill workbook: Vietnamese headers, hidden key row, data validation, instructions sheet', operationId: 'downloadSchemaTemplate' })
  @ApiFileResponse('XLSX workbook', XLSX_MEDIA_TYPE)
  @ApiSecured(400, 404)
  async template(@Param('code') code: string, @IntParam('version') version: number): Promise<StreamableFile> {
    const { content, fileName } = await this.schemas.template(code, version);
    return new StreamableFile(content, {
      type: XLSX_MEDIA_TYPE,
      disposition: attachmentDisposition(fileName),
      length: content.length,
    });
  }

  @Put(':code/schemas/:version')
  @Roles('admin')
  @ApiOperation({ summary: 'Edit a schema version not yet used by any submission (admin); 409 once used', operationId: 'updateSchemaVersion' })
  @ApiOkResponse({ type: SchemaVersionDto })
  @ApiSecured(400, 404, 409, 422)
  updateSchema(
    @Param('code') code: string,
    @IntParam('version') version: number,
    @Body() body: SchemaVersionInputDto,
    @CurrentActor() actor: Actor,
  ): Promise<SchemaVersionDto> {
    return this.schemas.update(code, version, body, actor);
  }
}
