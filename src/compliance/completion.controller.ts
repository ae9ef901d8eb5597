import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../access/access.decorators';
import { ApiFileResponse, XLSX_MEDIA_TYPE } from '../common/api-file.decorator';
import { ApiSecured } from '../common/api-problems.decorator';
import { ComplianceExportsService } from './compliance-exports.service';
import { NATIONAL_ROLES } from './compliance-roles';
import { CompletionService } from './completion.service';
import { CompletionQueryDto, ExportQueryDto, PeriodRangeQueryDto } from './dto/compliance-query.dto';
import { CompletionDto, OwingUnitContactsListDto, PeriodCompletionListDto, TrendDto, UnitCompletionListDto } from './dto/completion.dto';
import { OwingContactsService } from './owing-contacts.service';
import { exportResponse } from './export-response';

@ApiTags('Theo dõi tiến độ nộp báo cáo (compliance)')
@Controller('api/v1/compliance')
@Roles(...NATIONAL_ROLES)
export class CompletionController {
  constructor(
    private readonly completion: CompletionService,
    private readonly exports: ComplianceExportsService,
    private readonly owing: OwingContactsService,
  ) {}

  @Get('obligations/:code/periods/:periodKey')
  @ApiOperation({
    summary: 'Completion of an obligation for a period: expected units, counts by status, on time, late, overdue now, percentage by the obligation rule, units still owing (the first owingLimit)',
    operationId: 'getCompletion',
  })
  @ApiOkResponse({ type: CompletionDto })
  @ApiSecured(404, 422)
  get(@Param('code') code: string, @Param('periodKey') periodKey: string, @Query() query: CompletionQueryDto): Promise<CompletionDto> {
    return this.completion.completion(code, periodKey, query.owingLimit);
  }

  @Get('obligations/:code/periods/:periodKey/units')
  @ApiOperation({ summary: 'The completion table: every expected unit with status, due date, submission times, days late or overdue', operationId: 'listCompletionUnits' })
  @ApiOkResponse({ type: UnitCompletionListDto })
  @ApiSecured(404, 422)
  units(@Param('code') code: string, @Param('periodKey') periodKey: string): Promise<UnitCompletionListDto> {
    return this.completion.units(code, periodKey);
  }

  @Get('obligations/:code/periods/:periodKey/owing')
  @ApiOperation({ summary: "Every expected unit that has not complied, with its contacts (submitter and leadership addresses, officer accounts)", operationId: 'listOwingUnitContacts' })
  @ApiOkResponse({ type: OwingUnitContactsListDto })
  @ApiSecured(404, 422)
  owingContacts(@Param('code') code: string, @Param('periodKey') periodKey: string): Promise<OwingUnitContactsListDto> {
    return this.owing.list(code, periodKey);
  }

  @Get('obligations/:code/periods/:periodKey/units/export')
  @ApiOperation({ summary: 'The completion table as XLSX or CSV (UTF-8 with BOM)', operationId: 'exportCompletionUnits' })
  @ApiFileResponse('Attachment (Content-Disposition gives its file name)', XLSX_MEDIA_TYPE, 'text/csv')
  @ApiSecured(404, 422)
  async exportUnits(@Param('code') code: string, @Param('periodKey') periodKey: string, @Query() query: ExportQueryDto): Promise<StreamableFile> {
    return exportResponse(await this.exports.completionTable(code, periodKey, query));
  }

  @Get('obligations/:code/trend')
  @ApiOperation({ summary: 'Completion figures of an obligation across periods (default: the latest 8 started periods)', operationId: 'getCompletionTrend' })
  @ApiOkResponse({ type: TrendDto })
  @ApiSecured(404, 422)
  trend(@Param('code') code: string, @Query() query: PeriodRangeQueryDto): Promise<TrendDto> {
    return this.completion.trend(code, query.from, query.to);
  }

  @Get('periods/:periodKey')
  @ApiOperation({
    summary: "Completion of every obligation for a period: the obligations reporting by the key's period type (2024-Q1: the quarterly ones), active by its end and not retired before it",
    operationId: 'getPeriodCompletion',
  })
  @ApiOkResponse({ type: PeriodCompletionListDto })
  @ApiSecured(422)
  period(@Param('periodKey') periodKey: string): Promise<PeriodCompletionListDto> {
    return this.completion.period(periodKey);
  }
}
