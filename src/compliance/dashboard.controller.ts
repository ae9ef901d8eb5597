import { Controller, Get, Header, Inject, Param, StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/access.decorators';
import { notFound } from '../common/app-error';
import type { DashboardAsset } from './dashboard-assets';

export const DASHBOARD_ASSETS = Symbol('DASHBOARD_ASSETS');

/** The compliance dashboard: a public static page whose scripts call the API with the user's token. */
@ApiExcludeController()
@Controller('dashboard')
@Public()
export class DashboardController {
  constructor(@Inject(DASHBOARD_ASSETS) private readonly assets: Map<string, DashboardAsset>) {}

  @Get()
  @Header('Cache-Control', 'no-cache')
  page(): StreamableFile {
    return this.file('index.html');
  }

  @Get('assets/:name')
  @Header('Cache-Control', 'no-cache')
  asset(@Param('name') name: string): StreamableFile {
    if (name === 'index.html') throw notFound('tệp giao diện', name);
    return this.file(name);
  }

  private file(name: string): StreamableFile {
    const asset = this.assets.get(name);
    if (!asset) throw notFound('tệp giao diện', name);
    return new StreamableFile(asset.content, { type: asset.mediaType, length: asset.content.length });
  }
}
