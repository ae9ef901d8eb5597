import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/api-problems.decorator';
import { Public } from '../access/access.decorators';
import { AuthService } from './auth.service';
import { LoginThrottlerGuard } from './login-protection/login-throttler.guard';
import { LoginDto, LoginResponseDto } from './dto/login.dto';

@ApiTags('Đăng nhập (auth)')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange e-mail and password for a JWT (rate-limited per client address)', operationId: 'login' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiProblems(400, 401, 422, 429)
  login(@Body() body: LoginDto): Promise<LoginResponseDto> {
    return this.auth.login(body.email, body.password);
  }
}
