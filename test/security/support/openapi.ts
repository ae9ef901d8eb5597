import type { TestApp } from '../../support/app';
import { PERIOD, type SecurityWorld, type SubmittedReport } from './security-world';

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: { type?: string; minimum?: number; maximum?: number; enum?: unknown[] };
}

export interface Operation {
  method: string;
  /** As the document writes it: `/api/v1/units/{unitId}`. */
  path: string;
  operationId?: string;
  parameters: OpenApiParameter[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** Every operation of the document the running application serves at /api/docs-json. */
export async function openApiOperations(t: TestApp): Promise<Operation[]> {
  const response = await t.http().get('/api/docs-json');
  if (response.status !== 200) throw new Error(`/api/docs-json answered ${response.status}`);
  const document = response.body as { paths: Record<string, Record<string, { operationId?: string; parameters?: OpenApiParameter[] }>> };
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({ method: method.toUpperCase(), path, operationId: operation.operationId, parameters: operation.parameters ?? [] })),
  );
}

export const isIntegerParameter = (parameter: OpenApiParameter) => parameter.schema?.type === 'integer' || parameter.schema?.type === 'number';

/** Whose data a request addresses: the officer's own unit or another one. */
export type Side = 'own' | 'other';

/** A value for a path parameter that names something existing (on the given side). */
export function samplePathValue(w: SecurityWorld, path: string, name: string, side: Side): string {
  const report: SubmittedReport = w[side];
  switch (name) {
    case 'code':
    case 'obligationCode':
      return w.obligation;
    case 'periodKey':
      return PERIOD;
    case 'unitId':
      return report.unitId;
    case 'number':
    case 'version':
      return '1';
    case 'year':
      return '2025';
    case 'date':
      return '2025-09-01';
    case 'userId':
      return w.userId;
    case 'name':
      return path.startsWith('/assets/vendor/') ? 'preact.mjs' : 'main.js';
    case 'receiptId':
      return report.receiptId;
    case 'submissionId':
      return report.submissionId;
    case 'id':
      if (path.startsWith('/api/v1/submissions/')) return report.submissionId;
      if (path.startsWith('/api/v1/receipts/')) return report.receiptId;
      break;
  }
  throw new Error(`no sample value for path parameter "${name}" of ${path}: add one to test/security/support/openapi.ts`);
}

/** Values for the query parameters a route requires. */
export function requiredQuery(operation: Operation, w: SecurityWorld, side: Side): Record<string, string> {
  const query: Record<string, string> = {};
  for (const parameter of operation.parameters.filter((p) => p.in === 'query' && p.required)) {
    if (parameter.name === 'format') query.format = 'csv';
    else if (isIntegerParameter(parameter)) query[parameter.name] = '1';
    else if (parameter.name === 'from' || parameter.name === 'to') query[parameter.name] = PERIOD;
    else if (parameter.name === 'submissionId') query.submissionId = side === 'own' ? w.own.submissionId : w.other.submissionId;
    else throw new Error(`no sample value for required query parameter "${parameter.name}" of ${operation.method} ${operation.path}`);
  }
  return query;
}

/** `/a/{x}/b` with each parameter replaced by `values(name)`, URL-encoded. */
export function fillPath(template: string, values: (name: string) => string): string {
  return template.replace(/\{([^}]+)\}|:([A-Za-z0-9_]+)/g, (_match, braced: string | undefined, colon: string | undefined) => encodeURIComponent(values((braced ?? colon) as string)));
}

export function withQuery(path: string, query: Record<string, string>): string {
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
}
