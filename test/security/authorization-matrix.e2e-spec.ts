import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import type { UserRole } from '../../src/access/roles';
import { ADMIN, COMPLIANCE, officer, REVIEWER, type TestApp } from '../support/app';
import { DEMO_PASSWORD } from '../support/test-env';
import { ACCESS_RULES, type AccessRule, MOUNT_SAMPLES } from './support/access-rules';
import { fillPath, openApiOperations, type Operation, requiredQuery, samplePathValue, type Side, withQuery } from './support/openapi';
import { registeredRoutes, type RegisteredRoute } from './support/route-table';
import { OTHER_UNIT, OWN_UNIT, type SecurityWorld, startSecurityWorld } from './support/security-world';

interface Caller {
  name: string;
  role?: UserRole;
  authorization?: string;
  /** A page session (HttpOnly cookie) instead of a bearer token, with its CSRF token for writes. */
  session?: { email: string; cookie: string; csrf: string };
}

/** Where pages may send state-changing requests from (PUBLIC_URL in tests). */
const ORIGIN = 'http://localhost:3000';

interface Outcome {
  route: string;
  caller: string;
  side: Side;
  expected: number;
  actual: number;
  problem?: string;
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

async function signIn(t: TestApp, email: string): Promise<{ email: string; cookie: string; csrf: string }> {
  const response = await t.http().post('/api/v1/auth/session').set('origin', ORIGIN).send({ email, password: DEMO_PASSWORD });
  if (response.status !== 200) throw new Error(`session sign-in of ${email}: ${response.status}`);
  const cookie = ([] as string[]).concat(response.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('baocao_session=')) as string;
  return { email, cookie: cookie.split(';')[0], csrf: response.body.csrfToken as string };
}

describe('Authorization matrix: every route x every caller (generated from the route table and the OpenAPI document)', () => {
  let w: SecurityWorld;
  let callers: Caller[];
  let otherUnitName: string;

  beforeAll(async () => {
    w = await startSecurityWorld('AN-NINH-MA-TRAN');
    const tokens = Object.fromEntries(await Promise.all([officer(OWN_UNIT), REVIEWER, COMPLIANCE, ADMIN].map(async (email) => [email, await w.t.tokenFor(email)])));
    const adminToken = tokens[ADMIN].slice('Bearer '.length);
    const [, adminClaims] = adminToken.split('.');
    const claims = JSON.parse(Buffer.from(adminClaims, 'base64url').toString()) as Record<string, unknown>;
    const [officerHeader, officerClaims, officerSignature] = tokens[officer(OWN_UNIT)].slice('Bearer '.length).split('.');
    const promoted = { ...JSON.parse(Buffer.from(officerClaims, 'base64url').toString()), role: 'admin', unitId: null, sub: claims.sub };
    const { iat: _iat, exp: _exp, iss: _iss, ...identity } = claims;
    const serverSigner = new JwtService({ secret: w.t.app.get(ConfigService).get<string>('JWT_SECRET') });
    const signedByServer = (exp: number) => `Bearer ${serverSigner.sign({ ...identity, exp }, { issuer: 'baocao' })}`;
    // Control: signed like that but not expired, the token is accepted, so the expired one is refused for its expiry alone.
    expect((await w.t.http().get('/api/v1/users').set('authorization', signedByServer(Math.floor(Date.now() / 1000) + 600))).status).toBe(200);
    callers = [
      { name: `province_officer of ${OWN_UNIT}`, role: 'province_officer', authorization: tokens[officer(OWN_UNIT)] },
      { name: 'ministry_reviewer', role: 'ministry_reviewer', authorization: tokens[REVIEWER] },
      { name: 'compliance_officer', role: 'compliance_officer', authorization: tokens[COMPLIANCE] },
      { name: 'admin', role: 'admin', authorization: tokens[ADMIN] },
      { name: 'no token' },
      { name: 'token with alg none', authorization: `Bearer ${base64url({ alg: 'none', typ: 'JWT' })}.${adminClaims}.` },
      { name: "officer's token promoted to admin", authorization: `Bearer ${officerHeader}.${base64url(promoted)}.${officerSignature}` },
      { name: 'admin token signed with another secret', authorization: `Bearer ${new JwtService({ secret: 'not-the-server-secret' }).sign(identity, { issuer: 'baocao' })}` },
      { name: 'expired admin token', authorization: signedByServer(Math.floor(Date.now() / 1000) - 60) },
      { name: 'not a token', authorization: 'Bearer not.a.token' },
    ];
    for (const [email, role] of [
      [officer(OWN_UNIT), 'province_officer'],
      [REVIEWER, 'ministry_reviewer'],
      [COMPLIANCE, 'compliance_officer'],
      [ADMIN, 'admin'],
    ] as const) {
      callers.push({ name: `${role === 'province_officer' ? `province_officer of ${OWN_UNIT}` : role} (session cookie)`, role, session: await signIn(w.t, email) });
    }
    const units = await w.t.http().get(`/api/v1/units/${w.other.unitId}`).set('authorization', tokens[ADMIN]);
    otherUnitName = units.body.name;
  });
  afterAll(() => w.close());

  const keyOf = (route: RegisteredRoute) => `${route.method} ${route.path}`;

  it('has a rule for every route the application registers, and no rule without a route', async () => {
    const routes = registeredRoutes(w.t.app).map(keyOf);
    const operations = (await openApiOperations(w.t)).map((operation) => `${operation.method} ${operation.path}`);
    expect(operations.filter((operation) => !routes.includes(operation))).toEqual([]);
    expect(routes.filter((route) => !ACCESS_RULES[route]).map((route) => `no access rule for ${route}: add one to test/security/support/access-rules.ts`)).toEqual([]);
    expect(Object.keys(ACCESS_RULES).filter((key) => !routes.includes(key))).toEqual([]);
  });

  it('answers every caller as the policy says, on its own unit and on another, and lists and exports show an officer his own unit only', async () => {
    const operations = new Map((await openApiOperations(w.t)).map((operation) => [`${operation.method} ${operation.path}`, operation]));
    const routes = registeredRoutes(w.t.app).filter((route) => ACCESS_RULES[keyOf(route)]);
    const outcomes: Outcome[] = [];

    const sampleUrl = (route: RegisteredRoute, side: Side) => {
      if (route.method === 'ALL') return MOUNT_SAMPLES[route.path];
      const operation: Operation | undefined = operations.get(keyOf(route));
      return withQuery(
        fillPath(route.path, (name) => samplePathValue(w, route.path, name, side)),
        operation ? requiredQuery(operation, w, side) : {},
      );
    };
    const expectedStatus = (route: RegisteredRoute, rule: AccessRule, caller: Caller, side: Side) => {
      const allowed = rule.allowed ?? 200;
      if (rule.page && !caller.session) return 302;
      if (rule.allow === 'anyone') return caller.session && allowed === 200 && route.path === '/dang-nhap' ? 302 : allowed;
      if (!caller.role) return 401;
      if (!rule.allow.includes(caller.role)) return 403;
      if (caller.role === 'province_officer' && rule.ownUnitOnly && side === 'other') return 403;
      return allowed;
    };

    for (const route of routes) {
      const rule = ACCESS_RULES[keyOf(route)];
      const sides: Side[] = route.method !== 'ALL' && sampleUrl(route, 'own') !== sampleUrl(route, 'other') ? ['own', 'other'] : ['own'];
      for (const caller of callers) {
        for (const side of caller.role ? sides : (['own'] as Side[])) {
          const url = sampleUrl(route, side);
          const method = route.method === 'ALL' ? 'get' : (route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete');
          let request = w.t.http()[method](url);
          if (caller.authorization) request = request.set('authorization', caller.authorization);
          if (caller.session) {
            // Signing out ends the session it is sent with: that request gets a session of its own.
            const session = keyOf(route) === 'DELETE /api/v1/auth/session' ? await signIn(w.t, caller.session.email) : caller.session;
            request = request.set('cookie', session.cookie).set('origin', ORIGIN).set('x-csrf-token', session.csrf);
          }
          const response = method === 'get' || method === 'delete' ? await request : await request.send({});
          const expected = expectedStatus(route, rule, caller, side);
          const outcome: Outcome = { route: `${route.method} ${url}`, caller: caller.name, side, expected, actual: response.status };
          const contentType = response.headers['content-type'] ?? '';
          if (rule.page) {
            if (response.status === 302 && !/^\/dang-nhap(\?|$)/.test(response.headers.location ?? '')) outcome.problem = `redirected to ${response.headers.location}, not to sign-in`;
            if (response.status !== 302 && !/^text\/html/.test(contentType)) outcome.problem = 'a page that is not HTML';
          } else if (response.status >= 400 && !/^application\/problem\+json/.test(contentType)) outcome.problem = 'error without problem+json';
          if (rule.ownRowsOnly && caller.role === 'province_officer' && response.status === 200) {
            const text = response.text ?? JSON.stringify(response.body);
            if (text.includes(w.other.unitId) || text.includes(w.other.submissionId) || text.includes(otherUnitName)) outcome.problem = `shows unit ${OTHER_UNIT} to the officer of ${OWN_UNIT}`;
          }
          outcomes.push(outcome);
        }
      }
    }
    const wrong = outcomes.filter((outcome) => outcome.actual !== outcome.expected || outcome.problem);
    expect(wrong.map((o) => `${o.caller} (${o.side} unit) ${o.route}: expected ${o.expected}, got ${o.actual}${o.problem ? `, ${o.problem}` : ''}`)).toEqual([]);
    process.stdout.write(
      `authorization matrix: ${routes.length} routes x ${callers.length} callers (own and other unit where a route addresses one) = ${outcomes.length} requests, all as expected\n`,
    );
  });
});
