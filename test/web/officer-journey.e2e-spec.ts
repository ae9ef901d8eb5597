/// <reference lib="dom" />
// Code in page.evaluate() runs in the browser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { formerOfficer, startTestApp, type TestApp, unitIdsByCode } from '../support/app';
import { FakeClock } from '../support/fake-clock';
import { xlsx } from '../support/report-files';
import { accessible, ARTIFACTS, inspect, launchBrowser, listen, openWindow, type PageCheck, signIn } from './support/browser';
import { createJourneyObligation, JOURNEY_HEADER, onlyRefusedRequests } from './support/journeys';

const OBLIGATION = 'WEB-NHAP-LIEU';
const TITLE = 'Báo cáo thử nghiệm mạng điểm phục vụ bưu chính';
/** Bắc Ninh of 2008-2025 (code 27; merged into today's Bắc Ninh, code 24, on 1 July 2025): the unit that owes Năm 2024. */
const UNIT = '27';
const OFFICER = formerOfficer(UNIT);
/** What the reader tells the officer about the title row above the header (information, nothing to fix). */
const TITLE_ROW_NOTE = 'Đã bỏ qua 1 dòng phía trên dòng tiêu đề (dòng 2).';
/** What the validator says about "mười hai" in an integer column (the officer reads it in the table, the CSV and the cell note). */
const MESSAGE = '"mười hai" không phải là số hợp lệ. Ghi số theo kiểu Việt Nam: dấu chấm phân cách hàng nghìn, dấu phẩy trước phần thập phân (ví dụ 1.234.567 hoặc 12,5).';
const NOW = new Date('2025-01-20T03:00:00Z'); // 2024-Y is due 31/01/2025, in Tết: moved to 04/02/2025
/** An obligation followed only from 2025: its Năm 2023 (due 31/01/2024) is history, loaded by the ministry. */
const FOLLOWED_FROM_2025 = 'WEB-THEO-DOI-2025';

const workbook = (rows: Array<Array<string | number>>, title?: string) =>
  xlsx((sheet) => {
    if (title) sheet.addRow([title]);
    sheet.addRow(JOURNEY_HEADER);
    for (const row of rows) sheet.addRow(row);
  }, 'BAO-CAO');

/**
 * A provincial officer's main journey in a real browser: sign in, upload a file with an error,
 * read the report, download the annotated workbook, upload the fix, submit with a justification,
 * print the receipt; then a session that expires and a sign-out.
 */
