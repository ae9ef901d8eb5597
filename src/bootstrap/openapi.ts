import type { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { PUBLIC_OPERATION } from '../access/access.decorators';
import { ProblemDetails, ProblemFieldError } from '../common/problem';

export const OPENAPI_PATH = 'api/docs';
const BEARER = 'bearer';
const JSON_BODY_TOO_LARGE = {
  description: 'The JSON body is over the size limit (problem+json)',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
};

/**
 * The OpenAPI document of the API. Besides what the decorators say: every operation needs the bearer
 * token unless its route is @Public (`security: []`), the servers are this deployment's address (or the
 * serving origin, `/`), problem details admit the extension members RFC 9457 allows, and every operation
 * that takes a JSON body may answer 413 (the body parser's size limit applies to all of them).
 */
export function buildOpenApiDocument(app: INestApplication, publicUrl?: string): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('baocao: Hệ thống báo cáo định kỳ')
    .setDescription(
      'Periodic reporting regime of a ministry and its reporting units: obligations, uploads, review, compliance and reminders. ' +
        'Every error is RFC 9457 `application/problem+json` (ProblemDetails).',
    )
    .setVersion('1')
    .setLicense('UNLICENSED', 'https://baocao.gov.vn/')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER)
    .addSecurityRequirements(BEARER);
  if (publicUrl) builder.addServer(publicUrl.replace(/\/$/, ''), 'This deployment');
  builder.addServer('/', 'The origin serving this document');
  const document = SwaggerModule.createDocument(app, builder.build(), { extraModels: [ProblemDetails, ProblemFieldError] });
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path)) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation)) continue;
      const marked = operation as { security?: unknown; [PUBLIC_OPERATION]?: boolean };
      if (marked[PUBLIC_OPERATION]) {
        marked.security = [];
        delete marked[PUBLIC_OPERATION];
      }
      const { requestBody, responses } = operation as { requestBody?: { content?: Record<string, unknown> }; responses: Record<string, unknown> };
      if (requestBody?.content?.['application/json'] && !responses['413']) responses['413'] = JSON_BODY_TOO_LARGE;
    }
  }
  const problem = document.components?.schemas?.ProblemDetails;
  if (problem && !('$ref' in problem)) problem.additionalProperties = true;
  return document;
}

export function setupOpenApi(app: INestApplication): void {
  const publicUrl = app.get(ConfigService, { strict: false }).get<string>('PUBLIC_URL');
  SwaggerModule.setup(OPENAPI_PATH, app, buildOpenApiDocument(app, publicUrl), { jsonDocumentUrl: `${OPENAPI_PATH}-json`, customSiteTitle: 'baocao API' });
}
