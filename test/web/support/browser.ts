/// <reference lib="dom" />
// Code in page.evaluate() runs in the browser.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { TestApp } from '../../support/app';
import { DEMO_PASSWORD } from '../../support/test-env';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(__dirname, '..', '..', 'artifacts');
/** The narrow phone and the office screen every page must work on. */
export const WIDTHS = { phone: { width: 360, height: 780 }, office: { width: 1366, height: 900 } } as const;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=vi'],
  });
}

/** Serves the test app on a port of its own; returns its base URL. */
export async function listen(t: TestApp): Promise<string> {
  await t.app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
}

/** A browser window of one person, in Vietnamese and Vietnam time; console errors and page errors are collected. */
export async function openWindow(browser: Browser, problems: string[]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: WIDTHS.office, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { context, page };
}

/** Signs in through the sign-in page the workspace sent us to (or opens it first). */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith('/dang-nhap')) throw new Error(`expected the sign-in page, at ${page.url()}`);
  await page.getByLabel('Thư điện tử').fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'));
}

export interface PageCheck {
  name: string;
  violations: string[];
  /** Elements reaching past the right edge of a 360 px screen (the page would scroll sideways). */
  widerThanPhone: string[];
}

/**
 * Checks the page as it is now at both widths: axe-core finds no serious or critical violation,
 * nothing is wider than a 360 px screen, and a screenshot of each width goes to test/artifacts/.
 */
export async function inspect(page: Page, name: string): Promise<PageCheck> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const violations: string[] = [];
  let widerThanPhone: string[] = [];
  for (const [label, size] of Object.entries(WIDTHS)) {
    await page.setViewportSize(size);
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    for (const violation of result.violations) {
      if (violation.impact === 'serious' || violation.impact === 'critical') {
        violations.push(`${label}: ${violation.id} (${violation.impact}) ${violation.help}: ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 5).join(', ')}`);
      }
    }
    if (label === 'phone') widerThanPhone = await page.evaluate(elementsPastTheRightEdge);
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${size.width}.png`), fullPage: true });
  }
  await page.setViewportSize(WIDTHS.office);
  return { name, violations, widerThanPhone };
}

/** Outermost elements whose box ends past the window's right edge, outside sideways-scrolling regions. */
function elementsPastTheRightEdge(): string[] {
  if (document.documentElement.scrollWidth <= window.innerWidth) return [];
  const found: string[] = [];
  const walk = (element: Element) => {
    if (getComputedStyle(element).overflowX === 'auto') return;
    const box = element.getBoundingClientRect();
    if (box.right > window.innerWidth + 1 && ![...element.children].some((child) => child.getBoundingClientRect().right > window.innerWidth + 1)) {
      found.push(`${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''} (${Math.round(box.right)} px): ${(element.textContent ?? '').slice(0, 40)}`);
    }
    for (const child of element.children) walk(child);
  };
  walk(document.body);
  return found.length > 0 ? found.slice(0, 5) : [`page is ${document.documentElement.scrollWidth} px wide`];
}

/** The check a test asserts: the page's name with no violation and no sideways scrolling. */
export const accessible = (name: string): PageCheck => ({ name, violations: [], widerThanPhone: [] });