describe('Officer journey in a real browser', () => {
  const clock = new FakeClock(NOW);
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let unitId: string;
  const problems: string[] = [];
  const checks: PageCheck[] = [];
  jest.setTimeout(120_000);
  const text = (selector: string) => page.locator(selector).innerText();

  beforeAll(async () => {
    t = await startTestApp('api', { clock });
    await createJourneyObligation(t, OBLIGATION, TITLE);
    await createJourneyObligation(t, FOLLOWED_FROM_2025, 'Báo cáo thử nghiệm theo dõi từ năm 2025', { trackedFrom: '2025-01-01' });
    unitId = (await unitIdsByCode(t, '2024-12-31'))[UNIT];
    base = await listen(t);
    browser = await launchBrowser();
    ({ page } = await openWindow(browser, problems));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('sends the officer to sign in, says what is wrong with the form, then comes back to the page asked for', async () => {
    await page.goto(`${base}/viec-can-lam`);
    await page.waitForURL(`${base}/dang-nhap?next=%2Fviec-can-lam`);
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    expect(await page.title()).toBe('Đăng nhập — Hệ thống báo cáo định kỳ');
    checks.push(await inspect(page, 'dang-nhap'));

    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    expect(await text('.error-summary')).toContain('Có 2 lỗi cần sửa');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    await page.getByLabel('Thư điện tử').fill(OFFICER);
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Thư điện tử hoặc mật khẩu không đúng').first().waitFor();
    checks.push(await inspect(page, 'dang-nhap-loi'));

    await signIn(page, OFFICER);
    expect(page.url()).toBe(`${base}/viec-can-lam`);
  });

  it('lists the unit’s reports to do, the most urgent first, with due date and what to do next', async () => {
    const task = page.locator(`[data-task="${OBLIGATION}/2024-Y"]`);
    await task.waitFor();
    expect(await task.innerText()).toContain(`${TITLE} — Năm 2024`);
    expect(await task.innerText()).toContain('Hạn nộp 04/02/2025 · còn 15 ngày');
    expect(await task.locator('.tag').innerText()).toBe('Chưa nộp');
    expect(await page.title()).toBe('Việc cần làm — Hệ thống báo cáo định kỳ');
    const followed = await page.locator(`[data-task^="${FOLLOWED_FROM_2025}/"]`).evaluateAll((tasks) => tasks.map((task) => task.getAttribute('data-task')));
    expect(followed).toEqual([`${FOLLOWED_FROM_2025}/2024-Y`]);
    checks.push(await inspect(page, 'viec-can-lam'));
    await task.getByRole('link').click();
    await page.waitForURL(`${base}/bao-cao/${OBLIGATION}/2024-Y/${unitId}`);
    await page.getByRole('heading', { name: TITLE }).waitFor();
    checks.push(await inspect(page, 'bao-cao-moi'));
  });

  it('checks a file with an error without storing it, then stores it as version 1 and shows the report', async () => {
    const rows = [['Bưu cục', 'mười hai', '1.250,5', ''], ['Điểm phục vụ', 40, '310', '']];
    await page.setInputFiles('#tep-bao-cao', { name: 'bao-cao-2024.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await workbook(rows, 'BÁO CÁO NĂM 2024 — SỞ THÔNG TIN VÀ TRUYỀN THÔNG BẮC NINH') });
    expect(await text('[data-testid="chosen-file"]')).toContain('bao-cao-2024.xlsx');
    await page.getByRole('button', { name: 'Kiểm tra thử' }).click();
    await page.locator('[data-testid="dry-run"]').waitFor();
    expect(await text('[data-testid="dry-run"] .notice')).toContain('Kết quả kiểm tra thử (chưa lưu gì)');
    expect(await text('[data-testid="dry-run"] .report__headline')).toBe('Có 1 lỗi cần sửa.');
    expect(await t.http().get(`/api/v1/obligations/${OBLIGATION}/periods/2024-Y/units/${unitId}/submission`).set('authorization', await t.tokenFor(OFFICER)).then((r) => r.body.status)).toBe('not_started');

    await page.getByRole('button', { name: 'Tải lên' }).click();
    await page.getByRole('heading', { name: 'Lỗi của phiên bản 1 (bao-cao-2024.xlsx)' }).waitFor();
    expect(await text('[data-testid="status"]')).toBe('Đang soạn');
    // The error first, with its column as the officer sees it (letter and label); then what the reader did with the title row.
    const issues = page.locator('[data-testid="issues"] tbody tr');
    expect(await issues.nth(0).locator('td').allInnerTexts()).toEqual(['3', 'B — Số lượng', 'Số lượng', 'Lỗi', MESSAGE, 'mười hai']);
    expect(await issues.nth(1).locator('td').allInnerTexts()).toEqual(['Cả tệp', '–', '–', 'Thông tin', TITLE_ROW_NOTE, '']);
    expect(await page.locator('#hien-tai-title + p + p').innerText()).toBe('Đã đọc 2 dòng dữ liệu; 1 dòng không có lỗi. Có 1 thông tin về cách đọc tệp, không cần sửa.');
    checks.push(await inspect(page, 'bao-cao-co-loi'));

    const shown = async (severity: string) => {
      await page.getByLabel('Hiển thị').last().selectOption(severity);
      return issues.locator('td:nth-child(4)').allInnerTexts();
    };
    expect(await shown('warning')).toEqual([]);
    expect(await shown('info')).toEqual(['Thông tin']);
    expect(await shown('error')).toEqual(['Lỗi']);
    expect(await shown('all')).toEqual(['Lỗi', 'Thông tin']);
  });

  it('downloads the report as CSV and the officer’s own workbook with the offending cell marked', async () => {
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải danh sách lỗi (CSV)' }).last().click()]);
    const report = readFileSync(await csv.path(), 'utf8');
    expect(report).toBe(`\uFEFFDòng,Cột,Trường,Mức độ,Nội dung,Giá trị\r\n3,B — Số lượng,Số lượng,Lỗi,"${MESSAGE.replace(/"/g, '""')}",mười hai\r\nCả tệp,,,Thông tin,${TITLE_ROW_NOTE},\r\n`);

    const [annotated] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải tệp của bạn đã đánh dấu lỗi (Excel)' }).click()]);
    expect(annotated.suggestedFilename()).toBe('bao-cao-2024-danh-dau-loi.xlsx');
    const saved = join(ARTIFACTS, 'bao-cao-2024-danh-dau-loi.xlsx');
    await annotated.saveAs(saved);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(saved);
    const cell = (book.getWorksheet('BAO-CAO') as ExcelJS.Worksheet).getCell('B3');
    expect(cell.value).toBe('mười hai');
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(cell.note).toBe(`Lỗi: ${MESSAGE}`);
  });

  it('stores the fix, asks for a justification of its warning, submits and shows the receipt number', async () => {
    await page.setInputFiles('#tep-bao-cao', { name: 'bao-cao-2024-da-sua.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await workbook([['Bưu cục', 12, '2.500.000', ''], ['Điểm phục vụ', 40, '310', '']]) });
    await page.getByRole('button', { name: 'Tải lên' }).click();
    await page.getByRole('heading', { name: 'Kiểm tra lại và nộp báo cáo' }).waitFor();
    expect(await text('[data-testid="upload-result"]')).toContain('Đã lưu phiên bản 2');
    expect(await text('.check-answers .summary-list')).toContain('1 cảnh báo, cần giải trình');
    checks.push(await inspect(page, 'bao-cao-kiem-tra-lai'));

    await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await page.locator('.error-summary').waitFor();
    await page.getByRole('link', { name: 'Nhập giải trình cho cảnh báo này' }).click();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.getByLabel('Giải trình cho cảnh báo ở dòng 2, Doanh thu').fill('Doanh thu tăng do Bưu điện tỉnh nhận thêm hợp đồng chi trả lương hưu');
    await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await page.locator('[data-testid="confirmation"]').waitFor();

    const api = await t.http().get(`/api/v1/obligations/${OBLIGATION}/periods/2024-Y/units/${unitId}/submission`).set('authorization', await t.tokenFor(OFFICER));
    expect(api.body).toMatchObject({ status: 'submitted', submittedVersion: 2, onTime: true });
    const receipts = await t.http().get(`/api/v1/receipts?submissionId=${api.body.id}`).set('authorization', await t.tokenFor(OFFICER));
    const receipt = receipts.body.items[0];
    expect(await text('[data-testid="confirmation"] .panel__ref')).toBe(receipt.id);
    expect(await text('[data-testid="confirmation"]')).toContain('Nhận lúc 10:00 20/01/2025');
    await page.locator('[data-testid="status"]', { hasText: 'Chờ duyệt' }).waitFor();
    checks.push(await inspect(page, 'bao-cao-da-nop'));
  });

  it('shows the versions and their differences', async () => {
    expect(await page.locator('[data-testid="versions"] tbody tr').count()).toBe(2);
    await page.getByRole('button', { name: 'So sánh' }).click();
    await page.locator('[data-testid="diff"]').waitFor();
    expect(await text('[data-testid="diff"]')).toContain('Phiên bản 1 → 2: 0 dòng thêm, 1 dòng sửa, 0 dòng bớt, 1 dòng giữ nguyên.');
    expect(await text('[data-testid="diff"] tbody')).toContain('Doanh thu: 1.250,5 → 2.500.000');
    // What the diff (and the reviewer's "since the return") shows for other kinds of values: as people write them, never raw.
    // (a string: the test's compiler would rewrite a dynamic import in a function for Node)
    const formats = await page.evaluate(`import('/assets/app/format.js').then(({ formatFieldValue, diffRowName }) => [
      formatFieldValue({ type: 'date' }, '2025-03-14'),
      formatFieldValue({ type: 'boolean' }, false),
      formatFieldValue({ type: 'decimal' }, 1234567.5),
      formatFieldValue({ type: 'text' }, ''),
      diffRowName({ key: '#2', fromRow: 4, toRow: 5 }),
      diffRowName({ key: 'Bưu cục', fromRow: 2, toRow: 2 }),
    ])`);
    expect(formats).toEqual(['14/03/2025', 'Không', '1.234.567,5', '(trống)', 'dòng 5', 'Bưu cục']);
  });

  it('opens the receipt as a printable page that verifies its signature', async () => {
    await page.getByRole('link', { name: 'Xem và in biên nhận' }).first().click();
    await page.waitForURL(/\/bien-nhan\//);
    await page.locator('[data-testid="receipt"]').waitFor();
    expect(await text('[data-testid="receipt-id"]')).toBe(page.url().split('/').pop());
    expect(await text('[data-testid="receipt"]')).toContain('Đã kiểm tra: nội dung và chữ ký của biên nhận là hợp lệ.');
    checks.push(await inspect(page, 'bien-nhan'));

    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => (window as unknown as { printed: number }).printed++;
    });
    await page.getByRole('button', { name: 'In biên nhận' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'In biên nhận' }).isVisible()).toBe(false);
    await page.pdf({ path: join(ARTIFACTS, 'bien-nhan.pdf'), format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
  });

  it('shows an officer his own unit on the compliance page, and says in words when a page is not his', async () => {
    await page.goto(`${base}/theo-doi`);
    await page.locator('[data-testid="own-unit"]').waitFor();
    expect(await page.locator('h1').innerText()).toBe('Tình hình nộp báo cáo của Bắc Ninh');
    checks.push(await inspect(page, 'theo-doi-can-bo'));
    await page.goto(`${base}/quan-tri`);
    await page.getByRole('heading', { name: 'Không có quyền xem trang này' }).waitFor();
    checks.push(await inspect(page, 'khong-co-quyen'));
    await page.goto(`${base}/khong-co-trang-nay`);
    await page.getByRole('heading', { name: 'Không tìm thấy trang' }).waitFor();
    checks.push(await inspect(page, 'khong-tim-thay'));
  });

  it('says that a period due before its obligation is tracked is loaded by the ministry, with nothing to upload or submit', async () => {
    await page.goto(`${base}/bao-cao/${FOLLOWED_FROM_2025}/2023-Y/${unitId}`);
    const notice = page.locator('.notice', { has: page.getByRole('heading', { name: 'Kỳ báo cáo trước ngày bắt đầu theo dõi' }) });
    await notice.waitFor();
    expect(await notice.innerText()).toContain('Năm 2023 có hạn nộp 31/01/2024, trước ngày hệ thống bắt đầu theo dõi báo cáo này (01/01/2025).');
    expect(await page.locator('.summary-list__row', { hasText: 'Hạn nộp' }).locator('dd').innerText()).toBe('31/01/2024 (trước ngày bắt đầu theo dõi)');
    expect(await page.locator('#tep-bao-cao').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Nộp báo cáo' }).count()).toBe(0);
    checks.push(await inspect(page, 'bao-cao-khong-theo-doi'));
  });

  it('says when the session has expired and returns to the same page after signing in again', async () => {
    await page.goto(`${base}/bao-cao/${OBLIGATION}/2024-Y/${unitId}`);
    await page.getByRole('button', { name: 'So sánh' }).waitFor();
    clock.set(new Date(NOW.getTime() + 2 * 3600_000));
    await page.getByRole('button', { name: 'So sánh' }).click();
    await page.waitForURL(/\/dang-nhap\?next=.*het-han=1/);
    expect(await text('.notice')).toContain('Phiên làm việc đã hết hạn.');
    checks.push(await inspect(page, 'dang-nhap-het-han'));
    await signIn(page, OFFICER);
    expect(page.url()).toBe(`${base}/bao-cao/${OBLIGATION}/2024-Y/${unitId}`);
    await page.locator('[data-testid="versions"]').waitFor();
  });

  it('signs out for good: the next page asks to sign in again', async () => {
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(`${base}/dang-nhap?da-dang-xuat=1`);
    expect(await text('.notice')).toBe('Bạn đã đăng xuất.');
    await page.goto(`${base}/viec-can-lam`);
    await page.waitForURL(/\/dang-nhap\?next=%2Fviec-can-lam/);
  });

  it('found no serious accessibility problem, nothing wider than a phone, and no script error on any page', () => {
    expect(checks).toEqual(checks.map((check) => accessible(check.name)));
    expect(onlyRefusedRequests(problems)).toEqual([]);
  });
});
