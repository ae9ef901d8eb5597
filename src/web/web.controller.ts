import { Controller, Get, Header, Inject, Param, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../access/access.decorators';
import type { AuthenticatedUser } from '../access/authenticated-user';
import { WebSessionsService } from '../auth/sessions/web-sessions.service';
import { AppError, notFound } from '../common/app-error';
import { HOME_BY_ROLE, mayOpenPage, safeReturnPath, SIGNED_IN_PAGES, signInPathFor } from './page-access';
import { PAGE_PATHS } from './page-links';
import type { WebAsset } from './web-assets';

export const APP_ASSETS = Symbol('APP_ASSETS');
export const VENDOR_ASSETS = Symbol('VENDOR_ASSETS');

/**
 * Serves the web workspace: one page shell for every page address (deep links from e-mails
 * included) whose scripts call the same REST API as every other client, the page scripts, and
 * the UI libraries. Pages are public files; what they show comes from the API under the session.
 */
@ApiExcludeController()
@Controller()
@Public()
export class WebController {
  constructor(
    @Inject(APP_ASSETS) private readonly assets: Map<string, WebAsset>,
    @Inject(VENDOR_ASSETS) private readonly vendor: Map<string, WebAsset>,
    private readonly sessions: WebSessionsService,
  ) {}

  /** `/` opens the signed-in user's own starting page. */
  @Get()
  async home(@Req() request: Request, @Res() response: Response): Promise<void> {
    const user = await this.signedIn(request);
    response.redirect(302, user ? HOME_BY_ROLE[user.role] : PAGE_PATHS.signIn);
  }

  @Get(PAGE_PATHS.signIn)
  async signIn(@Req() request: Request, @Res() response: Response): Promise<void> {
    const user = await this.signedIn(request);
    if (user) {
      response.redirect(302, safeReturnPath(request.query.next) ?? HOME_BY_ROLE[user.role]);
      return;
    }
    this.sendShell(response);
  }

  /**
   * A page that needs a session: without one, sign in first and come back here. A user whose role
   * (or unit) the page is not for gets the same shell with 403, and the page says so in words.
   */
  @Get(Object.keys(SIGNED_IN_PAGES))
  async page(@Req() request: Request, @Res() response: Response): Promise<void> {
    const user = await this.signedIn(request);
    if (!user) {
      response.redirect(302, signInPathFor(request.originalUrl, WebSessionsService.hasSessionCookie(request)));
      return;
    }
    const routePath = (request.route as { path: string }).path;
    this.sendShell(response, mayOpenPage(user, routePath, request.params as Record<string, string>) ? 200 : 403);
  }

  /** The compliance dashboard's former address. */
  @Get('dashboard')
  dashboard(@Res() response: Response): void {
    response.redirect(301, PAGE_PATHS.compliance);
  }

  @Get('assets/app/:name')
  @Header('Cache-Control', 'no-cache')
  appAsset(@Param('name') name: string): StreamableFile {
    return this.file(this.assets, name);
  }

  @Get('assets/vendor/:name')
  @Header('Cache-Control', 'public, max-age=86400')
  vendorAsset(@Param('name') name: string): StreamableFile {
    return this.file(this.vendor, name);
  }

  private sendShell(response: Response, status = 200): void {
    const shell = this.assets.get('index.html') as WebAsset;
    response.status(status).setHeader('Cache-Control', 'no-cache').type(shell.mediaType).send(shell.content);
  }

  private async signedIn(request: Request): Promise<AuthenticatedUser | null> {
    if (!WebSessionsService.hasSessionCookie(request)) return null;
    try {
      return await this.sessions.authenticate({ method: 'GET', headers: request.headers });
    } catch (error) {
      if (error instanceof AppError && error.status === 401) return null;
      throw error;
    }
  }

  private file(files: Map<string, WebAsset>, name: string): StreamableFile {
    const asset = files.get(name);
    if (!asset) throw notFound('tệp giao diện', name);
    return new StreamableFile(asset.content, { type: asset.mediaType, length: asset.content.length });
  }
}
