import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES, CurrentUser, Roles } from '../access/access.decorators';
import type { AuthenticatedUser } from '../access/authenticated-user';
import { ApiFileResponse, XLSX_MEDIA_TYPE } from '../common/api-file.decorator';
import { ApiSecured } from '../common/api-problems.decorator';
import { ComplianceExportsService } from './compliance-exports.service';
import { ExportQueryDto, MatrixPageQueryDto, PeriodMatrixExportQueryDto, PeriodMatrixQueryDto } from './dto/compliance-query.dto';
import { MatrixDto } from './dto/matrix.dto';
import { exportResponse } from './export-response';
import { DEFAULT_PAGE, MatrixService } from './matrix.service';

@ApiTags('Theo dõi tiến độ nộp báo cáo (compliance)')
@Controller('api/v1/compliance')
@Roles(...ALL_ROLES)
export class MatrixController {
  constructor(
    private readonly matrices: MatrixService,
    private readonly exports: ComplianceExportsService,
  ) {}

  @Get('obligations/:code/matrix')
  @ApiOperation({ summary: 'Units x periods for one obligation (status, due date, submitted time, days late per cell); officers get their own unit only', operationId: 'getPeriodMatrix' })
  @ApiOkResponse({ type: MatrixDto })
  @ApiSecured(404, 422)
  byPeriods(@Param('code') code: string, @Query() query: PeriodMatrixQueryDto, @CurrentUser() user: AuthenticatedUser): Promise<MatrixDto> {
    return this.matrices.byPeriods(code, query.from, query.to, { offset: query.offset ?? DEFAULT_PAGE.offset, limit: query.limit ?? DEFAULT_PAGE.limit }, user);
  }

  @Get('obligations/:code/matrix/export')
  @ApiOperation({ summary: 'Units x periods as XLSX (grid and details) or CSV (details, UTF-8 with BOM)', operationId: 'exportPeriodMatrix' })
  @ApiFileResponse('Attachment (Content-Disposition gives its file name)', XLSX_MEDIA_TYPE, 'text/csv')
  @ApiSecured(404, 422)
  async exportByPeriods(@Param('code') code: string, @Query() query: PeriodMatrixExportQueryDto, @CurrentUser() user: AuthenticatedUser): Promise<StreamableFile> {
    return exportResponse(await this.exports.matrixByPeriods(code, query.from, query.to, query, user));
  }

  @Get('periods/:periodKey/matrix')
  @ApiOperation({ summary: "Units x obligations for one period (the obligations of the key's period type); officers get their own unit only", operationId: 'getObligationMatrix' })
  @ApiOkResponse({ type: MatrixDto })
  @ApiSecured(422)
  byObligations(@Param('periodKey') periodKey: string, @Query() query: MatrixPageQueryDto, @CurrentUser() user: AuthenticatedUser): Promise<MatrixDto> {
    return this.matrices.byObligations(periodKey, { offset: query.offset ?? DEFAULT_PAGE.offset, limit: query.limit ?? DEFAULT_PAGE.limit }, user);
  }

  @Get('periods/:periodKey/matrix/export')
  @ApiOperation({ summary: 'Units x obligations as XLSX (grid and details) or CSV (details, UTF-8 with BOM)', operationId: 'exportObligationMatrix' })
  @ApiFileResponse('Attachment (Content-Disposition gives its file name)', XLSX_MEDIA_TYPE, 'text/csv')
  @ApiSecured(422)
  async exportByObligations(@Param('periodKey') periodKey: string, @Query() query: ExportQueryDto, @CurrentUser() user: AuthenticatedUser): Promise<StreamableFile> {
    return exportResponse(await this.exports.matrixByObligations(periodKey, query, user));
  }
}
