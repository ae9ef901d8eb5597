import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
// These specs act in periods before the 2025 reorganisation: the 63 units of 2008-2025 and their officers.
import { ADMIN, officerBefore2025Merger as officer, REVIEWER, startTestApp, type TestApp, unitIdsByCode } from '../support/app';
import { FakeClock } from '../support/fake-clock';
import { csv, TT35_HEADER, TT35_INDICATORS, tt35Rows } from '../support/report-files';
import { createTestObligation, trackSeededFromStart } from '../support/obligations';

const NOW = '2025-01-20T03:00:00Z'; // TT35 2024-Y: due 2025-02-04

describe('Regime features: dry run, justified warnings, receipts, version diff, entry lock', () => {
  let t: TestApp;
  let db: DataSource;
  let units: Record<string, string>;
  const clock = new FakeClock(new Date(NOW));

  beforeAll(async () => {
    t = await startTestApp('all', { clock });
    await trackSeededFromStart(t, 'TT35-BUU-CHINH', 'BC-QUY-TTTT-TINH');
    db = t.app.get(getDataSourceToken());
    units = await unitIdsByCode(t, '2025-06-30');
  });
  afterAll(() => t.close());
  beforeEach(() => clock.set(NOW));

  const base = (unit: string, code = 'TT35-BUU-CHINH', period = '2024-Y') => `/api/v1/obligations/${code}/periods/${period}/units/${units[unit]}/submission`;
  const upload = async (unit: string, file: Buffer, query = '', code?: string, period?: string) =>
    t.http().post(`${base(unit, code, period)}/versions${query}`).set('authorization', await t.tokenFor(officer(unit))).attach('file', file, 'bao-cao.csv');
  const submit = async (unit: string, body: Record<string, unknown> = {}, code?: string, period?: string) =>
    t.http().post(`${base(unit, code, period)}/submit`).set('authorization', await t.tokenFor(officer(unit))).send(body);
  const snapshot = async () =>
    (await db.query(`SELECT (SELECT count(*) FROM submissions)::int AS s, (SELECT count(*) FROM submission_versions)::int AS v,
      (SELECT count(*) FROM submission_rows)::int AS r, (SELECT count(*) FROM audit_events)::int AS a, (SELECT count(*) FROM receipts)::int AS rc`))[0];

  describe('dry run', () => {
    it('returns the full report and an import summary against the current version, and stores nothing', async () => {
      expect((await upload('42', csv([TT35_HEADER, ...tt35Rows([1, 2, 3, 4], [10, 20, 30, 40])]))).status).toBe(201);
      const before = await snapshot();
      const changed = tt35Rows([1, 5, 3, 4], [10, 20, 30, 40]).slice(0, 3);
      const dry = await upload('42', csv([TT35_HEADER, ...changed, [5, 'Không rõ', 1, 1, '']]), '?dryRun=true');
      expect(dry.status).toBe(200);
      expect(dry.body).toMatchObject({
        dryRun: true,
        comparedWithVersion: 1,
        duplicateOfVersion: null,
        summary: { rowsRead: 4, rowsValid: 3, rowsWithErrors: 1, rowsWithWarnings: 0, added: 1, changed: 1, removed: 1, unchanged: 2 },
      });
      expect(dry.body.report.issues.map((i: { code: string }) => i.code)).toEqual(expect.arrayContaining(['not_in_enum', 'above_max']));
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('warnings need a justification', () => {
    const WARN_CODE = 'TT35-CANH-BAO';
    beforeAll(async () => {
      const admin = await t.tokenFor(ADMIN);
      await createTestObligation(t, { code: WARN_CODE, title: 'Báo cáo thử nghiệm có cảnh báo' });
      const schema = await t.http().post(`/api/v1/obligations/${WARN_CODE}/schemas`).set('authorization', admin).send({
        effectiveFrom: '2017-01-01',
        definition: {
          keyFields: ['chi_tieu'],
          fields: [
            { key: 'chi_tieu', label: 'Chỉ tiêu', type: 'enum', required: true, enumValues: TT35_INDICATORS },
            { key: 'so_luong_trong_nam', label: 'Số lượng trong năm', type: 'integer', required: true, min: 0 },
            { key: 'so_luong_luy_ke', label: 'Số lượng lũy kế', type: 'integer', required: true, min: 0 },
            { key: 'ghi_chu', label: 'Ghi chú', type: 'text' },
          ],
          rowRules: [
            { id: 'tang_dot_bien', message: 'Số trong năm vượt 100, đề nghị giải trình', assert: 'so_luong_trong_nam <= 100', severity: 'warning' },
            { id: 'ghi_chu_di_kem', message: 'Ghi chú và số lũy kế phải cùng có hoặc cùng trống', assert: 'both_or_neither(ghi_chu, so_luong_luy_ke)', severity: 'warning' },
          ],
        },
      });
      expect(schema.status).toBe(201);
    });

    const file = () => csv([['Chỉ tiêu', 'Số lượng trong năm', 'Số lượng lũy kế', 'Ghi chú'], [TT35_INDICATORS[0], 150, 200, 'Có'], [TT35_INDICATORS[1], 120, 300, 'Có']]);

    it('refuses a submit with warnings and no justification (409), accepts one per warning, and shows it to reviewers', async () => {
      const uploaded = await upload('44', file(), '', WARN_CODE);
      expect(uploaded.body.version).toMatchObject({ valid: true, warningCount: 2 });
      const refused = await submit('44', {}, WARN_CODE);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'justification_required', warningCount: 2, unjustifiedWarnings: [0, 1] });
      const partial = await submit('44', { warningJustifications: [{ issue: 0, text: 'Cấp phép tăng do mở rộng khu công nghiệp' }] }, WARN_CODE);
      expect(partial.status).toBe(409);
      const submitted = await submit(
        '44',
        { warningJustifications: [{ issue: 0, text: 'Cấp phép tăng do mở rộng khu công nghiệp' }, { issue: 1, text: 'Đã đối chiếu sổ' }] },
        WARN_CODE,
      );
      expect(submitted.status).toBe(200);
      const view = await t.http().get(`/api/v1/submissions/${submitted.body.id}/review`).set('authorization', await t.tokenFor(REVIEWER));
      expect(view.body.justification.perWarning).toEqual([
        { issue: 0, text: 'Cấp phép tăng do mở rộng khu công nghiệp' },
        { issue: 1, text: 'Đã đối chiếu sổ' },
      ]);
    });

    it('accepts one justification for all warnings', async () => {
      await upload('45', file(), '', WARN_CODE);
      const submitted = await submit('45', { justification: 'Số liệu tăng mạnh do sáp nhập, đã kiểm tra' }, WARN_CODE);
      expect(submitted.status).toBe(200);
    });
  });

  describe('receipts of record', () => {
    it('issues a signed receipt on submit that verifies, prints, and fails verification once tampered', async () => {
      const uploaded = await upload('46', csv([TT35_HEADER, ...tt35Rows()]));
      const submitted = await submit('46');
      expect(submitted.status).toBe(200);
      const receipt = submitted.body.receipt;
      expect(receipt.content).toMatchObject({
        submissionId: submitted.body.id,
        versionNumber: 1,
        fileSha256: uploaded.body.version.sha256,
        serverTime: new Date(NOW).toISOString(),
        submitter: { email: 'officer.46@baocao.local' },
        unit: { code: '46', name: 'Thành phố Huế' },
        obligation: { code: 'TT35-BUU-CHINH' },
        periodKey: '2024-Y',
        periodLabel: 'Năm 2024',
        dueDate: '2025-02-04',
        onTime: true,
        // The bodies of the day of submission (20/01/2025): before the 2025 reorganisation of the ministry.
        sender: 'Sở Thông tin và Truyền thông Thành phố Huế',
        receivingBody: 'Vụ Bưu chính, Bộ Thông tin và Truyền thông',
      });
      const token = await t.tokenFor(officer('46'));
      const fetched = await t.http().get(`/api/v1/receipts/${receipt.id}`).set('authorization', token);
      expect(fetched.body).toEqual(receipt);
      expect((await t.http().get(`/api/v1/receipts/${receipt.id}/verify`).set('authorization', token)).body).toMatchObject({ valid: true, hashMatches: true, signatureValid: true });
      const page = await t.http().get(`/api/v1/receipts/${receipt.id}/print`).set('authorization', token);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.text).toContain('Biên nhận báo cáo');
      expect(page.text).toContain('Đúng hạn');
      // For people: the period by its label, dates dd/mm/yyyy, the time in Vietnam time; no machine values.
      expect(page.text).toContain('<td>Kỳ báo cáo</td><td><code>Năm 2024</code></td>');
      expect(page.text).toContain('<td>Hạn nộp</td><td><code>04/02/2025</code></td>');
      expect(page.text).toContain('20/01/2025 10:00:00 (giờ Việt Nam)');
      expect(page.text).toContain('Sở Thông tin và Truyền thông Thành phố Huế');
      expect(page.text).not.toMatch(/\d{4}-\d{2}-\d{2}|2024-Y/);
      expect((await t.http().get(`/api/v1/receipts/${receipt.id}`).set('authorization', await t.tokenFor(officer('01')))).status).toBe(403);

      const forged = { content: { ...receipt.content, onTime: true, serverTime: '2025-01-01T00:00:00.000Z' }, hash: receipt.hash, signature: receipt.signature };
      const document = await t.http().post('/api/v1/receipts/verify').set('authorization', token).send(forged);
      expect(document.body).toMatchObject({ valid: false, hashMatches: false });

      await db.query(`UPDATE receipts SET content = jsonb_set(content, '{onTime}', 'false') WHERE id = $1`, [receipt.id]);
      const tampered = await t.http().get(`/api/v1/receipts/${receipt.id}/verify`).set('authorization', token);
      expect(tampered.body).toMatchObject({ valid: false, hashMatches: false });
      await db.query(`UPDATE receipts SET content = jsonb_set(content, '{onTime}', 'true'), hash = repeat('0', 64) WHERE id = $1`, [receipt.id]);
      expect((await t.http().get(`/api/v1/receipts/${receipt.id}/verify`).set('authorization', token)).body).toMatchObject({ valid: false, signatureValid: false });
    });
  });

  describe('version diff', () => {
    it('shows what changed between versions, field by field, also to the reviewer after a return', async () => {
      await upload('48', csv([TT35_HEADER, ...tt35Rows([1, 2, 3, 4], [10, 20, 30, 40])]));
      const first = await submit('48');
      const reviewer = await t.tokenFor(REVIEWER);
      await t
        .http()
        .post(`/api/v1/submissions/${first.body.id}/decisions`)
        .set('authorization', reviewer)
        .send({ decision: 'return', versionNumber: 1, expectedRevision: first.body.revision, comment: 'Sai số lũy kế chỉ tiêu 2' });
      await upload('48', csv([TT35_HEADER, ...tt35Rows([1, 2, 3, 4], [10, 25, 30, 40])]));
      await submit('48');
      const diff = await t.http().get(`${base('48')}/diff?from=1&to=2`).set('authorization', await t.tokenFor(officer('48')));
      expect(diff.status).toBe(200);
      expect(diff.body).toEqual({
        from: 1,
        to: 2,
        keyFields: ['chi_tieu'],
        summary: { added: 0, removed: 0, changed: 1, unchanged: 3 },
        differences: [{ key: TT35_INDICATORS[1], kind: 'changed', fromRow: 3, toRow: 3, changes: [{ field: 'so_luong_luy_ke', from: 20, to: 25 }] }],
        truncated: false,
      });
      const view = await t.http().get(`/api/v1/submissions/${first.body.id}/review`).set('authorization', reviewer);
      expect(view.body.changesSinceLastReview).toMatchObject({ returnedComment: 'Sai số lũy kế chỉ tiêu 2', from: 1, to: 2, summary: { changed: 1 } });
      const list = await t.http().get(`/api/v1/submissions?unitId=${units['48']}`).set('authorization', reviewer);
      expect(list.body.items[0].returnCount).toBe(1);
      const table = await t.http().get('/api/v1/compliance/obligations/TT35-BUU-CHINH/periods/2024-Y/units').set('authorization', reviewer);
      expect(table.body.items.find((u: { unitCode: string }) => u.unitCode === '48')).toMatchObject({ returnCount: 1, status: 'submitted' });
    });
  });

  describe('entry lock', () => {
    it('locks uploads and submits after the grace days, lets an exception through until it expires, and lists it', async () => {
      clock.set('2025-05-10T03:00:00Z'); // due 2025-02-04 + 90 days -> locked from 2025-05-06
      const locked = await upload('49', csv([TT35_HEADER, ...tt35Rows()]));
      expect(locked.status).toBe(409);
      expect(locked.body).toMatchObject({ code: 'period_locked', lockedSince: '2025-05-05T17:00:00.000Z', dueDate: '2025-02-04', lockAfterDays: 90 });
      // People read dates in Vietnam time, dd/mm/yyyy; the machine values stay in their own members.
      expect(locked.body.detail).toBe(
        'Năm 2024 của báo cáo TT35-BUU-CHINH đã khoá nhập liệu từ 06/05/2025 00:00 (giờ Việt Nam) (quá 90 ngày sau hạn nộp 04/02/2025). Đề nghị liên hệ Bộ để được cấp ngoại lệ.',
      );
      expect(locked.body.detail).toContain('đã khoá nhập liệu');

      const byOfficer = await t.http().post('/api/v1/lock-exceptions').set('authorization', await t.tokenFor(officer('49'))).send({});
      expect(byOfficer.status).toBe(403);
      const granted = await t
        .http()
        .post('/api/v1/lock-exceptions')
        .set('authorization', await t.tokenFor(REVIEWER))
        .send({ obligationCode: 'TT35-BUU-CHINH', periodKey: '2024-Y', unitId: units['49'], reason: 'Gia hạn do sự cố hệ thống của Sở', endsAt: '2025-05-12T17:00:00Z' });
      expect(granted.status).toBe(201);
      expect(granted.body).toMatchObject({ unitCode: '49', active: true });

      expect((await upload('49', csv([TT35_HEADER, ...tt35Rows()]))).status).toBe(201);
      const submitted = await submit('49');
      expect(submitted.status).toBe(200);
      expect(submitted.body).toMatchObject({ onTime: false, daysLate: 95 });

      clock.set('2025-05-13T03:00:00Z');
      const expired = await upload('49', csv([TT35_HEADER, ...tt35Rows([9, 9, 9, 9], [9, 9, 9, 9])]));
      expect(expired.status).toBe(409);
      expect(expired.body.code).toBe('period_locked');
      const list = await t.http().get('/api/v1/lock-exceptions?obligation=TT35-BUU-CHINH').set('authorization', await t.tokenFor(ADMIN));
      expect(list.body.items.find((e: { id: string }) => e.id === granted.body.id)).toMatchObject({ active: false, reason: 'Gia hạn do sự cố hệ thống của Sở' });
      const [audit] = await db.query(`SELECT action, reason FROM audit_events WHERE entity_id = $1`, [granted.body.id]);
      expect(audit).toEqual({ action: 'entry_lock.exception_granted', reason: 'Gia hạn do sự cố hệ thống của Sở' });
    });
  });
});
