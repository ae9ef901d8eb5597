import { getDataSourceToken } from '@nestjs/typeorm';
import type { Browser, Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { addDays } from '../../src/periods/domain';
import { COMPLIANCE, officerBefore2025Merger, REVIEWER, type TestApp } from '../support/app';
import { FakeClock } from '../support/fake-clock';
import { csv, QUARTERLY_HEADER } from '../support/report-files';
import { accessible, inspect, launchBrowser, listen, openWindow, type PageCheck, signIn } from '../web/support/browser';
import { onlyRefusedRequests } from '../web/support/journeys';
import { obligationId, putSubmission, unitIds } from './support/fixtures';
import { startOnOwnDatabase } from './support/own-database';
import { trackSeededFromStart } from '../support/obligations';
import { createJourneyObligation } from '../web/support/journeys';

const OBLIGATION = 'BC-QUY-TTTT-TINH';
const PERIODS = ['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'];
/** Approved provinces per quarter: all 63 in 2024-Q3, then 61 of 63 in 2024-Q4. */
const APPROVED = [44, 47, 50, 53, 55, 57, 63, 61];
/** Provinces whose last two quarters are real reports (uploaded, submitted, approved): the aggregates add them up. */
const REPORTING = ['01', '02'];

interface Completion {
  headline: string;
  onTime: number;
  late: number;
  overdue: number;
  counts: Record<string, number>;
  owing: Array<{ unitCode: string; daysOverdue: number | null }>;
}

/** The compliance officer's journey in a real browser: sign in, the completion of a quarter, 63/63, the national aggregates. */
describe('Compliance dashboard in a real browser', () => {
  const clock = new FakeClock(new Date('2025-02-10T03:00:00Z'));
  let t: TestApp;
  let stop: () => Promise<void>;
  let browser: Browser;
  let page: Page;
  let base: string;
  const problems: string[] = [];
  const checks: PageCheck[] = [];
  jest.setTimeout(120_000);

  /**
   * Uploads, submits and approves a quarterly report through the API two days before its due date:
   * figures, the rate's number of filings, and the data cut-off date (the report's reference date) of its quarter.
   */
  async function report(unit: string, unitId: string, period: { key: string; dueDate: string; cutoffEnd: string }, values: Array<string | number>, filings: string) {
    clock.set(`${addDays(period.dueDate, -2)}T03:00:00Z`);
    const path = `/api/v1/obligations/${OBLIGATION}/periods/${period.key}/units/${unitId}/submission`;
    const token = await t.tokenFor(officerBefore2025Merger(unit));
    const cutoff = period.cutoffEnd.split('-').reverse().join('/');
    const uploaded = await t.http().post(`${path}/versions`).set('authorization', token).attach('file', csv([QUARTERLY_HEADER, [...values, cutoff, 'Nguyễn Văn A', '', filings]]), 'bao-cao.csv');
    expect(uploaded.body.version?.valid).toBe(true);
    const sent = await t.http().post(`${path}/submit`).set('authorization', token).send({});
    const approved = await t
      .http()
      .post(`/api/v1/submissions/${sent.body.id}/decisions`)
      .set('authorization', await t.tokenFor(REVIEWER))
      .send({ decision: 'approve', versionNumber: 1, expectedRevision: sent.body.revision });
    expect(approved.body.status).toBe('approved');
  }

  /** Eight quarters of the 63 provinces: the first ones approved (every ninth late), then one returned, one submitted, the rest nothing. */
  async function seedQuarters(db: DataSource): Promise<void> {
    const obligation = await obligationId(db, OBLIGATION);
    const ids = await unitIds(db);
    // The 63 provinces of 2008-2025: these quarters end before the 2025 reorganisation.
    const provinces: Array<{ id: string; code: string }> = await db.query(
      `SELECT id, code FROM reporting_units WHERE valid_from <= '2024-12-31' AND (valid_to IS NULL OR valid_to >= '2024-12-31') ORDER BY code`,
    );
    const schedule = await t.http().get(`/api/v1/obligations/${OBLIGATION}/periods?from=${PERIODS[0]}&to=${PERIODS[PERIODS.length - 1]}`).set('authorization', await t.tokenFor(COMPLIANCE));
    for (const [i, period] of schedule.body.items.entries()) {
      for (const [rank, unit] of provinces.entries()) {
        if (i >= 6 && REPORTING.includes(unit.code)) continue;
        const late = rank % 9 === 4;
        const submittedAt = `${addDays(period.dueDate, late ? 2 : -2)}T03:00:00Z`;
        const status = rank < APPROVED[i] ? 'approved' : rank === APPROVED[i] ? 'returned' : rank === APPROVED[i] + 1 && i < 7 ? 'submitted' : null;
        if (!status) continue;
        await putSubmission(db, { obligationId: obligation, periodKey: period.key, unitId: unit.id, status, submittedAt, dueDate: period.dueDate, onTime: !late, daysLate: late ? 2 : 0 });
      }
    }
    const [q3, q4] = schedule.body.items.slice(6);
    await report('01', ids['01'], q3, ['800.000', '200', 1000, 700, 4500, 3500, 9, 45, '35'], '100.000');
    await report('02', ids['02'], q3, ['200.000', '50', 500, 300, 1500, 1000, 3, 15, '25'], '100.000');
    // Hà Nội handled three times as many filings as Hà Giang: the national rate leans towards Hà Nội's 40,5 %.
    await report('01', ids['01'], q4, ['1.000.000', '250,5', 1000, 800, 5000, 4000, 10, 50, '40,5'], '300.000');
    await report('02', ids['02'], q4, ['300.000', '49,5', 500, 400, 2000, 1500, 5, 25, '51'], '100.000');
    clock.set('2025-02-10T03:00:00Z');
  }

  beforeAll(async () => {
    ({ t, stop } = await startOnOwnDatabase('dashboard', clock));
    await trackSeededFromStart(t, 'TT35-BUU-CHINH', 'BC-QUY-TTTT-TINH');
    await seedQuarters(t.app.get(getDataSourceToken()));
    base = await listen(t);
    browser = await launchBrowser();
    ({ page } = await openWindow(browser, problems));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stop();
  });

  const api = async <T>(path: string): Promise<T> => (await t.http().get(path).set('authorization', await t.tokenFor(COMPLIANCE))).body as T;
  const text = (selector: string) => page.locator(selector).innerText();
  const showing = (obligation: string, period: string) => page.locator(`[data-shown="${obligation}/${period}"]`).waitFor();

  it('moved from /dashboard to the workspace, behind the same sign-in as every page, with no token in the page', async () => {
    await page.goto(`${base}/dashboard`);
    await page.waitForURL(`${base}/dang-nhap?next=%2Ftheo-doi`);
    await signIn(page, COMPLIANCE);
    expect(page.url()).toMatch(new RegExp(`^${base}/theo-doi`));
    expect(await page.evaluate('JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }) + document.cookie')).toBe('{}{}');
  });

  it('shows the figures of a quarter as the API gives them, with the units still owing and their contacts', async () => {
    await page.getByLabel('Nghĩa vụ báo cáo').selectOption(OBLIGATION);
    await page.locator('#period option[value="2024-Q4"]').waitFor({ state: 'attached' });
    await page.getByLabel('Kỳ báo cáo').selectOption('2024-Q4');
    await showing(OBLIGATION, '2024-Q4');
    expect(page.url()).toBe(`${base}/theo-doi/${OBLIGATION}/2024-Q4`);

    const completion = await api<Completion>(`/api/v1/compliance/obligations/${OBLIGATION}/periods/2024-Q4`);
    expect(completion.headline).toBe('61/63');
    expect(await text('#headline')).toBe('61/63');
    expect(await text('#percent')).toBe('96,83%');
    expect(await text('#due-date')).toBe('20/12/2024');
    expect(await text('#stat-on-time')).toBe(String(completion.onTime));
    expect(await text('#stat-late')).toBe(String(completion.late));
    expect(await text('#stat-overdue')).toBe(String(completion.overdue));
    expect(await text('#stat-expected')).toBe('63');
    for (const [status, count] of Object.entries({ approved: completion.counts.approved, returned: completion.counts.returned, not_started: completion.counts.notStarted })) {
      expect(await page.locator(`#status-chart [data-status="${status}"] .value`).textContent()).toBe(String(count));
    }
    const owing = await page.locator('#owing tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].slice(0, 4).map((cell) => cell.textContent)));
    expect(owing).toEqual(completion.owing.map((unit) => [unit.unitCode, expect.any(String), expect.any(String), String(unit.daysOverdue)]));
    expect(owing.map((row) => row[2])).toEqual(['Bị trả lại', 'Chưa nộp']);
    expect(await text('#owing-count')).toBe('2');
    const contacts = await page.locator('#owing tbody tr').first().locator('td.contacts').innerText();
    expect(contacts).toBe(officerBefore2025Merger(completion.owing[0].unitCode));

    const trend = await api<{ items: Array<{ period: { key: string; label: string }; completionPercent: number }> }>(`/api/v1/compliance/obligations/${OBLIGATION}/trend?to=2024-Q4`);
    const bars = await page
      .locator('#trend-chart [data-period]')
      .evaluateAll((groups) => groups.map((group) => [group.getAttribute('data-period'), group.querySelector('.value')?.textContent, group.querySelectorAll('text')[1]?.textContent]));
    expect(bars).toEqual(trend.items.map((item) => [item.period.key, `${Math.round(item.completionPercent)}%`, item.period.label]));
    expect(bars.map((bar) => bar[0])).toEqual(PERIODS);

    expect(await page.locator('#units tbody tr').count()).toBe(63);
    expect(await page.locator('#units tbody tr[data-unit="01"] td').allInnerTexts()).toEqual(['01', 'Thành phố Hà Nội', 'Đã duyệt', '20/12/2024', '10:00 18/12/2024', 'Có', '0', '–']);
    checks.push(await inspect(page, 'theo-doi'));
  });

  it('shows the national aggregates of the quarter with their change against the previous quarter', async () => {
    const aggregates = page.locator('[data-testid="aggregates"]');
    expect(await aggregates.locator('h2').innerText()).toBe('Số liệu tổng hợp toàn quốc: Quý IV/2024');
    expect(await aggregates.locator('tr[data-field="san_luong_buu_gui"]').locator('th, td').allInnerTexts()).toEqual([
      'Sản lượng bưu gửi (bưu gửi)',
      '1.300.000',
      '+300.000 (+30%)',
      '– (–)',
    ]);
    expect(await aggregates.locator('tr[data-field="doanh_thu_buu_chinh"] td').first().innerText()).toBe('300');
    // A weighted average says by what: (40,5 x 300.000 + 51 x 100.000) / 400.000, not the plain mean 45,75.
    const rate = aggregates.locator('tr[data-field="ty_le_ho_so_truc_tuyen_toan_trinh"]');
    expect(await rate.locator('th').innerText()).toBe('Tỷ lệ hồ sơ trực tuyến toàn trình (%), trung bình có trọng số theo tổng số hồ sơ thủ tục hành chính tiếp nhận');
    expect(await rate.locator('td').first().innerText()).toBe('43,125');
  });

  it('shows a quarter every province completed as 63/63, opened from its own address', async () => {
    await page.goto(`${base}/theo-doi/${OBLIGATION}/2024-Q3`);
    await showing(OBLIGATION, '2024-Q3');
    expect(await text('#headline')).toBe('63/63');
    expect(await text('#percent')).toBe('100%');
    expect(await text('#owing-count')).toBe('0');
    expect(await page.locator('#owing-title + p').innerText()).toBe('Tất cả đơn vị đã hoàn thành.');
    checks.push(await inspect(page, 'theo-doi-63-63'));
  });

  it('shows a period due before the obligation is tracked as history: no percentage, no lateness, the units without figures', async () => {
    await createJourneyObligation(t, 'WEB-LICH-SU', 'Báo cáo thử nghiệm theo dõi từ năm 2025', { trackedFrom: '2025-01-01' });
    await page.goto(`${base}/theo-doi/WEB-LICH-SU/2023-Y`);
    await showing('WEB-LICH-SU', '2023-Y');
    expect(await page.title()).toBe('Theo dõi WEB-LICH-SU, Năm 2023 — Hệ thống báo cáo định kỳ');
    expect(await text('#headline')).toBe('không theo dõi');
    expect(await page.locator('#percent').count()).toBe(0);
    expect(await text('#not-tracked')).toBe(
      'Hạn nộp 31/01/2024, trước ngày bắt đầu theo dõi báo cáo này: số liệu lịch sử được nạp bù, không tính tỷ lệ hoàn thành, đúng hạn hay quá hạn. 0/63 đơn vị đã có số liệu.',
    );
    expect(await text('#owing-title')).toBe('Đơn vị chưa có số liệu 63');
    checks.push(await inspect(page, 'theo-doi-lich-su'));
  });

  it('found no serious accessibility problem, nothing wider than a phone, and no script error', () => {
    expect(checks).toEqual(checks.map((check) => accessible(check.name)));
    expect(onlyRefusedRequests(problems)).toEqual([]);
  });
});
