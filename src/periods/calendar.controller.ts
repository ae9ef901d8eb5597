import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES, Roles } from '../access/access.decorators';
import { type Actor, CurrentActor } from '../audit/actor';
import { ApiSecured } from '../common/api-problems.decorator';
import { IntParam } from '../common/integer-param';
import { MAX_SUPPORTED_YEAR, MIN_SUPPORTED_YEAR } from './domain';
import { CalendarOverrideDto, CalendarOverrideInputDto, CalendarYearDto } from './dto/calendar.dto';
import { WorkingCalendarService } from './working-calendar.service';

@ApiTags('Lịch làm việc (working-day calendar)')
@Controller('api/v1/calendar')
export class CalendarController {
  constructor(private readonly calendars: WorkingCalendarService) {}

  @Get(':year')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Days off of a year (holidays incl. lunar ones, compensatory days, announced swaps)', operationId: 'getCalendarYear' })
  @ApiOkResponse({ type: CalendarYearDto })
  @ApiSecured(400)
  async year(@IntParam('year', { min: MIN_SUPPORTED_YEAR, max: MAX_SUPPORTED_YEAR }) year: number): Promise<CalendarYearDto> {
    const calendar = await this.calendars.calendar();
    const overrides = await this.calendars.overrides(year);
    return {
      year,
      daysOff: calendar.holidaysOf(year),
      overrides: overrides.map(({ date, kind, reason }) => ({ date, kind, reason })),
      workingDays: calendar.workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`),
    };
  }

  @Put('overrides/:date')
  @Roles('admin')
  @ApiOperation({ summary: 'Set an announced day off or make-up working day (admin)', operationId: 'putCalendarOverride' })
  @ApiOkResponse({ type: CalendarOverrideDto })
  @ApiSecured(422)
  async set(@Param('date') date: string, @Body() body: CalendarOverrideInputDto, @CurrentActor() actor: Actor): Promise<CalendarOverrideDto> {
    const row = await this.calendars.setOverride(date, body.kind, body.reason, actor);
    return { date: row.date, kind: row.kind, reason: row.reason };
  }

  @Delete('overrides/:date')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an override (admin)', operationId: 'deleteCalendarOverride' })
  @ApiNoContentResponse()
  @ApiSecured(404)
  async remove(@Param('date') date: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.calendars.removeOverride(date, actor);
  }
}
