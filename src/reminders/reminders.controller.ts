import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../access/access.decorators';
import { type Actor, CurrentActor } from '../audit/actor';
import { ApiSecured } from '../common/api-problems.decorator';
import { DeliveryQueryDto, ReminderDeliveryListDto, ReminderListDto, ReminderQueryDto } from './dto/reminder.dto';
import { RemindNowDto, RemindNowResultDto } from './dto/remind-now.dto';
import { ReminderQueryService } from './reminder-query.service';
import { RemindNowService } from './remind-now.service';

@ApiTags('Nhắc hạn (reminders)')
@Controller('api/v1/reminders')
export class RemindersController {
  constructor(
    private readonly queries: ReminderQueryService,
    private readonly remindNow: RemindNowService,
  ) {}

  @Get()
  @Roles('admin', 'compliance_officer')
  @ApiOperation({ summary: 'Reminders planned or skipped, newest first, with what became of their e-mail', operationId: 'listReminders' })
  @ApiOkResponse({ type: ReminderListDto })
  @ApiSecured(422)
  list(@Query() query: ReminderQueryDto): Promise<ReminderListDto> {
    return this.queries.reminders(query);
  }

  @Get('deliveries')
  @Roles('admin', 'compliance_officer')
  @ApiOperation({ summary: 'Every SMTP attempt of reminder e-mails, with the server reply', operationId: 'listReminderDeliveries' })
  @ApiOkResponse({ type: ReminderDeliveryListDto })
  @ApiSecured(422)
  deliveries(@Query() query: DeliveryQueryDto): Promise<ReminderDeliveryListDto> {
    return this.queries.deliveries(query);
  }

  @Post('remind-now')
  @HttpCode(200)
  @Roles('admin', 'compliance_officer')
  @ApiOperation({
    summary: 'Remind one unit, or every unit of a period that still has something to do, now (idempotent per Vietnam day)',
    operationId: 'remindNow',
  })
  @ApiOkResponse({ type: RemindNowResultDto })
  @ApiSecured(404, 409, 422)
  remind(@Body() body: RemindNowDto, @CurrentActor() actor: Actor): Promise<RemindNowResultDto> {
    return this.remindNow.remind(body, actor);
  }
}
