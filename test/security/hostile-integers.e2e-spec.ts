import { getMetadataStorage } from 'class-validator';
import { ADMIN } from '../support/app';
import { fillPath, isIntegerParameter, openApiOperations, type Operation, requiredQuery, samplePathValue, withQuery } from './support/openapi';
import { type SecurityWorld, startSecurityWorld } from './support/security-world';

/** What careless clients and attackers send where a whole number is expected. */
const HOSTILE = ['-1', String(2 ** 31), '9223372036854775808', '99999999999', '1.5', 'abc', '1e400'];

interface Probe {
  operation: Operation;
  parameter: string;
  value: string;
  url: string;
}

describe('Integer parameters under hostile values (generated from the OpenAPI document)', () => {
  let w: SecurityWorld;
  beforeAll(async () => {
    w = await startSecurityWorld('AN-NINH-SO-NGUYEN');
  });
  afterAll(() => w.close());

  const probesOf = (operation: Operation): Probe[] =>
    operation.parameters.filter(isIntegerParameter).flatMap((parameter) =>
      HOSTILE.map((value) => {
        const path = fillPath(operation.path, (name) => (name === parameter.name && parameter.in === 'path' ? value : samplePathValue(w, operation.path, name, 'own')));
        const query = { ...requiredQuery(operation, w, 'own'), ...(parameter.in === 'query' ? { [parameter.name]: value } : {}) };
        return { operation, parameter: `${parameter.in}:${parameter.name}`, value, url: withQuery(path, query) };
      }),
    );

  it('answers every hostile value of every integer path and query parameter with a 4xx problem, never a 5xx', async () => {
    const operations = await openApiOperations(w.t);
    const probes = operations.flatMap(probesOf);
    const integerParameters = new Set(probes.map((probe) => `${probe.operation.method} ${probe.operation.path} ${probe.parameter}`));
    // The routes the issue named, so that a document losing its parameter types cannot pass by having none.
    expect([...integerParameters]).toEqual(
      expect.arrayContaining([
        'GET /api/v1/obligations/{code}/periods/{periodKey}/units/{unitId}/submission/versions/{number} path:number',
        'GET /api/v1/obligations/{code}/periods/{periodKey}/units/{unitId}/submission/versions/{number}/rows path:number',
        'GET /api/v1/obligations/{code}/periods/{periodKey}/units/{unitId}/submission/versions/{number}/rows query:offset',
        'GET /api/v1/obligations/{code}/periods/{periodKey}/units/{unitId}/submission/versions/{number}/file path:number',
        'GET /api/v1/obligations/{code}/periods/{periodKey}/units/{unitId}/submission/diff query:to',
        'GET /api/v1/obligations/{code}/schemas/{version} path:version',
        'GET /api/v1/obligations/{code}/schemas/{version}/template.xlsx path:version',
        'GET /api/v1/audit query:page',
      ]),
    );
    const admin = await w.t.tokenFor(ADMIN);
    const failures: string[] = [];
    for (const probe of probes) {
      const response = await w.t.http()[probe.operation.method.toLowerCase() as 'get' | 'put'](probe.url).set('authorization', admin).send({});
      const problem = /^application\/problem\+json/.test(response.headers['content-type'] ?? '') && typeof response.body.code === 'string';
      if (response.status < 400 || response.status >= 500 || !problem) failures.push(`${response.status} ${probe.parameter}=${probe.value} ${probe.url}`);
    }
    expect(failures).toEqual([]);
    process.stdout.write(`hostile integers: ${probes.length} requests over ${integerParameters.size} integer parameters of ${operations.length} operations, all 4xx problems\n`);
  });

  it('gives the path parameter of a version its range in the answer and in the document', async () => {
    const response = await w.t.http().get(`${w.own.base}/versions/99999999999`).set('authorization', await w.t.tokenFor(ADMIN));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'invalid_parameter', errors: [{ field: 'number', code: 'out_of_range' }] });
    expect(response.body.detail).toBe('Tham số "number" phải là số nguyên từ 1 đến 2.147.483.647.');
    const operations = await openApiOperations(w.t);
    const version = operations.find((operation) => operation.operationId === 'getSubmissionVersion')?.parameters.find((p) => p.name === 'number');
    expect(version?.schema).toEqual({ type: 'integer', minimum: 1, maximum: 2147483647 });
  });

  it('keeps a version that exists reachable: the range refuses nothing legitimate', async () => {
    const admin = await w.t.tokenFor(ADMIN);
    expect((await w.t.http().get(`${w.own.base}/versions/1`).set('authorization', admin)).status).toBe(200);
    expect((await w.t.http().get(`${w.own.base}/versions/1/rows?offset=1&limit=1`).set('authorization', admin)).body.items).toHaveLength(1);
    expect((await w.t.http().get(`${w.own.base}/diff?from=1&to=1`).set('authorization', admin)).status).toBe(200);
    expect((await w.t.http().get(`/api/v1/obligations/${w.obligation}/schemas/1/template.xlsx`).set('authorization', admin)).status).toBe(200);
  });

  it('gives every whole-number input of a request body or query (class-validator @IsInt) an upper bound', () => {
    const metadata = getMetadataStorage() as unknown as { validationMetadatas: Map<{ name: string }, Array<{ propertyName: string; name?: string; type: string }>> };
    const unbounded: string[] = [];
    for (const [target, rules] of metadata.validationMetadatas) {
      const byProperty = new Map<string, string[]>();
      for (const rule of rules) byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule.name ?? rule.type]);
      for (const [property, names] of byProperty) {
        if (names.includes('isInt') && !names.includes('max')) unbounded.push(`${target.name}.${property}`);
      }
    }
    expect(metadata.validationMetadatas.size).toBeGreaterThan(20);
    expect(unbounded).toEqual([]);
  });
});
