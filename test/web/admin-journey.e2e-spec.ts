import type { Browser, Page } from 'playwright-core';
import { ADMIN, formerOfficer, startTestApp, type TestApp, unitIdsByCode } from '../support/app';
import { FakeClock } from '../support/fake-clock';
import { accessible, inspect, launchBrowser, listen, openWindow, type PageCheck, signIn } from './support/browser';
import { onlyRefusedRequests } from './support/journeys';

const QUARTERLY = 'BC-QUY-TTTT-TINH';
/** Bình Phước, Tây Ninh and Bình Dương: provinces of quý II/2024 that ceased on 30/06/2025 (merged into Đồng Nai, Tây Ninh, TP Hồ Chí Minh). */
const GRANTED = ['70', '72', '74'];

/**
 * An administrator's journey in a real browser: one lock exception for several units at once
 * (loading a past quarter used to take one call per province), a new account that is then locked,
 * a calendar override, the obligations and the queue board.
 */
describe('Administrator journey in a real browser', () => {
  const clock = new FakeClock(new Date('2025-01-20T03:00:00Z'));
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  /** Today's units (new accounts belong to one of them). */
  let units: Record<string, string>;
  /** The units that owed the reports of quý II/2024: the 63 of 2008-2025. */
  let unitsOf2024Q2: Record<string, string>;
  const problems: string[] = [];
  const checks: PageCheck[] = [];
  jest.setTimeout(120_000);

  beforeAll(async () => {
    t = await startTestApp('all', { clock });
    units = await unitIdsByCode(t);
    unitsOf2024Q2 = await unitIdsByCode(t, '2024-06-30');
    base = await listen(t);
    browser = await launchBrowser();
    ({ page } = await openWindow(browser, problems));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('lands an administrator on the administration page from /', async () => {
    await page.goto(`${base}/`);
    await page.waitForURL(`${base}/dang-nhap`);
    await signIn(page, ADMIN);
    await page.waitForURL(`${base}/quan-tri`);
    await page.getByRole('heading', { name: 'Quản trị', level: 1 }).waitFor();
    await page.locator('[data-testid="users"]').waitFor();
    // An officer of a unit that ceased keeps his account; the list says until when the unit existed.
    const former = page.locator(`tr[data-user="${formerOfficer('27')}"] td`).nth(3);
    await former.filter({ hasText: 'đến' }).waitFor();
    expect(await former.innerText()).toBe('Bắc Ninh (đến 30/06/2025)');
    checks.push(await inspect(page, 'quan-tri'));
  });

  it('grants one lock exception to several units in one action', async () => {
    const section = page.locator('#ngoai-le');
    await section.getByLabel('Nghĩa vụ báo cáo').selectOption(QUARTERLY);
    await section.locator('#ngoai-le-ky option[value="2024-Q2"]').waitFor({ state: 'attached' });
    await section.getByLabel('Kỳ báo cáo').selectOption('2024-Q2');
    await section.getByText('Các đơn vị báo cáo của Quý II/2024 (đơn vị còn tồn tại ngày 30/06/2024).').waitFor();
    await section.locator('#dv-70').waitFor();
    expect(await section.locator('#ngoai-le-don-vi li').count()).toBe(63);
    await section.getByRole('button', { name: 'Cấp ngoại lệ cho 0 đơn vị' }).click();
    expect(await section.locator('.error-summary').innerText()).toContain('Chọn ít nhất một đơn vị');

    for (const code of GRANTED) await section.locator(`#dv-${code}`).check();
    await section.getByLabel('Lý do').fill('Nạp lại số liệu quý II/2024 theo công văn số 45/BTTTT-VP');
    await section.getByLabel('Hết hạn vào cuối ngày').fill('28/02/2025');
    await section.getByRole('button', { name: 'Cấp ngoại lệ cho 3 đơn vị' }).click();
    expect(await section.locator('[data-testid="granted"]').innerText()).toBe('Đã cấp ngoại lệ cho 3 đơn vị: 70, 72, 74.');
    await section.locator('[data-testid="exceptions"] tbody tr', { hasText: 'công văn số 45' }).nth(2).waitFor();
    const grantedUnits = await section.locator('[data-testid="exceptions"] tbody tr', { hasText: 'công văn số 45' }).locator('td:nth-child(3)').allInnerTexts();
    expect(grantedUnits.sort()).toEqual(['70 — Bình Phước (đến 30/06/2025)', '72 — Tây Ninh (đến 30/06/2025)', '74 — Bình Dương (đến 30/06/2025)']);
    checks.push(await inspect(page, 'quan-tri-ngoai-le'));

    const list = await t.http().get(`/api/v1/lock-exceptions?obligation=${QUARTERLY}&period=2024-Q2&active=true`).set('authorization', await t.tokenFor(ADMIN));
    const granted = list.body.items.filter((item: { reason: string }) => item.reason === 'Nạp lại số liệu quý II/2024 theo công văn số 45/BTTTT-VP');
    expect(granted.map((item: { unitId: string }) => item.unitId).sort()).toEqual(GRANTED.map((code) => unitsOf2024Q2[code]).sort());
    expect(granted[0].endsAt).toBe('2025-02-28T16:59:59.000Z');
  });

  it('creates an account, then locks it', async () => {
    const section = page.locator('#nguoi-dung');
    await section.getByText('Tạo tài khoản mới').click();
    await section.getByLabel('Thư điện tử').fill('vanthu.75@stttt.example.vn');
    await section.getByLabel('Họ tên').fill('Trần Thị Bình');
    await section.getByLabel('Đơn vị').selectOption(units['75']);
    await section.getByLabel('Mật khẩu ban đầu').fill('ngan');
    await section.getByRole('button', { name: 'Tạo tài khoản' }).click();
    expect(await section.locator('.error-summary').innerText()).toContain('Mật khẩu cần ít nhất 10 ký tự');
    await section.getByLabel('Mật khẩu ban đầu').fill('mat-khau-du-dai-2025');
    await section.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const row = section.locator('tr[data-user="vanthu.75@stttt.example.vn"]');
    await row.waitFor();
    expect(await row.locator('td').nth(3).innerText()).toBe('Đồng Nai');
    await row.getByRole('button', { name: 'Khoá vanthu.75@stttt.example.vn' }).click();
    await section.locator('.notice', { hasText: 'Đã khoá tài khoản vanthu.75@stttt.example.vn' }).waitFor();
    await row.locator('td', { hasText: 'Đã khoá' }).waitFor();
  });

  it('adds an announced day off to the working-day calendar, lists the obligations and links the queue board', async () => {
    const section = page.locator('#lich');
    await section.getByLabel('Ngày', { exact: true }).fill('02/05/2025');
    await section.getByLabel('Căn cứ').fill('Nghỉ bù theo Thông báo của Bộ Nội vụ');
    await section.getByRole('button', { name: 'Lưu ngày hoán đổi' }).click();
    await section.locator('[data-testid="overrides"]', { hasText: '02/05/2025: nghỉ (Nghỉ bù theo Thông báo của Bộ Nội vụ)' }).waitFor();
    const calendar = await t.http().get('/api/v1/calendar/2025').set('authorization', await t.tokenFor(ADMIN));
    expect(calendar.body.overrides).toContainEqual({ date: '2025-05-02', kind: 'day_off', reason: 'Nghỉ bù theo Thông báo của Bộ Nội vụ' });

    expect(await page.locator('[data-testid="obligations"] tbody tr', { hasText: QUARTERLY }).innerText()).toContain('Quý');
    const board = await page.request.get(`${base}${await page.locator('[data-testid="queue-board"]').getAttribute('href')}`);
    expect(board.status()).toBe(200);
    checks.push(await inspect(page, 'quan-tri-lich'));
  });

  it('found no serious accessibility problem, nothing wider than a phone, and no script error', () => {
    expect(checks).toEqual(checks.map((check) => accessible(check.name)));
    expect(onlyRefusedRequests(problems)).toEqual([]);
  });
});
