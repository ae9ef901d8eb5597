import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { ApiProblems, ApiSecured } from '../../common/api-problems.decorator';
import { ALL_ROLES, CurrentUser, Public, Roles } from '../../access/access.decorators';
import type { AuthenticatedUser } from '../../access/authenticated-user';
import { AuthService } from '../auth.service';
import { LoginDto } from '../dto/login.dto';
import { SessionDto } from '../dto/session.dto';
import { clearedSessionCookie, sessionCookie } from './session-cookie';
import { WebSessionsService } from './web-sessions.service';

/** Sign-in and sign-out for the web workspace (a cookie session); machine clients use /auth/login. */
@ApiTags('Đăng nhập (auth)')
@Controller('api/v1/auth/session')
export class SessionController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: WebSessionsService,
  ) {}

  @Post()
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in from a page: sets the HttpOnly session cookie and returns the CSRF token for state-changing requests (same origin only; rate-limited)',
    operationId: 'signIn',
  })
  @ApiOkResponse({ type: SessionDto })
  @ApiProblems(401, 403, 422, 429)
  async signIn(@Body() body: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionDto> {
    this.sessions.assertSameOrigin(request);
    // The same credential check as /auth/login, so every protection of sign-in applies to both.
    const { user } = await this.auth.login(body.email, body.password);
    const opened = await this.sessions.open(user.id);
    response.setHeader('Set-Cookie', sessionCookie(opened.token, opened.maxAgeSeconds, request.secure));
    return { user: await this.sessions.describeUser(user.id), csrfToken: opened.csrfToken, expiresAt: opened.endsIfIdleAt };
  }

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Who is signed in, and the CSRF token of the session (for a page that was reloaded)', operationId: 'getSession' })
  @ApiOkResponse({ type: SessionDto })
  @ApiSecured()
  async current(@CurrentUser() user: AuthenticatedUser, @Req() request: Request): Promise<SessionDto> {
    const bySession = request.headers.authorization === undefined;
    return {
      user: await this.sessions.describeUser(user.id),
      csrfToken: bySession ? this.sessions.csrfTokenOf(request) : null,
      expiresAt: bySession ? await this.sessions.endOf(request) : null,
    };
  }

  @Delete()
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: the session ends on the server at once and the cookie is removed', operationId: 'signOut' })
  @ApiNoContentResponse()
  @ApiProblems(403)
  async signOut(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    this.sessions.assertSameOrigin(request);
    await this.sessions.revoke(request);
    response.setHeader('Set-Cookie', clearedSessionCookie(request.secure));
  }
}
