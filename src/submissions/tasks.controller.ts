import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES, Roles, UnitScoped } from '../access/access.decorators';
import { ApiSecured } from '../common/api-problems.decorator';
import { TaskListDto } from './dto/task.dto';
import { TasksService } from './tasks.service';

@ApiTags('Báo cáo của đơn vị (submissions)')
@Controller('api/v1/units/:unitId/tasks')
@UnitScoped('unitId')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary: "A unit's reports to do: every obligation and open period (due within the last year and tracked: not history loaded by backfill) with due date, status and next action, most urgent first (officers: own unit)",
    operationId: 'listUnitTasks',
  })
  @ApiOkResponse({ type: TaskListDto })
  @ApiSecured(400, 404)
  list(@Param('unitId', ParseUUIDPipe) unitId: string): Promise<TaskListDto> {
    return this.tasks.forUnit(unitId);
  }
}
