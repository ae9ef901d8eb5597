import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { ALL_ROLES, Roles, UnitScoped } from '../access/access.decorators';
import { unprocessable } from '../common/app-error';
import { ApiSecured } from '../common/api-problems.decorator';
import { ObligationPeriodsService } from '../obligations/obligation-periods.service';
import { ObligationsService } from '../obligations/obligations.service';
import { periodsBetween } from '../periods/domain';
import { UnitHistoryService, type UnitPeriodValues } from './unit-history.service';

const KEY = /^\d{4}-(M(0[1-9]|1[0-2])|Q[1-4]|H[12]|9M|Y)$/;

export class TrendQueryDto {
  @ApiProperty({ example: '2025-Q2' }) @Matches(KEY, { message: 'from phải là mã kỳ, ví dụ 2025-Q2' }) from: string;
  @ApiProperty({ example: '2025-Q3' }) @Matches(KEY, { message: 'to phải là mã kỳ, ví dụ 2025-Q3' }) to: string;
}

export class TrendUnitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '08' }) code: string;
  @ApiProperty({ example: 'Tỉnh Tuyên Quang' }) name: string;
  @ApiProperty({ description: 'Its report for the period is approved' }) approved: boolean;
}

export class UnitPeriodValuesDto {
  @ApiProperty({ example: '2025-Q2' }) periodKey: string;
  @ApiProperty({ example: 'Quý II/2025' }) label: string;
  @ApiProperty({ type: [TrendUnitDto], description: 'The units whose approved reports stand for the unit (its predecessors before a merger)' })
  units: TrendUnitDto[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, example: { san_luong_buu_gui: 300 }, description: "Per numeric field: the schema's aggregate over those units' approved rows" })
  values: Record<string, number>;
}

export class UnitTrendDto {
  @ApiProperty() obligationCode: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ type: [UnitPeriodValuesDto] }) periods: UnitPeriodValues[];
}

@ApiTags('Lịch sử theo đơn vị (unit history)')
@Controller('api/v1/obligations/:code/units/:unitId/trend')
export class HistoryController {
  constructor(
    private readonly obligations: ObligationsService,
    private readonly periods: ObligationPeriodsService,
    private readonly history: UnitHistoryService,
  ) {}

  @Get()
  @Roles(...ALL_ROLES)
  @UnitScoped('unitId')
  @ApiOperation({
    summary: "A unit's approved values per period; before a merger, its predecessors' values are summed into it",
    operationId: 'getUnitTrend',
  })
  @ApiOkResponse({ type: UnitTrendDto })
  @ApiSecured(400, 404, 422)
  async trend(@Param('code') code: string, @Param('unitId', ParseUUIDPipe) unitId: string, @Query() query: TrendQueryDto): Promise<UnitTrendDto> {
    const obligation = await this.obligations.find(code);
    const first = this.periods.period(obligation, query.from, 'from');
    const last = this.periods.period(obligation, query.to, 'to');
    const periods = periodsBetween(obligation.periodType, first.start, last.end);
    if (periods.length > 60) throw unprocessable('validation_failed', 'Tối đa 60 kỳ mỗi lần.', [{ field: 'to', code: 'too_many_periods', message: 'khoảng from–to chứa quá 60 kỳ' }]);
    const values: UnitPeriodValues[] = [];
    for (const period of periods) values.push(await this.history.valuesFor(obligation, period, unitId));
    return { obligationCode: code, unitId, periods: values };
  }
}
