import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { getDataSourceToken } from '@nestjs/typeorm';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { addDays } from '../../src/periods/domain';
import { COMPLIANCE, type TestApp } from '../support/app';
import { FakeClock } from '../support/fake-clock';
import { DEMO_PASSWORD } from '../support/test-env';
import { obligationId, putSubmission } from './support/fixtures';
import { startOnOwnDatabase } from './support/own-database';
import { trackSeededFromStart } from '../support/obligations';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, '..', 'artifacts');
const OBLIGATION = 'BC-QUY-TTTT-TINH';
const PERIODS = ['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'];
/** Approved provinces per quarter, rising to 61 of 63 in 2024-Q4. */
const APPROVED = [44, 47, 50, 53, 55, 57, 59, 61];

interface Completion {
  headline: string;
  completionPercent: number;
  onTime: number;
  late: number;
  overdue: number;
  expected: number;
  counts: Record<string, number>;
  owing: Array<{ unitCode: string; daysOverdue: number | null }>;
}

describe('Compliance dashboard in a real browser', () => {
  const clock = new FakeClock(new Date('2025-02-10T03:00:00Z'));
  let t: TestApp;
  let stop: () => Promise<void>;
  let browser: Browser;
  let page: Page;
  let base: string;
  const problems: string[] = [];

  /** Eight quarters of reports of the 63 provinces: the first ones approved (every ninth late), then one returned, one submitted, the rest nothing. */
  async function seedQuarters(db: DataSource): Promise<void> {
    const obligation = await obligationId(db, OBLIGATION);
    // The 63 provinces of 2008-2025: these quarters end before the 2025 reorganisation.
    const provinces: Array<{ id: string }> = await db.query(`SELECT id FROM reporting_units WHERE valid_from <= '2024-12-31' AND (valid_to IS NULL OR valid_to >= '2024-12-31') ORDER BY code`);
    const schedule = await t.http().get(`/api/v1/obligations/${OBLIGATION}/periods?from=${PERIODS[0]}&to=${PERIODS[PERIODS.length - 1]}`).set('authorization', await t.tokenFor(COMPLIANCE));
    for (const [i, period] of schedule.body.items.entries()) {
      for (const [rank, unit] of provinces.entries()) {
        const late = rank % 9 === 4;
        const submittedAt = `${addDays(period.dueDate, late ? 2 : -2)}T03:00:00Z`;
        const status = rank < APPROVED[i] ? 'approved' : rank === APPROVED[i] ? 'returned' : rank === APPROVED[i] + 1 && i < 7 ? 'submitted' : null;
        if (!status) continue;
        await putSubmission(db, { obligationId: obligation, periodKey: period.key, unitId: unit.id, status, submittedAt, dueDate: period.dueDate, onTime: !late, daysLate: late ? 2 : 0 });
      }
    }
  }

  beforeAll(async () => {
    ({ t, stop } = await startOnOwnDatabase('dashboard', clock));
    await trackSeededFromStart(t, 'TT35-BUU-CHINH', 'BC-QUY-TTTT-TINH');
    await seedQuarters(t.app.get(getDataSourceToken()));
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.setDefaultTimeout(10_000);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await stop();
  });

  const api = async <T>(path: string): Promise<T> => (await t.http().get(path).set('authorization', await t.tokenFor(COMPLIANCE))).body as T;
  const text = (selector: string) => page.locator(selector).innerText();
  /** Waits until the element shows some text (the page fills it asynchronously). */
  const shown = async (selector: string) => {
    await page.locator(selector).filter({ hasText: /\S/ }).waitFor();
    return text(selector);
  };

  it('serves the page without a token, as HTML with a script policy of its own origin only', async () => {
    const response = await t.http().get('/dashboard');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.text).toContain('<script type="module" src="/dashboard/assets/app.js"></script>');
    expect(response.text).not.toMatch(/<script>(?!<\/script>)/);
    const script = await t.http().get('/dashboard/assets/app.js');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await t.http().get('/dashboard/assets/secret.env')).status).toBe(404);
  });

  it('logs in, keeps the token in sessionStorage and lists the obligations', async () => {
    await page.goto(`${base}/dashboard`);
    await page.locator('#login').waitFor({ state: 'visible' });
    await page.fill('#email', 'compliance@baocao.local');
    await page.fill('#password', 'sai-mat-khau');
    await page.click('#login-submit');
    expect(await shown('#login-error')).toBe('Sai thư điện tử hoặc mật khẩu.');
    // The refused log-in is the only failed request so far.
    expect(problems).toEqual(['Failed to load resource: the server responded with a status of 401 (Unauthorized)']);
    problems.splice(0);

    await page.fill('#password', DEMO_PASSWORD);
    await page.click('#login-submit');
    await page.locator('#board').waitFor({ state: 'visible' });
    expect(await page.evaluate('sessionStorage.getItem("baocao.token")')).toMatch(/^ey/);
    expect(await text('#user-email')).toBe('compliance@baocao.local');
    await page.locator(`#obligation option[value="${OBLIGATION}"]`).waitFor({ state: 'attached' });
  });

  it('shows the figures of the chosen obligation and period as the API gives them', async () => {
    await page.selectOption('#obligation', OBLIGATION);
    await page.locator('#period option[value="2024-Q4"]').waitFor({ state: 'attached' });
    await page.selectOption('#period', '2024-Q4');
    await page.locator(`body[data-shown="${OBLIGATION}/2024-Q4"][data-state="ready"]`).waitFor();

    const completion = await api<Completion>(`/api/v1/compliance/obligations/${OBLIGATION}/periods/2024-Q4`);
    expect(completion.headline).toBe('61/63');
    expect(await text('#headline')).toBe(completion.headline);
    expect(await text('#percent')).toBe('96,83%');
    expect(await text('#due-date')).toBe('20/12/2024');
    expect(await text('#stat-on-time')).toBe(String(completion.onTime));
    expect(await text('#stat-late')).toBe(String(completion.late));
    expect(await text('#stat-overdue')).toBe(String(completion.overdue));
    expect(await text('#stat-expected')).toBe('63');

    for (const [status, count] of Object.entries({ approved: completion.counts.approved, returned: completion.counts.returned, not_started: completion.counts.notStarted })) {
      expect(await page.locator(`#status-chart [data-status="${status}"] .value`).textContent()).toBe(String(count));
    }

    const owing = await page.locator('#owing tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent)));
    expect(owing).toEqual(completion.owing.map((unit) => [unit.unitCode, expect.any(String), expect.any(String), String(unit.daysOverdue)]));
    expect(owing.map((row) => row[2])).toEqual(['Bị trả lại', 'Chưa nộp']);
    expect(await text('#owing-count')).toBe('2');

    const trend = await api<{ items: Array<{ period: { key: string }; completionPercent: number }> }>(`/api/v1/compliance/obligations/${OBLIGATION}/trend?to=2024-Q4`);
    const bars = await page.locator('#trend-chart [data-period]').evaluateAll((groups) => groups.map((group) => [group.getAttribute('data-period'), group.querySelector('.value')?.textContent]));
    expect(bars).toEqual(trend.items.map((item) => [item.period.key, `${Math.round(item.completionPercent)}%`]));
    expect(bars.map((bar) => bar[0])).toEqual(PERIODS);

    expect(await page.locator('#units tbody tr').count()).toBe(63);
    expect(await page.locator('#units tbody tr[data-unit="01"] td').allInnerTexts()).toEqual(['01', 'Thành phố Hà Nội', 'Đã duyệt', '20/12/2024', '10:00 18/12/2024', 'Có', '0', '–']);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('goes back to the log-in form on log-out and forgets the token', async () => {
    await page.click('#logout');
    await page.locator('#login').waitFor({ state: 'visible' });
    expect(await page.evaluate('sessionStorage.getItem("baocao.token")')).toBeNull();
  });
});
