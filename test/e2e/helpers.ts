/**
 * Shared by the browser tests: the test server (or SAMSYN_E2E_URL), Debian
 * chromium via playwright-core (never a downloaded browser), and axe-core.
 *
 * The tests press buttons and open <details> from the keyboard (`press('Enter')`),
 * as keyboard users do. A mouse click is a mousedown and a mouseup at one
 * point; the design system's fields grow a textarea to its content whenever
 * anything in the field changes (a re-render after a refetch), which can move
 * the button below it between the two – the mouseup lands on the textarea and
 * no click happens. Seen on CI and caught by the input log below.
 */
import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { beforeEach, expect } from 'vitest';

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

/** What each open page did lately (console errors, failed or 5xx/4xx requests), for the failure report. */
const openPages = new Map<Page, string[]>();

/** A fresh page in Swedish at a desktop size, with page errors logged. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  // The page keeps its own last input events (what was pressed or clicked, what was submitted, where focus
  // went, scrolling): a failure report shows whether a click reached its button.
  await context.addInitScript(() => {
    const log: string[] = [];
    (window as unknown as { __inputLog: string[] }).__inputLog = log;
    const describe = (t: EventTarget | null) => {
      if (!(t instanceof Element)) return t === document ? 'document' : String(t);
      const text = (t.getAttribute('aria-label') ?? t.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${t.tagName.toLowerCase()}${t.id ? `#${t.id}` : ''}${t.isConnected ? '' : ' (detached)'} "${text}"`;
    };
    for (const type of ['pointerdown', 'mousedown', 'mouseup', 'click', 'keydown', 'submit', 'focusin', 'scroll']) {
      addEventListener(
        type,
        (e) => {
          const line = `${(performance.now() / 1000).toFixed(3)} ${type}${e instanceof MouseEvent ? ` @${Math.round(e.clientX)},${Math.round(e.clientY)}` : ''}${type === 'scroll' ? ` y=${Math.round(scrollY)}` : ` ${describe(e.target)}`}`;
          if (type === 'scroll' && log.at(-1)?.includes(' scroll ')) log[log.length - 1] = line;
          else if (type === 'mousedown' && e.target instanceof Element) {
            const t = e.target;
            log.push(`${line} top=${Math.round(t.getBoundingClientRect().top)}`);
            requestAnimationFrame(() => log.push(`${(performance.now() / 1000).toFixed(3)} (that mousedown target now at top=${Math.round(t.getBoundingClientRect().top)}${t.isConnected ? '' : ', detached'})`));
          }
          else log.push(line);
          if (log.length > 40) log.shift();
        },
        { capture: true, passive: true },
      );
    }
    // Elements added or removed, in short: what makes a button move under the pointer.
    addEventListener('DOMContentLoaded', () => {
      new MutationObserver((records) => {
        for (const r of records) {
          const added = [...r.addedNodes].filter((n) => n instanceof Element).length;
          const removed = [...r.removedNodes].filter((n) => n instanceof Element).length;
          if (added + removed === 0) continue;
          log.push(`${(performance.now() / 1000).toFixed(3)} dom +${added} -${removed} in ${describe(r.target)}`);
          if (log.length > 40) log.shift();
        }
      }).observe(document.body, { childList: true, subtree: true });
    });
  });
  const events: string[] = [];
  const note = (line: string) => {
    events.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
    if (events.length > 30) events.shift();
  };
  openPages.set(page, events);
  page.on('close', () => openPages.delete(page));
  page.on('pageerror', (error) => {
    console.error('page error:', error);
    note(`page error: ${error.message}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') note(`console.${message.type()}: ${message.text().slice(0, 300)}`);
  });
  page.on('requestfailed', (request) => note(`request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`));
  page.on('response', (response) => {
    const request = response.request();
    if (response.status() >= 400 || request.method() !== 'GET') note(`${request.method()} ${response.url()} → ${response.status()}`);
  });
  return page;
}

/**
 * When a browser test fails, every page still open is described in the test
 * output – its address, what it did lately and what a screen reader would
 * read (the accessibility tree, shortened) – and saved as a screenshot under
 * test-results/e2e-failures/. CI logs are all we get from a failure on a
 * shared machine, so they must say what the page looked like.
 */
beforeEach(({ onTestFailed, task }) => {
  onTestFailed(async () => {
    const dir = 'test-results/e2e-failures';
    mkdirSync(dir, { recursive: true });
    let n = 0;
    for (const [page, events] of openPages) {
      if (page.isClosed()) continue;
      n += 1;
      const name = `${task.file?.name.replace(/\W+/g, '-') ?? 'test'}-${task.name.replace(/\W+/g, '-').slice(0, 60)}-${n}`;
      const parts = [`--- page ${n} at ${page.url()} when "${task.name}" failed`, 'lately:', ...events.map((e) => `  ${e}`)];
      try {
        const input = await page.evaluate(() => (window as unknown as { __inputLog?: string[] }).__inputLog ?? []);
        parts.push('input events in the page (seconds since it loaded):', ...input.map((e) => `  ${e}`));
        const tree = await page.locator('body').ariaSnapshot({ timeout: 5_000 });
        parts.push('accessibility tree:', tree.length > 8_000 ? `${tree.slice(0, 8_000)}\n  …` : tree);
        await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true, timeout: 5_000 });
        parts.push(`screenshot: ${dir}/${name}.png`);
      } catch (error) {
        parts.push(`(could not describe the page: ${(error as Error).message})`);
      }
      console.log(parts.join('\n'));
    }
  });
});

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
