import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../access/access.decorators';
import { type Actor, CurrentActor } from '../audit/actor';
import { ApiSecured } from '../common/api-problems.decorator';
import { CreateUserDto, ResetPasswordDto, UpdateUserStatusDto, UserDto, UserListDto, UserQueryDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('Người dùng (users, admin)')
@Controller('api/v1/users')
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'List users', operationId: 'listUsers' })
  @ApiOkResponse({ type: UserListDto })
  @ApiSecured(422)
  list(@Query() query: UserQueryDto): Promise<UserListDto> {
    return this.users.list(query);
  }

  @Post()
  @ApiOperation({ summary: 'Create a user (a province officer needs unitId)', operationId: 'createUser' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiSecured(409, 422)
  create(@Body() body: CreateUserDto, @CurrentActor() actor: Actor): Promise<UserDto> {
    return this.users.create(body, actor);
  }

  @Put(':userId/password')
  @HttpCode(204)
  @ApiOperation({ summary: "Reset a user's password; the user's existing tokens stop working", operationId: 'resetPassword' })
  @ApiNoContentResponse()
  @ApiSecured(400, 404, 422)
  async resetPassword(
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() body: ResetPasswordDto,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.users.resetPassword(userId, body.password, actor);
  }

  @Patch(':userId/status')
  @ApiOperation({ summary: 'Lock or unlock an account', operationId: 'setUserStatus' })
  @ApiOkResponse({ type: UserDto })
  @ApiSecured(400, 404, 422)
  setStatus(
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() body: UpdateUserStatusDto,
    @CurrentActor() actor: Actor,
  ): Promise<UserDto> {
    return this.users.setActive(userId, body.active, body.reason, actor);
  }
}
