import { ADMIN, officer, startTestApp, type TestApp } from '../support/app';

describe('Periods and the working-day calendar', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp();
    token = await t.tokenFor(officer('01'));
  });
  afterAll(() => t.close());

  const periods = (code: string, query: string) => t.http().get(`/api/v1/obligations/${code}/periods?${query}`).set('authorization', token);

  it('derives quarterly periods with Decree 09 cut-off windows, working-day due dates and status at a moment', async () => {
    const response = await periods('BC-QUY-TTTT-TINH', 'from=2024-Q1&to=2024-Q4&at=2024-03-20T03:00:00Z');
    expect(response.status).toBe(200);
    expect(response.body.items.map((p: { key: string }) => p.key)).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']);
    expect(response.body.items[0]).toEqual({
      key: '2024-Q1',
      label: 'Quý I/2024',
      start: '2024-01-01',
      end: '2024-03-31',
      cutoffStart: '2023-12-15',
      cutoffEnd: '2024-03-14',
      dueDate: '2024-03-21',
      dueAt: '2024-03-21T16:59:59.999Z',
      status: 'due',
      daysUntilDue: 1,
    });
    expect(response.body.items.map((p: { status: string }) => p.status)).toEqual(['due', 'open', 'upcoming', 'upcoming']);
    const later = await periods('BC-QUY-TTTT-TINH', 'from=2024-Q1&to=2024-Q1&at=2024-03-22T01:00:00Z');
    expect(later.body.items[0]).toMatchObject({ status: 'overdue', daysUntilDue: -1 });
  });

  it('moves a due date that falls in Tết to the next working day, and follows an announced day off', async () => {
    const before = await periods('TT35-BUU-CHINH', 'from=2023-Y&to=2024-Y&at=2025-01-15T00:00:00Z');
    expect(before.body.items.map((p: { key: string; dueDate: string; cutoffStart: string; cutoffEnd: string }) => [p.key, p.cutoffStart, p.cutoffEnd, p.dueDate])).toEqual([
      ['2023-Y', '2023-01-01', '2023-12-31', '2024-01-31'],
      ['2024-Y', '2024-01-01', '2024-12-31', '2025-02-04'],
    ]);
    const admin = await t.tokenFor(ADMIN);
    const set = await t.http().put('/api/v1/calendar/overrides/2025-02-04').set('authorization', admin).send({ kind: 'day_off', reason: 'Nghỉ bổ sung (thử nghiệm)' });
    expect(set.status).toBe(200);
    const after = await periods('TT35-BUU-CHINH', 'from=2024-Y&to=2024-Y&at=2025-01-15T00:00:00Z');
    expect(after.body.items[0].dueDate).toBe('2025-02-05');
    expect((await t.http().delete('/api/v1/calendar/overrides/2025-02-04').set('authorization', admin)).status).toBe(204);
    const restored = await periods('TT35-BUU-CHINH', 'from=2024-Y&to=2024-Y&at=2025-01-15T00:00:00Z');
    expect(restored.body.items[0].dueDate).toBe('2025-02-04');
  });

  it('lists the days off of a year, lunar holidays included', async () => {
    const response = await t.http().get('/api/v1/calendar/2025').set('authorization', token);
    expect(response.status).toBe(200);
    const byDate = Object.fromEntries(response.body.daysOff.map((d: { date: string; name: string }) => [d.date, d.name]));
    expect(byDate['2025-01-29']).toBe('Tết Nguyên Đán');
    expect(byDate['2025-04-07']).toBe('Giỗ Tổ Hùng Vương');
    expect(byDate['2025-09-02']).toBe('Quốc khánh');
    expect(byDate['2025-01-01']).toBe('Tết Dương lịch');
  });

  it('refuses calendar changes to non-admins and bad input with 422', async () => {
    expect((await t.http().put('/api/v1/calendar/overrides/2025-05-03').set('authorization', token).send({ kind: 'working_day', reason: 'Làm bù' })).status).toBe(403);
    const admin = await t.tokenFor(ADMIN);
    const badDate = await t.http().put('/api/v1/calendar/overrides/2025-02-30').set('authorization', admin).send({ kind: 'working_day', reason: 'Làm bù' });
    expect(badDate.status).toBe(422);
    expect(badDate.body.errors[0].field).toBe('date');
    const badKind = await t.http().put('/api/v1/calendar/overrides/2025-05-03').set('authorization', admin).send({ kind: 'holiday', reason: 'x' });
    expect(badKind.status).toBe(422);
    expect(badKind.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['kind', 'reason']);
  });

  it('rejects malformed or mismatched period keys with a 422 naming the parameter', async () => {
    const wrongType = await periods('BC-QUY-TTTT-TINH', 'from=2024-M03');
    expect(wrongType.status).toBe(422);
    expect(wrongType.body.errors[0]).toMatchObject({ field: 'from', code: 'invalid_period' });
    const malformed = await periods('BC-QUY-TTTT-TINH', 'to=2024-Q5');
    expect(malformed.status).toBe(422);
    expect(malformed.body.errors[0].field).toBe('to');
    expect((await periods('NO-SUCH', 'from=2024-Q1')).status).toBe(404);
  });
});
