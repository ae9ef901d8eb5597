import type { Browser, Page } from 'playwright-core';
import { ADMIN, formerOfficer, officer, REVIEWER, startTestApp, type TestApp, unitIdsByCode } from '../support/app';
import { FakeClock } from '../support/fake-clock';
import { csv } from '../support/report-files';
import { accessible, inspect, launchBrowser, listen, openWindow, type PageCheck, signIn } from './support/browser';
import { createJourneyObligation, JOURNEY_HEADER, onlyRefusedRequests } from './support/journeys';

const OBLIGATION = 'WEB-THAM-DINH';
const TITLE = 'Báo cáo thử nghiệm thẩm định mạng bưu chính';
/** Hà Nội, unchanged by the 2025 reorganisation: compared with its own Năm 2024. */
const UNIT = '01';
/** Today's Hưng Yên: Hưng Yên (33) and Thái Bình (34) of 2008-2025, merged on 1 July 2025. */
const RACE_UNIT = '33';

/**
 * A ministry reviewer's main journey in a real browser, on today's map (Năm 2025): the queue with
 * its filters, a return with a remark on one field, the officer's correction through the web form,
 * the approval; a merged province compared with its predecessors' Năm 2024; and a decision that
 * lost a race, explained in words.
 */
describe('Reviewer journey in a real browser', () => {
  const clock = new FakeClock(new Date('2025-01-20T03:00:00Z'));
  let t: TestApp;
  let browser: Browser;
  let reviewer: Page;
  let officerPage: Page;
  let base: string;
  /** Today's units, which report Năm 2025. */
  let units: Record<string, string>;
  const problems: string[] = [];
  const checks: PageCheck[] = [];
  jest.setTimeout(120_000);

  const api = (unit: string, period: string) => `/api/v1/obligations/${OBLIGATION}/periods/${period}/units/${units[unit]}/submission`;
  /** The officer uploads and submits through the API (what this journey does not look at). */
  async function submitReport(email: string, path: string, rows: Array<Array<string | number>>) {
    const token = await t.tokenFor(email);
    const uploaded = await t.http().post(`${path}/versions`).set('authorization', token).attach('file', csv([JOURNEY_HEADER, ...rows]), 'bao-cao.csv');
    expect(uploaded.body.version?.valid).toBe(true);
    const submitted = await t.http().post(`${path}/submit`).set('authorization', token).send({});
    expect(submitted.status).toBe(200);
    return submitted.body;
  }
  async function approve(submission: { id: string; revision: number }) {
    const approved = await t
      .http()
      .post(`/api/v1/submissions/${submission.id}/decisions`)
      .set('authorization', await t.tokenFor(REVIEWER))
      .send({ decision: 'approve', versionNumber: 1, expectedRevision: submission.revision });
    expect(approved.body.status).toBe('approved');
  }

  beforeAll(async () => {
    t = await startTestApp('api', { clock });
    await createJourneyObligation(t, OBLIGATION, TITLE);
    // Năm 2024, approved: Hà Nội; Hưng Yên and Thái Bình of the time (30 + 40 and 20 + 15 million đồng: 105 together).
    const unitsOf2024 = await unitIdsByCode(t, '2024-12-31');
    const lastYearPath = (code: string) => `/api/v1/obligations/${OBLIGATION}/periods/2024-Y/units/${unitsOf2024[code]}/submission`;
    await approve(await submitReport(officer(UNIT), lastYearPath(UNIT), [['Bưu cục', 10, '100', ''], ['Điểm phục vụ', 20, '200', '']]));
    await approve(await submitReport(formerOfficer('33'), lastYearPath('33'), [['Bưu cục', 3, '30', ''], ['Điểm phục vụ', 4, '40', '']]));
    await approve(await submitReport(formerOfficer('34'), lastYearPath('34'), [['Bưu cục', 2, '20', ''], ['Điểm phục vụ', 3, '15', '']]));
    clock.set('2026-01-20T03:00:00Z');
    units = await unitIdsByCode(t, '2025-12-31');
    await submitReport(officer(UNIT), api(UNIT, '2025-Y'), [['Bưu cục', 16, '150', ''], ['Điểm phục vụ', 20, '300', '']]);
    await submitReport(officer(RACE_UNIT), api(RACE_UNIT, '2025-Y'), [['Bưu cục', 5, '50', ''], ['Điểm phục vụ', 6, '60', '']]);
    base = await listen(t);
    browser = await launchBrowser();
    ({ page: reviewer } = await openWindow(browser, problems));
    ({ page: officerPage } = await openWindow(browser, problems));
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('shows the queue of submitted reports with filters, and flags a large change', async () => {
    await reviewer.goto(`${base}/tham-dinh`);
    await signIn(reviewer, REVIEWER);
    await reviewer.getByRole('heading', { name: 'Thẩm định báo cáo' }).waitFor();
    await reviewer.getByLabel('Nghĩa vụ báo cáo').selectOption(OBLIGATION);
    await reviewer.locator(`[data-testid="queue"][data-query*="obligation=${OBLIGATION}"]`).waitFor();
    const rows = reviewer.locator('[data-testid="queue"] tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await reviewer.locator(`tr[data-unit="${UNIT}"]`).innerText()).toContain('Biến động lớn');
    expect(await reviewer.locator(`tr[data-unit="${RACE_UNIT}"]`).innerText()).not.toContain('Biến động lớn');
    await reviewer.getByLabel('Biến động so với kỳ trước, cùng kỳ năm trước').selectOption('true');
    await reviewer.locator('[data-testid="queue"][data-query*="flagged=true"]').waitFor();
    expect(await reviewer.locator('[role="status"]', { hasText: 'báo cáo' }).innerText()).toBe('1 báo cáo.');
    expect(await rows.count()).toBe(1);
    checks.push(await inspect(reviewer, 'tham-dinh'));
  });

  it('opens a report with its changes against last period, its rows, and returns it with a remark on one field', async () => {
    await reviewer.locator(`tr[data-unit="${UNIT}"]`).getByRole('link').click();
    await reviewer.waitForURL(/\/tham-dinh\/[0-9a-f-]{36}$/);
    const previous = reviewer.locator('[data-testid="comparison-ky-truoc"]');
    await previous.waitFor();
    expect(await previous.locator('h2').innerText()).toBe('So với kỳ trước (Năm 2024)');
    expect(await previous.locator('tr', { hasText: 'Doanh thu' }).locator('td').allInnerTexts()).toEqual(['450', '300', '+150', '+50%', 'Biến động lớn']);
    expect(await reviewer.locator('[data-testid="rows"] tbody tr').count()).toBe(2);
    checks.push(await inspect(reviewer, 'tham-dinh-chi-tiet'));

    await reviewer.getByRole('button', { name: 'Ghi quyết định' }).click();
    expect(await reviewer.locator('.error-summary').innerText()).toContain('Chọn phê duyệt hoặc trả lại');
    await reviewer.getByLabel('Trả lại để đơn vị sửa').check();
    await reviewer.getByRole('button', { name: 'Ghi quyết định' }).click();
    expect(await reviewer.locator('.error-summary').innerText()).toContain('Nhập lý do trả lại');
    await reviewer.getByLabel('Lý do trả lại').fill('Doanh thu tăng 50% so với năm trước; đề nghị kiểm tra lại số liệu Bưu cục.');
    await reviewer.getByRole('button', { name: 'Thêm nhận xét' }).click();
    await reviewer.getByLabel('Trường của nhận xét 1').selectOption('doanh_thu');
    await reviewer.getByLabel('Dòng (không bắt buộc)').fill('2');
    await reviewer.getByLabel('Nội dung nhận xét 1').fill('Doanh thu Bưu cục 150 triệu đồng, năm trước 100 triệu đồng');
    checks.push(await inspect(reviewer, 'tham-dinh-tra-lai'));
    await reviewer.getByRole('button', { name: 'Ghi quyết định' }).click();
    await reviewer.getByRole('heading', { name: 'Đã trả lại báo cáo' }).waitFor();

    const submission = await t.http().get(api(UNIT, '2025-Y')).set('authorization', await t.tokenFor(REVIEWER));
    expect(submission.body.status).toBe('returned');
    const view = await t.http().get(`/api/v1/submissions/${submission.body.id}/review`).set('authorization', await t.tokenFor(REVIEWER));
    expect(view.body.reviews.at(-1)).toMatchObject({
      decision: 'return',
      comment: 'Doanh thu tăng 50% so với năm trước; đề nghị kiểm tra lại số liệu Bưu cục.',
      remarks: [{ row: 2, field: 'doanh_thu', message: 'Doanh thu Bưu cục 150 triệu đồng, năm trước 100 triệu đồng' }],
    });
  });

  it('lets the officer read the remark and correct the figures in the web form, which makes a version like an upload', async () => {
    await officerPage.goto(`${base}/bao-cao/${OBLIGATION}/2025-Y/${units[UNIT]}`);
    await signIn(officerPage, officer(UNIT));
    const returned = officerPage.locator('[data-testid="returned"]');
    await returned.waitFor();
    expect(await returned.innerText()).toContain('Ý kiến thẩm định: Doanh thu tăng 50% so với năm trước');
    expect(await returned.locator('tbody tr').first().locator('td').allInnerTexts()).toEqual(['2', 'Doanh thu', 'Doanh thu Bưu cục 150 triệu đồng, năm trước 100 triệu đồng']);
    checks.push(await inspect(officerPage, 'bao-cao-bi-tra-lai'));

    await officerPage.getByLabel('Nhập trực tiếp trên trang').check();
    const revenue = officerPage.locator('#o-1-doanh_thu');
    expect(await revenue.inputValue()).toBe('150');
    expect(await officerPage.locator('#o-1-so_luong').inputValue()).toBe('16');
    expect(await officerPage.locator('#o-1-doanh_thu-hint').innerText()).toContain('Đơn vị tính: triệu đồng');
    await revenue.fill('một trăm');
    await officerPage.getByRole('button', { name: 'Kiểm tra thử' }).click();
    await officerPage.locator('#o-1-doanh_thu-error').waitFor();
    expect(await officerPage.locator('.error-summary a').first().getAttribute('href')).toBe('#o-1-doanh_thu');
    checks.push(await inspect(officerPage, 'bao-cao-nhap-tren-web'));

    await revenue.fill('1.050,5');
    await officerPage.getByRole('button', { name: 'Kiểm tra thử' }).click();
    await officerPage.locator('[data-testid="dry-run"] .report__headline', { hasText: 'Tệp hợp lệ' }).waitFor();
    await officerPage.getByRole('button', { name: 'Lưu thành phiên bản mới' }).click();
    await officerPage.locator('[data-testid="upload-result"]', { hasText: 'Đã lưu phiên bản 2' }).waitFor();
    await officerPage.locator('.check-answers', { hasText: 'nhap-tren-web.json' }).waitFor();
    await officerPage.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await officerPage.locator('[data-testid="confirmation"]').waitFor();

    const versions = await t.http().get(`${api(UNIT, '2025-Y')}/versions`).set('authorization', await t.tokenFor(REVIEWER));
    expect(versions.body.items.at(-1)).toMatchObject({ number: 2, format: 'json', originalName: 'nhap-tren-web.json', valid: true });
    const rows = await t.http().get(`${api(UNIT, '2025-Y')}/versions/2/rows`).set('authorization', await t.tokenFor(REVIEWER));
    expect(rows.body.items[0].data).toMatchObject({ chi_tieu: 'Bưu cục', so_luong: 16, doanh_thu: 1050.5 });
  });

  it('shows the reviewer what changed since the return, and approves', async () => {
    await reviewer.reload();
    await reviewer.getByRole('heading', { name: 'Đơn vị đã sửa gì kể từ lần trả lại' }).waitFor();
    expect(await reviewer.locator('section', { hasText: 'Đơn vị đã sửa gì' }).innerText()).toContain('Bưu cục: Doanh thu 150 → 1.050,5');
    await reviewer.getByLabel('Phê duyệt', { exact: true }).check();
    await reviewer.getByRole('button', { name: 'Ghi quyết định' }).click();
    await reviewer.getByRole('heading', { name: 'Đã phê duyệt báo cáo' }).waitFor();
    const submission = await t.http().get(api(UNIT, '2025-Y')).set('authorization', await t.tokenFor(REVIEWER));
    expect(submission.body.status).toBe('approved');
  });

  it('explains a decision that lost the race in words, and reloads to the news', async () => {
    const race = await t.http().get(api(RACE_UNIT, '2025-Y')).set('authorization', await t.tokenFor(REVIEWER));
    await reviewer.goto(`${base}/tham-dinh/${race.body.id}`);
    await reviewer.getByRole('button', { name: 'Ghi quyết định' }).waitFor();
    // A province created by the merger is compared with what its predecessors reported, named as they were then.
    const previous = reviewer.locator('[data-testid="comparison-ky-truoc"]');
    expect(await previous.locator('p').first().innerText()).toBe('Năm 2024 đã được duyệt (cộng số của các đơn vị trước sáp nhập: Hưng Yên (mã 33), Thái Bình (mã 34)).');
    expect(await previous.locator('tr', { hasText: 'Doanh thu' }).locator('td').allInnerTexts()).toEqual(['110', '105', '+5', '+4,76%', 'Bình thường']);
    checks.push(await inspect(reviewer, 'tham-dinh-sap-nhap'));
    const other = await t
      .http()
      .post(`/api/v1/submissions/${race.body.id}/decisions`)
      .set('authorization', await t.tokenFor(ADMIN))
      .send({ decision: 'return', versionNumber: 1, expectedRevision: race.body.revision, comment: 'Thiếu ghi chú' });
    expect(other.status).toBe(200);

    await reviewer.getByLabel('Phê duyệt', { exact: true }).check();
    await reviewer.getByRole('button', { name: 'Ghi quyết định' }).click();
    const conflict = reviewer.locator('[data-testid="conflict"]');
    await conflict.waitFor();
    expect(await conflict.innerText()).toContain('một người khác đã quyết định');
    expect(await conflict.innerText()).not.toMatch(/409|stale|revision/);
    checks.push(await inspect(reviewer, 'tham-dinh-xung-dot'));
    await conflict.getByRole('button', { name: 'Tải lại trang' }).click();
    await reviewer.locator('[data-testid="status"]', { hasText: 'Bị trả lại' }).waitFor();
    expect(await reviewer.getByRole('button', { name: 'Ghi quyết định' }).count()).toBe(0);
  });

  it('found no serious accessibility problem, nothing wider than a phone, and no script error on any page', () => {
    expect(checks).toEqual(checks.map((check) => accessible(check.name)));
    expect(onlyRefusedRequests(problems)).toEqual([]);
  });
});
