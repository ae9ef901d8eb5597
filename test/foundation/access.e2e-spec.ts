import { Controller, Get } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule, JwtService } from '@nestjs/jwt';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import { AccessGuard } from '../../src/auth/access.guard';
import { WebSessionsService } from '../../src/auth/sessions/web-sessions.service';
import { ProblemFilter } from '../../src/common/problem.filter';
import { ADMIN, COMPLIANCE, officer, REVIEWER, startTestApp, type TestApp, unitIdsByCode } from '../support/app';

describe('Role and unit scope', () => {
  let t: TestApp;
  let units: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    units = await unitIdsByCode(t);
  });
  afterAll(() => t.close());

  it("gives an officer of province 01 a 403 on province 79's contacts and 200 on his own", async () => {
    const token = await t.tokenFor(officer('01'));
    const foreign = await t.http().get(`/api/v1/units/${units['79']}/contacts`).set('authorization', token);
    expect(foreign.status).toBe(403);
    expect(foreign.body).toMatchObject({ code: 'forbidden', status: 403 });
    const own = await t.http().get(`/api/v1/units/${units['01']}/contacts`).set('authorization', token);
    expect(own.status).toBe(200);
  });

  it("refuses an officer's change to another province's contacts and leaves them as they were", async () => {
    const token = await t.tokenFor(officer('01'));
    const refused = await t
      .http()
      .put(`/api/v1/units/${units['79']}/contacts`)
      .set('authorization', token)
      .send({ submitterEmails: ['hacker@example.com'], leadershipEmail: null });
    expect(refused.status).toBe(403);
    const after = await t.http().get(`/api/v1/units/${units['79']}/contacts`).set('authorization', await t.tokenFor(REVIEWER));
    expect(after.body.submitterEmails).not.toContain('hacker@example.com');
  });

  it('lets an officer set his own contacts and records the change in the audit trail', async () => {
    const token = await t.tokenFor(officer('01'));
    const response = await t
      .http()
      .put(`/api/v1/units/${units['01']}/contacts`)
      .set('authorization', token)
      .send({ submitterEmails: ['VanThu@stttt.hanoi.gov.vn', 'vanthu@stttt.hanoi.gov.vn'], leadershipEmail: 'giamdoc@stttt.hanoi.gov.vn' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ submitterEmails: ['vanthu@stttt.hanoi.gov.vn'], leadershipEmail: 'giamdoc@stttt.hanoi.gov.vn' });
    const db = t.app.get(getDataSourceToken());
    const [event] = await db.query(
      `SELECT action, actor_role, after FROM audit_events WHERE entity_id = $1 AND action = 'unit.contacts_updated' ORDER BY occurred_at DESC LIMIT 1`,
      [units['01']],
    );
    expect(event).toMatchObject({ action: 'unit.contacts_updated', actor_role: 'province_officer' });
    expect(event.after.leadershipEmail).toBe('giamdoc@stttt.hanoi.gov.vn');
  });

  it('reserves user administration to admins', async () => {
    for (const email of [officer('01'), REVIEWER, COMPLIANCE]) {
      const response = await t.http().get('/api/v1/users').set('authorization', await t.tokenFor(email));
      expect(response.status).toBe(403);
    }
    expect((await t.http().get('/api/v1/users').set('authorization', await t.tokenFor(ADMIN))).status).toBe(200);
  });

  it('creates a user, whose tokens stop working once the admin resets the password or locks the account', async () => {
    const admin = await t.tokenFor(ADMIN);
    const created = await t
      .http()
      .post('/api/v1/users')
      .set('authorization', admin)
      .send({ email: 'Can.Bo@Stttt.DaNang.gov.vn', fullName: 'Trần Thị Bình', role: 'province_officer', unitId: units['48'], password: 'mat-khau-ban-dau' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'can.bo@stttt.danang.gov.vn', fullName: 'Trần Thị Bình', unitId: units['48'], active: true });
    expect(created.body).not.toHaveProperty('passwordHash');

    const duplicate = await t
      .http()
      .post('/api/v1/users')
      .set('authorization', admin)
      .send({ email: 'can.bo@stttt.danang.gov.vn', fullName: 'X', role: 'ministry_reviewer', password: 'mat-khau-ban-dau' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('email_taken');

    const oldToken = await t.tokenFor('can.bo@stttt.danang.gov.vn', 'mat-khau-ban-dau');
    expect((await t.http().get('/api/v1/units').set('authorization', oldToken)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // token iat has one-second resolution
    const reset = await t.http().put(`/api/v1/users/${created.body.id}/password`).set('authorization', admin).send({ password: 'mat-khau-moi-123' });
    expect(reset.status).toBe(204);
    expect((await t.http().get('/api/v1/units').set('authorization', oldToken)).status).toBe(401);
    const newToken = await t.tokenFor('can.bo@stttt.danang.gov.vn', 'mat-khau-moi-123');
    expect((await t.http().get('/api/v1/units').set('authorization', newToken)).status).toBe(200);

    const locked = await t.http().patch(`/api/v1/users/${created.body.id}/status`).set('authorization', admin).send({ active: false, reason: 'Chuyển công tác' });
    expect(locked.status).toBe(200);
    expect((await t.http().get('/api/v1/units').set('authorization', newToken)).status).toBe(401);
    const login = await t.http().post('/api/v1/auth/login').send({ email: 'can.bo@stttt.danang.gov.vn', password: 'mat-khau-moi-123' });
    expect(login.status).toBe(401);
  });

  it('requires a unit for a province officer and refuses one for ministry roles, writing nothing', async () => {
    const admin = await t.tokenFor(ADMIN);
    const db = t.app.get(getDataSourceToken());
    const [{ count: before }] = await db.query('SELECT count(*)::int AS count FROM users');
    const [{ count: auditBefore }] = await db.query('SELECT count(*)::int AS count FROM audit_events');
    const noUnit = await t.http().post('/api/v1/users').set('authorization', admin).send({ email: 'a@b.vn', fullName: 'A', role: 'province_officer', password: 'mat-khau-dai-du' });
    expect(noUnit.status).toBe(422);
    expect(noUnit.body.errors.map((e: { field: string }) => e.field)).toContain('unitId');
    const withUnit = await t.http().post('/api/v1/users').set('authorization', admin).send({ email: 'b@b.vn', fullName: 'B', role: 'admin', unitId: units['01'], password: 'mat-khau-dai-du' });
    expect(withUnit.status).toBe(422);
    const unknownUnit = await t
      .http()
      .post('/api/v1/users')
      .set('authorization', admin)
      .send({ email: 'c@b.vn', fullName: 'C', role: 'province_officer', unitId: '00000000-0000-4000-8000-000000000000', password: 'mat-khau-dai-du' });
    expect(unknownUnit.status).toBe(422);
    expect(unknownUnit.body.errors[0]).toMatchObject({ field: 'unitId', code: 'unknown_unit' });
    const [{ count: after }] = await db.query('SELECT count(*)::int AS count FROM users');
    const [{ count: auditAfter }] = await db.query('SELECT count(*)::int AS count FROM audit_events');
    expect(after).toBe(before);
    expect(auditAfter).toBe(auditBefore);
  });
});

@Controller('probe')
class UndeclaredController {
  @Get()
  open(): string {
    return 'should never be served';
  }
}

describe('Deny by default', () => {
  it('refuses a route that declares neither @Public nor @Roles, even to an admin token', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [JwtModule.register({ secret: 'test-secret' })],
      controllers: [UndeclaredController],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        // Reached only for requests carrying a session cookie; this one carries a bearer token.
        { provide: WebSessionsService, useValue: {} },
        { provide: getDataSourceToken(), useValue: { query: async () => [{ role: 'admin', unit_id: null, email: 'a@b', active: true, changed: null }] } },
      ],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    app.useGlobalFilters(new ProblemFilter());
    await app.init();
    try {
      const token = await app.get(JwtService).signAsync({ sub: 'x', email: 'a@b', role: 'admin', unitId: null });
      const response = await request(app.getHttpServer()).get('/probe').set('authorization', `Bearer ${token}`);
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('forbidden');
    } finally {
      await app.close();
    }
  });
});
