import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.ts';
import { loadFramework } from '../../src/framework/load.ts';
import { buildServer } from '../../src/http/server.ts';
import { loadSampleIfEmpty } from '../../src/services/sample.ts';
import { createUser } from '../../src/services/users.ts';
import { accessibilityViolations, launchBrowser, SCREENSHOTS } from '../helpers/browser.ts';
import { createTestDb } from '../helpers/db.ts';

const PASSWORD = 'correct horse battery staple';
const FIXTURE = join(import.meta.dirname, '../fixtures/corpus/emn-study.excerpt.txt');

let db: Database;
let app: FastifyInstance;
let browser: Browser;
let base: string;

beforeAll(async () => {
  db = await createTestDb();
  await loadSampleIfEmpty(db);
  await createUser(
    db,
    { email: 'coordinator@example.org', password: PASSWORD, role: 'coordinator' },
    { userId: null, label: 'test' },
  );
  app = await buildServer({ db, framework: loadFramework('gcm'), logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await db?.close();
});

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

async function expectAccessible(page: Page) {
  const violations = await accessibilityViolations(page);
  expect(violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.slice(0, 2))}`)).toEqual([]);
}

describe('public portal in a real browser', () => {
  it('shows the overview, switches language, searches and opens a document with objective chips', async () => {
    // bypassCSP only lets the test inject axe-core; the pages' own CSP forbids inline scripts.
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    await page.goto(`${base}/`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('National overview');
    expect(await page.locator('.grid > li').count()).toBe(23);
    expect(await page.locator('table.heat tbody tr').count()).toBe(23);
    await expectAccessible(page);
    await shot(page, '01-overview');

    await page.getByRole('link', { name: 'Nederlands' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Nationaal overzicht');
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    await page.goto(`${base}/search`); // the language choice is remembered
    expect(await page.locator('h1').textContent()).toBe('Zoeken');
    await page.getByRole('link', { name: 'English' }).click();

    await page.getByLabel('Search passages and actions').fill('magistrates');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.locator('mark').count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await shot(page, '02-search');

    await page.locator('section ol li a[href^="/documents/"]').first().click();
    await expect.poll(() => page.locator('.passage').count()).toBeGreaterThan(0);
    // The trafficking plan: objective chips on passages, its action rows marked.
    await page.goto(`${base}/documents`);
    await page.getByRole('link', { name: /be-thb-action-plan/ }).click();
    await expect.poll(() => page.locator('.passage').count()).toBeGreaterThan(10);
    expect(await page.locator('.passage .chip').count()).toBeGreaterThan(0);
    expect(await page.locator('.passage.table_row').count()).toBeGreaterThan(0);
    // Evidence appears on keyboard focus, not only on hover.
    const focusable = page.locator('.passage[tabindex="0"]').first();
    await focusable.focus();
    await expect.poll(() => focusable.locator('.why').isVisible()).toBe(true);
    await expectAccessible(page);
    await shot(page, '03-document');
    await page.close();
  }, 60_000);

  it('works on a phone-sized screen', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 740 }, bypassCSP: true });
    await page.goto(`${base}/objectives/10`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    await expectAccessible(page);
    await shot(page, '04-objective-phone');
    await page.close();
  }, 30_000);

  it('renders every portal page in well under a second', async () => {
    const page = await browser.newPage();
    for (const path of [
      '/',
      '/objectives/10',
      '/documents/1',
      '/actions/1',
      '/search?q=trafficking',
      '/documents',
    ]) {
      const t0 = Date.now();
      const res = await page.goto(`${base}${path}`);
      expect(res?.status()).toBe(200);
      console.log(`page ${path}: ${Date.now() - t0} ms`);
    }
    await page.close();
  }, 30_000);
});

describe('workspace in a real browser', () => {
  it('signs in, uploads, accepts a suggestion, changes a status, hits a conflict and exports a review', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
      bypassCSP: true,
    });
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel('E-mail').fill('coordinator@example.org');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Workspace');
    await expectAccessible(page);
    await shot(page, '05-workspace');

    // Upload with the progress bar; the page moves on to the new document.
    await page.setInputFiles('#file', FIXTURE);
    await page.selectOption('#type', 'study');
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await page.waitForURL(/\/documents\/\d+$/);
    expect(await page.locator('h1').textContent()).toMatch(/.+/);
    await shot(page, '06-uploaded');

    // Review queue from the keyboard: focus the first suggestion and accept it with "a".
    await page.goto(`${base}/workspace`);
    const first = page.locator('#queue li').first();
    const linkId = await first.getAttribute('data-link');
    await first.focus();
    await page.keyboard.press('a');
    await expect.poll(() => page.locator(`#queue li[data-link="${linkId}"]`).count()).toBe(0);
    const [state] = await db.query<{ state: string }>(`SELECT state FROM objective_link WHERE id = $1`, [
      Number(linkId),
    ]);
    expect(state?.state).toBe('confirmed');

    // Change an action's status.
    await page.goto(`${base}/actions/1`);
    await page.selectOption('#status', 'in_progress');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('.ok').isVisible()).toBe(true);
    await expectAccessible(page);
    await shot(page, '07-action-saved');

    // Someone else saves first: the second editor gets a clear conflict message and loses nothing.
    const other = await context.newPage();
    await other.goto(`${base}/actions/1`);
    await page.goto(`${base}/actions/1`);
    await other.selectOption('#status', 'completed');
    await other.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => other.locator('.ok').isVisible()).toBe(true);
    await page.selectOption('#status', 'delayed');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => page.locator('.alert').textContent())
      .toMatch(/Someone else changed this action first/);
    expect(await page.locator('#status').inputValue()).toBe('completed');
    await shot(page, '08-conflict');

    // Build a review, write a narrative, export it.
    await page.goto(`${base}/workspace/review?country=BE`);
    await page
      .getByLabel(/Objective 10: .* — Narrative/)
      .fill('Belgium runs a fifth action plan against trafficking.');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => page.getByLabel(/Objective 10: .* — Narrative/).inputValue())
      .toMatch(/fifth action plan/);
    await expectAccessible(page);
    await shot(page, '09-review');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'DOCX' }).click();
    const file = await (await download).path();
    const mammoth = (await import('mammoth')).default;
    expect((await mammoth.extractRawText({ path: file })).value).toContain(
      'Belgium runs a fifth action plan against trafficking.',
    );
    await context.close();
  }, 120_000);
});
