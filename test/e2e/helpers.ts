/**
 * Shared by the browser tests: the test server (or SAMSYN_E2E_URL), Debian
 * chromium via playwright-core (never a downloaded browser), and axe-core.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

export type Server = { url: string; close(): Promise<void> };

export async function startServer(): Promise<Server> {
  const external = process.env.SAMSYN_E2E_URL;
  if (external) return { url: external.replace(/\/$/, ''), close: async () => {} };
  const { startTestServer } = await import('../support/server.ts');
  return startTestServer();
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh page in Swedish at a desktop size, with page errors logged. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error));
  return page;
}

export async function expectNoSeriousAxeViolations(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length > 0) {
    console.log(
      `axe violations on ${name}:\n` +
        JSON.stringify(
          serious.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) })),
          null,
          2,
        ),
    );
  }
  expect(serious.map((v) => `${v.id} (${v.impact})`), `axe: ${name}`).toEqual([]);
}

/** Signs in through the login form (Swedish interface) and waits for "Mina barn". */
export async function signIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByLabel('Lösenord').press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Mina barn' }).waitFor();
}
