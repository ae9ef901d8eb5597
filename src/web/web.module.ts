import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { loadAppAssets, loadVendorAssets } from './web-assets';
import { APP_ASSETS, VENDOR_ASSETS, WebController } from './web.controller';

/** The web workspace at `/`: pages for officers, reviewers, compliance officers and administrators. */
@Module({
  imports: [AuthModule],
  controllers: [WebController],
  providers: [
    { provide: APP_ASSETS, useFactory: () => loadAppAssets() },
    { provide: VENDOR_ASSETS, useFactory: () => loadVendorAssets() },
  ],
})
export class WebModule {}
