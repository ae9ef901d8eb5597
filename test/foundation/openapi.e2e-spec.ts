import request from 'supertest';
import { ADMIN, startTestApp, type TestApp } from '../support/app';
import type { OpenApiContract, OpenApiDocument } from '../support/openapi-contract';

const UPLOAD = '/api/v1/obligations/TT35-BUU-CHINH/periods/2024-Y/units/00000000-0000-4000-8000-000000000001/submission/versions';

interface Schema {
  type?: string;
  nullable?: boolean;
  properties?: Record<string, Schema>;
  additionalProperties?: unknown;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  $ref?: string;
  items?: Schema;
}

/** Every schema object of the document with its JSON pointer (examples are values, not schemas). */
function schemasOf(node: unknown, pointer = '#'): Array<[string, Schema]> {
  if (Array.isArray(node)) return node.flatMap((item, index) => schemasOf(item, `${pointer}/${index}`));
  if (node === null || typeof node !== 'object') return [];
  const found: Array<[string, Schema]> = [[pointer, node as Schema]];
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'example' && key !== 'examples') found.push(...schemasOf(value, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`));
  }
  return found;
}

function validReport() {
  return {
    valid: true,
    rowsRead: 1,
    rowsValid: 1,
    rowsWithErrors: 0,
    rowsWithWarnings: 0,
    errorCount: 0,
    warningCount: 0,
    infoCount: 1,
    countsByCode: { sheet_substituted: 1 },
    issues: [{ row: null, column: null, columnLetter: null, field: null, code: 'sheet_substituted', severity: 'info', message: 'Đã đọc trang "Sheet1".', value: null }],
    truncated: false,
    columns: [{ index: 0, header: 'Chỉ tiêu', fieldKey: 'chi_tieu' }],
  };
}

function dryRunBody() {
  return {
    dryRun: true,
    duplicateOfVersion: null,
    comparedWithVersion: 1,
    summary: { rowsRead: 1, rowsValid: 1, rowsWithErrors: 0, rowsWithWarnings: 0, added: 0, removed: 0, changed: 1, unchanged: 0 },
    report: validReport(),
  };
}

const json = (status: number, body: unknown, mediaType = 'application/json') => ({ status, headers: { 'content-type': `${mediaType}; charset=utf-8` }, body });

describe('OpenAPI: the document a generated client can trust, kept true by every e2e response', () => {
  let t: TestApp;
  let document: OpenApiDocument & { servers?: Array<{ url: string }>; security?: unknown; paths: Record<string, Record<string, { security?: unknown }>> };
  let contract: OpenApiContract;

  beforeAll(async () => {
    t = await startTestApp('api');
    document = (await request(t.app.getHttpServer()).get('/api/docs-json')).body;
    contract = t.contract;
  });
  afterAll(() => t.close());

  describe('the document', () => {
    it('types every nullable value and every object: no bare `object`, no nullable without a type, no nullable next to allOf', () => {
      const untyped = schemasOf(document)
        .filter(([, schema]) => schema.type === 'object' && !schema.properties && schema.additionalProperties === undefined && !schema.allOf && !schema.anyOf && !schema.oneOf && !schema.enum)
        .map(([pointer]) => pointer);
      const nullableWithoutType = schemasOf(document)
        .filter(([, schema]) => schema.nullable === true && schema.type === undefined)
        .map(([pointer]) => pointer);
      const nullableAllOf = schemasOf(document)
        .filter(([, schema]) => schema.nullable === true && schema.allOf !== undefined)
        .map(([pointer]) => pointer);
      expect({ untyped, nullableWithoutType, nullableAllOf }).toEqual({ untyped: [], nullableWithoutType: [], nullableAllOf: [] });
    });

    it('gives every JSON response a schema with a type or a reference, not just an example', () => {
      const loose: string[] = [];
      for (const [path, operations] of Object.entries(document.paths)) {
        for (const [method, operation] of Object.entries(operations)) {
          const responses = (operation as { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }).responses ?? {};
          for (const [status, response] of Object.entries(responses)) {
            for (const [mediaType, { schema }] of Object.entries(response.content ?? {})) {
              if (!mediaType.endsWith('json') || (method === 'get' && path.endsWith('/file'))) continue;
              if (!schema || !(schema.$ref || schema.type || schema.oneOf || schema.anyOf)) loose.push(`${method} ${path} ${status} ${mediaType}`);
            }
          }
        }
      }
      expect(loose).toEqual([]);
    });

    it('describes the nested objects: rows, review rows, diff differences and unit trend periods are arrays of objects', () => {
      const schemas = document.components?.schemas as Record<string, Schema>;
      const itemsOf = (model: string, property: string) => schemas[model].properties?.[property]?.items;
      expect(itemsOf('RowsDto', 'items')).toEqual({ $ref: '#/components/schemas/TypedRowDto' });
      expect(itemsOf('ReviewViewDto', 'rows')).toEqual({ $ref: '#/components/schemas/TypedRowDto' });
      expect(itemsOf('VersionDiffDto', 'differences')).toEqual({ $ref: '#/components/schemas/RowDifferenceDto' });
      expect(itemsOf('UnitTrendDto', 'periods')).toEqual({ $ref: '#/components/schemas/UnitPeriodValuesDto' });
    });

    it('declares servers, and needs the bearer token everywhere but on the public routes (login, health)', () => {
      expect(document.servers?.length).toBeGreaterThan(0);
      expect(document.security).toEqual([{ bearer: [] }]);
      expect(document.paths['/api/v1/auth/login'].post.security).toEqual([]);
      expect(document.paths['/health'].get.security).toEqual([]);
      expect(document.paths['/health/ready'].get.security).toEqual([]);
      expect(document.paths['/api/v1/units'].get.security).not.toEqual([]);
    });

    it('declares the media type of files and exports', () => {
      const contentOf = (path: string) => Object.keys((document.paths[path].get as { responses: Record<string, { content?: object }> }).responses['200'].content ?? {});
      expect(contentOf('/api/v1/obligations/{code}/schemas/{version}/template.xlsx')).toEqual(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
      expect(contentOf('/api/v1/compliance/obligations/{code}/periods/{periodKey}/units/export')).toEqual([
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'text/csv',
      ]);
      expect(contentOf('/api/v1/receipts/{id}/print')).toEqual(['text/html']);
    });
  });

  describe('the contract every e2e response is checked against', () => {
    it('accepts the dry-run answer of an upload and a matrix whose obligation is null', () => {
      expect(contract.mismatch('POST', `${UPLOAD}?dryRun=true`, json(200, dryRunBody()))).toBeNull();
      const matrix = { columnsAre: 'obligations', obligation: null, periodKey: '2024-Y', at: '2025-01-01T00:00:00.000Z', columns: [], rows: [], total: 0, offset: 0, limit: 100 };
      expect(contract.mismatch('GET', '/api/v1/compliance/periods/2024-Y/matrix', json(200, matrix))).toBeNull();
    });

    it('fails an undocumented property, naming the route, the status and the JSON pointer', () => {
      const body = { ...dryRunBody(), report: { ...validReport(), issues: [{ ...validReport().issues[0], hint: 'x' }] } };
      const mismatch = contract.mismatch('POST', `${UPLOAD}?dryRun=true`, json(200, body));
      expect(mismatch).toContain(
        `POST ${UPLOAD} (post /api/v1/obligations/{code}/periods/{periodKey}/units/{unitId}/submission/versions, operation uploadSubmissionVersion) ` +
          'answered 200 application/json with a body the OpenAPI document does not describe:\n',
      );
      expect(mismatch).toContain('at /report/issues/0: must NOT have additional properties "hint"');
    });

    it('fails a wrong type and says where', () => {
      const units = { items: [{ id: '00000000-0000-4000-8000-000000000001', code: '01', name: 'Hà Nội', nameAscii: 'Ha Noi', kind: 'province', region: 42, validFrom: '2008-08-01', validTo: null, parentId: null, successorId: null }], total: 1 };
      const mismatch = contract.mismatch('GET', '/api/v1/units', json(200, units));
      expect(mismatch).toContain('GET /api/v1/units (get /api/v1/units, operation listUnits) answered 200 application/json');
      expect(mismatch).toContain('at /items/0/region: must be string');
    });

    it('fails an extra property with its name, a status the operation does not list, and an undeclared media type', () => {
      const extra = contract.mismatch('POST', `${UPLOAD}?dryRun=true`, json(200, { ...dryRunBody(), stored: false }));
      expect(extra).toContain('at (body): must NOT have additional properties "stored"');
      expect(contract.mismatch('GET', '/api/v1/units', json(418, {}))).toContain('answered 418, which the OpenAPI document does not list');
      expect(contract.mismatch('GET', '/api/v1/obligations/TT35-BUU-CHINH/schemas/1/template.xlsx', { status: 200, headers: { 'content-type': 'text/plain' }, body: 'x' })).toContain(
        'answered 200 as text/plain, but the OpenAPI document declares application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
    });

    it('checks real answers too: the harness asserts every response of t.http()', async () => {
      const response = await t.http().get('/api/v1/units').set('authorization', await t.tokenFor(ADMIN));
      expect(response.status).toBe(200);
      expect(contract.mismatch('GET', '/api/v1/units', { ...response, body: { ...response.body, page: 1 } })).toContain('"page"');
    });
  });
});
