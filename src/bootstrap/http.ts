import { ConfigService } from '@nestjs/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { ProblemFilter } from '../common/problem.filter';
import { createValidationPipe } from '../common/validation.pipe';
import { notFoundPage, wantsNotFoundPage } from '../web/not-found-page';
import { setupOpenApi } from './openapi';

/** Everything the HTTP role adds on top of the module graph; shared by main.ts and the e2e tests. */
export function configureHttp(app: NestExpressApplication): void {
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  const publicUrl = app.get(ConfigService).get<string>('PUBLIC_URL') ?? '';
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          // Served over plain HTTP (an intranet address), upgrading would send the pages' scripts to an HTTPS port that is not there.
          upgradeInsecureRequests: publicUrl.startsWith('https:') ? [] : null,
        },
      },
    }),
  );
  app.useGlobalFilters(new ProblemFilter((request) => (wantsNotFoundPage(request.method, request.path) ? notFoundPage() : null)));
  app.useGlobalPipes(createValidationPipe());
  setupOpenApi(app);
}
