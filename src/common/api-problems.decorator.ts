import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse } from '@nestjs/swagger';
import { ProblemDetails } from './problem';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request (problem+json)',
  401: 'Missing or invalid token (problem+json)',
  403: 'Role or unit scope refuses the call (problem+json)',
  404: 'Not found (problem+json)',
  409: 'State conflict (problem+json)',
  413: 'Payload too large (problem+json)',
  415: 'Unsupported media type (problem+json)',
  422: 'Invalid input; `errors` lists each field (problem+json)',
  429: 'Rate limit exceeded (problem+json)',
  503: 'A dependency is down (problem+json; health checks add `checks`)',
};

/** Documents the problem+json error responses of a route. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status], content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } } }),
    ),
  );
}

/** A route behind the access guard: bearer token plus the usual failures. */
export function ApiSecured(...extra: number[]) {
  return applyDecorators(ApiBearerAuth(), ApiProblems(401, 403, ...extra));
}

export const PROBLEM_SCHEMAS = [ProblemDetails];
