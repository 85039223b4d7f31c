/**
 * The web app in a real browser (Debian chromium via playwright-core, never a
 * downloaded browser): sign in, find a child, the named person, language
 * switch, lookup – and axe-core finds no serious or critical violations.
 *
 * Runs against a fresh test server (test/support/server.ts). Set
 * SAMSYN_E2E_URL to run it against a server that is already running instead.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, launchBrowser, newPage, startServer, type Server } from './helpers.ts';

type ChildSummary = {
  id: string;
  personnummer: string;
  givenName: string | null;
  familyName: string | null;
  masked: boolean;
};

const USERNAME = 'anna.rektor';
const PASSWORD = 'samsyn-demo';
const NAMED_PERSON = 'Anna Rektorsson';

describe('web app in the browser', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let child: ChildSummary;
  let childName: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await newPage(browser);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sends a signed-out visitor to the login page, which is accessible', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/login$/);
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    expect(await page.title()).toBe('Logga in – Samsyn');
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    await expectNoSeriousAxeViolations(page, 'login page');
  }, 60_000);

  it('shows the error from the API for a wrong password', async () => {
    await page.getByLabel('Användarnamn').fill(USERNAME);
    await page.getByLabel('Lösenord').fill('wrong-password');
    await page.getByLabel('Lösenord').press('Enter');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Fel användarnamn eller lösenord');
    await expectNoSeriousAxeViolations(page, 'login page with error');
  }, 60_000);

  it('signs in and lists the children', async () => {
    await page.getByLabel('Lösenord').fill(PASSWORD);
    await page.getByLabel('Lösenord').press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Mina barn' }).waitFor();
    await page.locator('table tbody tr').first().waitFor();
    expect(await page.title()).toBe('Mina barn – Samsyn');
    await page.getByText(NAMED_PERSON, { exact: true }).first().waitFor(); // header: signed-in user
    await page.getByRole('button', { name: 'Logga ut' }).waitFor();

    // The first row of the list, as the API returned it (the same session cookie).
    const response = await page.request.get(`${server.url}/api/children?limit=25`);
    expect(response.status()).toBe(200);
    const { items } = (await response.json()) as { items: ChildSummary[] };
    expect(items.length).toBeGreaterThan(0);
    const first = items.find((c) => !c.masked && c.familyName);
    expect(first, 'a child that is not masked').toBeDefined();
    child = first!;
    childName = `${child.givenName} ${child.familyName}`;
    const rowTexts = await page.locator('table tbody tr').allInnerTexts();
    expect(rowTexts[items.indexOf(child)]).toContain(childName);

    await expectNoSeriousAxeViolations(page, 'children list');
  }, 60_000);

  it('finds the child by family name and opens the child page', async () => {
    const search = page.getByRole('searchbox', { name: 'Sök på namn eller personnummer' });
    await search.fill(child.familyName!);
    await search.press('Enter');
    await page.waitForURL(/\?q=/);
    const link = page.getByRole('link', { name: childName, exact: true }).first();
    // The unfiltered list already holds the link: wait for the search answer itself.
    const family = child.familyName!.toLowerCase();
    await expect
      .poll(async () => {
        const rows = await page.locator('table tbody tr').allInnerTexts();
        return rows.length > 0 && rows.every((row) => row.toLowerCase().includes(family));
      }, { timeout: 15_000 })
      .toBe(true);
    await link.waitFor();

    await link.click();
    await page.waitForURL(new RegExp(`/children/${child.id}$`));
    await page.getByRole('heading', { level: 1, name: childName }).waitFor();
    expect(await page.title()).toBe(`${childName} – Samsyn`);
    await page.getByText(child.personnummer).first().waitFor();

    const card = page.locator('section[aria-labelledby="named-person-heading"] .named-person-card');
    await card.waitFor();
    expect(await card.innerText()).toContain(NAMED_PERSON);

    await page.getByRole('heading', { level: 2, name: 'Vårdnadshavare' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Historik' }).waitFor();
    await page.locator('section[aria-labelledby="history-heading"] table tbody tr').first().waitFor();

    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/child-page.png', fullPage: true });
    await expectNoSeriousAxeViolations(page, 'child page');

    // The change form (closed by default) is accessible too.
    await page.locator('summary', { hasText: 'Ändra' }).press('Enter');
    await page.getByRole('radio').nth(2).waitFor();
    await expectNoSeriousAxeViolations(page, 'child page with the change form open');
  }, 60_000);

  it('switches to English and remembers it after a reload', async () => {
    await page.getByRole('button', { name: 'English' }).press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Guardians' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');

    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Guardians' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('link', { name: 'My children', exact: true }).waitFor();
  }, 60_000);

  it("looks up the child's named person by personnummer", async () => {
    await page.getByRole('link', { name: 'Look up named person' }).click();
    await page.getByRole('heading', { level: 1, name: 'Who is the named person?' }).waitFor();
    expect(await page.title()).toBe('Who is the named person? – Samsyn');
    await expectNoSeriousAxeViolations(page, 'lookup page');

    const field = page.getByLabel('Personal identity number');
    await field.fill(child.personnummer);
    await field.press('Enter');
    const result = page.locator('.named-person-card');
    await result.waitFor();
    expect(await result.innerText()).toContain(NAMED_PERSON);
    await expectNoSeriousAxeViolations(page, 'lookup page with a result');

    await field.fill('12345');
    await field.press('Enter');
    await page.locator('.ds-validation-message').waitFor();
  }, 60_000);
});
