import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import { ALL_ROLES, Roles, UnitScoped } from '../access/access.decorators';
import { type Actor, CurrentActor } from '../audit/actor';
import { ApiFileResponse, XLSX_MEDIA_TYPE } from '../common/api-file.decorator';
import { ApiSecured } from '../common/api-problems.decorator';
import { attachmentDisposition } from '../common/content-disposition';
import { IntParam } from '../common/integer-param';
import {
  DiffQueryDto,
  DryRunResultDto,
  RowsDto,
  RowsQueryDto,
  SubmissionDto,
  SubmitDto,
  SubmitResultDto,
  UploadQueryDto,
  UploadResultDto,
  VersionDetailDto,
  VersionDiffDto,
  VersionListDto,
} from './dto/submission.dto';
import { AnnotatedWorkbookService } from './annotated-workbook.service';
import { SpooledFileInterceptor } from './intake/spooled-file.interceptor';
import type { SpooledFile } from './intake/spooled-file';
import { SubmissionsService } from './submissions.service';
import { UploadService } from './upload.service';

const BASE = 'api/v1/obligations/:code/periods/:periodKey/units/:unitId/submission';

@ApiTags('Báo cáo của đơn vị (submissions)')
@Controller(BASE)
@UnitScoped('unitId')
export class SubmissionsController {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly uploads: UploadService,
    private readonly annotated: AnnotatedWorkbookService,
  ) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: "A unit's submission for an obligation and period (not_started when nothing was uploaded)", operationId: 'getSubmission' })
  @ApiOkResponse({ type: SubmissionDto })
  @ApiSecured(400, 404, 422)
  get(@Param('code') code: string, @Param('periodKey') periodKey: string, @Param('unitId', ParseUUIDPipe) unitId: string): Promise<SubmissionDto> {
    return this.submissions.get(code, periodKey, unitId);
  }

  @Post('versions')
  @Roles('province_officer', 'admin')
  @UseInterceptors(SpooledFileInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: 'CSV (UTF-8), XLSX or JSON' } } } })
  @ApiOperation({
    summary: 'Upload a report file: validated at once; every upload becomes a version (the same bytes twice: 200 with the earlier version)',
    operationId: 'uploadSubmissionVersion',
  })
  @ApiExtraModels(UploadResultDto, DryRunResultDto)
  @ApiCreatedResponse({ type: UploadResultDto, description: 'A new version was stored' })
  @ApiOkResponse({
    description: 'UploadResultDto: these bytes were uploaded before (nothing new stored); DryRunResultDto with dryRun=true: the report and what would change, nothing stored',
    schema: { oneOf: [{ $ref: getSchemaPath(UploadResultDto) }, { $ref: getSchemaPath(DryRunResultDto) }] },
  })
  @ApiSecured(400, 404, 409, 413, 415, 422)
  async upload(
    @Param('code') code: string,
    @Param('periodKey') periodKey: string,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Query() query: UploadQueryDto,
    @UploadedFile() file: SpooledFile | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<UploadResultDto | DryRunResultDto> {
    if (query.dryRun === 'true') {
      response.status(200);
      return this.uploads.dryRun(code, periodKey, unitId, file);
    }
    const outcome = await this.uploads.upload(code, periodKey, unitId, file, actor);
    response.status(outcome.duplicate ? 200 : 201);
    const { report, ...version } = outcome.detail ?? (await this.submissions.version(code, periodKey, unitId, outcome.version.number));
    const known = new Map([[outcome.version.id, outcome.version.number]]);
    return { submission: await this.submissions.viewOf(outcome.target, outcome.submission, undefined, known), version, duplicate: outcome.duplicate, report };
  }

  @Get('versions')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Every uploaded version, oldest first', operationId: 'listSubmissionVersions' })
  @ApiOkResponse({ type: VersionListDto })
  @ApiSecured(400, 404, 422)
  async versions(@Param('code') code: string, @Param('periodKey') periodKey: string, @Param('unitId', ParseUUIDPipe) unitId: string): Promise<VersionListDto> {
    return { items: await this.submissions.versions(code, periodKey, unitId) };
  }

  @Get('versions/:number')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'One version with its full validation report', operationId: 'getSubmissionVersion' })
  @ApiOkResponse({ type: VersionDetailDto })
  @ApiSecured(400, 404, 422)
  version(
    @Param('code') code: string,
    @Param('periodKey') periodKey: string,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @IntParam('number') number: number,
  ): Promise<VersionDetailDto> {
    return this.submissions.version(code, periodKey, unitId, number);
  }

  @Get('versions/:number/file')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'The original file of a version, byte for byte', operationId: 'downloadSubmissionFile' })
  @ApiFileResponse('The uploaded bytes, with the media type of their format; X-Content-SHA256 carries their hash', 'text/csv', XLSX_MEDIA_TYPE, 'application/json')
  @ApiSecured(400, 404, 422)
  async file(
    @Param('code') code: string,
    @Param('periodKey') periodKey: string,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @IntParam('number') number: number,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const file = await this.submissions.file(code, periodKey, unitId, number);
    response.setHeader('X-Content-SHA256', file.sha256);
    return new StreamableFile(file.content, { type: file.mediaType, disposition: attachmentDisposition(file.originalName), length: file.length });
  }

  @Get('versions/:number/annotated.xlsx')
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary: "The officer's own workbook with each problem marked: offending cells filled and the Vietnamese message as a cell note, plus a sheet listing every issue (a CSV or JSON upload becomes an XLSX of its rows)",
    operationId: 'downloadAnnotatedWorkbook',
  })
  @ApiFileResponse('XLSX workbook', XLSX_MEDIA_TYPE)
  @ApiSecured(400, 404, 422)
  async annotatedWorkbook(
    @Param('code') code: string,
    @Param('periodKey') periodKey: string,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @IntParam('number') number: number,
  ): Promise<StreamableFile> {
    const workbook = await this.annotated.build(code, periodKey, unitId, number);
    return new StreamableFile(workbook.content, {
      type: XLSX_MEDIA_TYPE,
      disposition: attachmentDisposition(workbook.fileName),
      length: workbook.content.length,
    });
  }

  @Get('versions/:number/rows')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'The typed data rows of a version', operationId: 'listSubmissionRows' })
  @ApiOkResponse({ type: RowsDto })
  @ApiSecured(400, 404, 422)
  rows(
    @Param('code') code: string,
    @Param('periodKey') periodKey: string,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @IntParam('number') number: number,
    @Query() query: RowsQueryDto,
  ): Promise<RowsDto> {
    return this.submissions.rows(code, periodKey, unitId, number, query.offset, query.limit);
  }

  @Get('diff')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Difference between two versions, row by row and field by field (rows matched by the schema key columns)', operationId: 'diffSubmissionVersions' })
  @ApiOkResponse({ type: VersionDiffDto })
  @ApiSecured(400, 404, 422)
  diff(
    @Param('code') code: string,
    @Param('periodKey') periodKey: string,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Query() query: DiffQueryDto,
  ): Promise<VersionDiffDto> {
    return this.submissions.diff(code, periodKey, unitId, query.from, query.to);
  }

  @Post('submit')
  @Roles('province_officer', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Submit a valid version for review: warnings need a justification, a locked period gets 409; returns the signed receipt',
    operationId: 'submitSubmission',
  })
  @ApiOkResponse({ type: SubmitResultDto })
  @ApiSecured(400, 404, 409, 422)
  submit(
    @Param('code') code: string,
    @Param('periodKey') periodKey: string,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Body() body: SubmitDto,
    @CurrentActor() actor: Actor,
  ): Promise<SubmitResultDto> {
    return this.submissions.submit(code, periodKey, unitId, body, actor);
  }
}
