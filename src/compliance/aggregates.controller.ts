import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../access/access.decorators';
import { ApiFileResponse, XLSX_MEDIA_TYPE } from '../common/api-file.decorator';
import { ApiSecured } from '../common/api-problems.decorator';
import { AggregatesService } from './aggregates.service';
import { ComplianceExportsService } from './compliance-exports.service';
import { NATIONAL_ROLES } from './compliance-roles';
import { AggregatesDto } from './dto/aggregates.dto';
import { ExportQueryDto } from './dto/compliance-query.dto';
import { exportResponse } from './export-response';

@ApiTags('Theo dõi tiến độ nộp báo cáo (compliance)')
@Controller('api/v1/compliance/obligations/:code/periods/:periodKey/aggregates')
@Roles(...NATIONAL_ROLES)
export class AggregatesController {
  constructor(
    private readonly aggregates: AggregatesService,
    private readonly exports: ComplianceExportsService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'National aggregates over approved reports (sum, average or count per the schema), with change against the previous period and the same period last year',
    operationId: 'getNationalAggregates',
  })
  @ApiOkResponse({ type: AggregatesDto })
  @ApiSecured(404, 422)
  get(@Param('code') code: string, @Param('periodKey') periodKey: string): Promise<AggregatesDto> {
    return this.aggregates.aggregates(code, periodKey);
  }

  @Get('export')
  @ApiOperation({ summary: 'National aggregates as XLSX or CSV (UTF-8 with BOM)', operationId: 'exportNationalAggregates' })
  @ApiFileResponse('Attachment (Content-Disposition gives its file name)', XLSX_MEDIA_TYPE, 'text/csv')
  @ApiSecured(404, 422)
  async export(@Param('code') code: string, @Param('periodKey') periodKey: string, @Query() query: ExportQueryDto): Promise<StreamableFile> {
    return exportResponse(await this.exports.nationalAggregates(code, periodKey, query));
  }
}
