import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ProblemDetails, ProblemFieldError } from '../common/problem';

export const OPENAPI_PATH = 'api/docs';

export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('baocao: Hệ thống báo cáo định kỳ')
    .setDescription(
      'Periodic reporting regime of a ministry and its reporting units: obligations, uploads, review, compliance and reminders. ' +
        'Every error is RFC 9457 `application/problem+json` (ProblemDetails).',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ProblemDetails, ProblemFieldError] });
  SwaggerModule.setup(OPENAPI_PATH, app, document, { jsonDocumentUrl: `${OPENAPI_PATH}-json`, customSiteTitle: 'baocao API' });
}
