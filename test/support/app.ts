import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule, type ProcessRole } from '../../src/app.module';
import { configureHttp } from '../../src/bootstrap/http';
import { Clock } from '../../src/common/clock';
import { loadReferenceData } from '../../src/bootstrap/reference-data';
import { contractChecked, OpenApiContract, type OpenApiDocument } from './openapi-contract';
import { DEMO_PASSWORD } from './test-env';

export interface TestApp {
  app: NestExpressApplication;
  /** A supertest agent whose every response is checked against the app's own OpenAPI document. */
  http: () => ReturnType<typeof request>;
  contract: OpenApiContract;
  /** Logs a demo account in and returns its bearer header value. */
  tokenFor: (email: string, password?: string) => Promise<string>;
  close: () => Promise<void>;
}

/** Boots the real application (both roles) against the run's database and Redis. */
export async function startTestApp(role: ProcessRole = 'all', options: { clock?: Clock } = {}): Promise<TestApp> {
  const builder = Test.createTestingModule({ imports: [AppModule.forRole(role)] });
  if (options.clock) builder.overrideProvider(Clock).useValue(options.clock);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: process.env.TEST_LOG ? ['error', 'warn'] : false });
  configureHttp(app);
  await app.init();
  await loadReferenceData(app);
  const documentResponse = await request(app.getHttpServer()).get('/api/docs-json');
  if (documentResponse.status !== 200) throw new Error(`the OpenAPI document is not served: ${documentResponse.status}`);
  const contract = new OpenApiContract(documentResponse.body as OpenApiDocument);
  const http = () => contractChecked(request(app.getHttpServer()), contract);
  const tokens = new Map<string, string>();
  return {
    app,
    http,
    contract,
    tokenFor: async (email, password = DEMO_PASSWORD) => {
      const cached = tokens.get(`${email}\n${password}`);
      if (cached) return cached;
      const response = await http().post('/api/v1/auth/login').send({ email, password });
      if (response.status !== 200) throw new Error(`login of ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
      const bearer = `Bearer ${response.body.accessToken as string}`;
      tokens.set(`${email}\n${password}`, bearer);
      return bearer;
    },
    close: () => app.close(),
  };
}

export const ADMIN = 'admin@baocao.local';
export const REVIEWER = 'reviewer@baocao.local';
export const COMPLIANCE = 'compliance@baocao.local';
/** The demo officer of a unit that exists today (one of the 34 since 1 July 2025). */
export const officer = (unitCode: string) => `officer.${unitCode}@baocao.local`;
/** The demo officer of one of the 63 units of 2008-2025 that ceased on 30 June 2025 (e.g. Hà Giang, the old TP Hồ Chí Minh). */
export const formerOfficer = (unitCode: string) => `officer.${unitCode}-2008@baocao.local`;
/** The officer acting for a unit code in a period ending before 1 July 2025: unchanged units keep theirs. */
export const officerBefore2025Merger = (unitCode: string) => (UNCHANGED_BY_2025_MERGER.has(unitCode) ? officer(unitCode) : formerOfficer(unitCode));
const UNCHANGED_BY_2025_MERGER = new Set(['01', '04', '11', '12', '14', '20', '22', '38', '40', '42', '46']);

/** Ids of the units existing on a day (default: today), by code (what most specs address units by). */
export async function unitIdsByCode(t: TestApp, activeOn?: string): Promise<Record<string, string>> {
  const list = await t.http().get(`/api/v1/units${activeOn ? `?activeOn=${activeOn}` : ''}`).set('authorization', await t.tokenFor(ADMIN));
  return Object.fromEntries(list.body.items.map((unit: { code: string; id: string }) => [unit.code, unit.id]));
}
