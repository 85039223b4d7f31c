/**
 * The intervention catalogue and a draft that was not needed, in the browser.
 * The social worker opens "Insatskatalog" from the menu, tries to add an
 * intervention without a name (the error summary says what is missing and
 * takes her to the field), adds it for her unit, finds it by a word in it,
 * renames it, sees that another unit's interventions are hers to read only,
 * and stops offering it: it leaves the default search and comes back, marked
 * "Erbjuds inte längre", only when she asks for those too – and is offered
 * again from there. The principal has
 * a draft plan for a pupil (started through the API) that is not needed
 * after all: closing it needs a reason, and afterwards the child page lists it
 * among earlier plans and "Starta barnets plan" is there again. axe-core
 * finds no serious or critical violations; every button is at least 44 px.
 * The pages are saved as test-results/catalogue.png and close-draft.png.
 *
 * Runs against a fresh test server (test/support/server.ts), or SAMSYN_E2E_URL.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, launchBrowser, newPage, signIn, startServer, type Server } from './helpers.ts';

const PASSWORD = 'samsyn-demo';
const SOCIAL = 'cecilia.soc';
const PRINCIPAL = 'anna.rektor';

type Me = { user: { roles: { role: string; unitId: string; unitName: string }[] } };
type Intervention = { id: string; unitId: string; title: string; active: boolean };
type ChildSummary = { id: string; givenName: string | null; familyName: string | null; masked: boolean };

async function apiCall<T>(page: Page, base: string, method: 'get' | 'post', path: string, data?: unknown): Promise<T> {
  const response = await page.request[method](`${base}${path}`, data === undefined ? undefined : { data });
  expect(response.ok(), `${method.toUpperCase()} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/** Every visible button in the scope is at least 44 px high (targets for the meeting room's tablet). */
async function expectBigButtons(page: Page, scope: string): Promise<void> {
  const heights = await page.locator(`${scope} .ds-button`).evaluateAll((buttons) =>
    buttons.filter((b) => (b as HTMLElement).offsetParent !== null).map((b) => ({ text: (b as HTMLElement).innerText, h: b.getBoundingClientRect().height })),
  );
  expect(heights.length).toBeGreaterThan(0);
  for (const { text, h } of heights) expect(h, `height of "${text}"`).toBeGreaterThanOrEqual(44);
}

describe('the intervention catalogue, and closing a draft plan', () => {
  let server: Server;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lets the social worker add, find, change and retire what her unit offers', async () => {
    const page = await newPage(browser);
    const word = `Syskongrupp${Math.random().toString(36).slice(2, 8)}`;
    const title = `${word} på fritids`;
    const renamed = `${word} för syskon`;
    try {
      await signIn(page, server.url, SOCIAL, PASSWORD);
      const me = await apiCall<Me>(page, server.url, 'get', '/api/me');
      const myUnits = new Set(me.user.roles.map((r) => r.unitId));

      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Insatskatalog' }).click();
      await page.getByRole('heading', { level: 1, name: 'Insatskatalog' }).waitFor();
      await page.locator('.catalogue-count').waitFor();

      // Other units' interventions are there to read, without buttons to change them.
      const others = await apiCall<{ items: Intervention[] }>(page, server.url, 'get', '/api/interventions?limit=200');
      const foreign = others.items.find((i) => !myUnits.has(i.unitId));
      expect(foreign, 'an intervention of another unit in the collaboration area').toBeDefined();
      const foreignItem = page.locator(`li[data-intervention="${foreign!.id}"]`);
      await foreignItem.waitFor();
      expect(await foreignItem.getByRole('button').count()).toBe(0);

      // Adding without a name: the summary says so and links to the field.
      const add = page.locator('details.add-intervention');
      await add.locator('summary').press('Enter');
      await add.getByRole('textbox', { name: 'Beskrivning' }).fill('En samtalsgrupp varannan vecka för syskon till barn med stora behov.');
      await add.getByRole('button', { name: 'Lägg till i katalogen' }).press('Enter');
      const summary = add.locator('ds-error-summary');
      await summary.waitFor();
      await summary.getByRole('link', { name: 'Skriv namnet på insatsen.' }).click();
      const name = add.getByRole('textbox', { name: 'Namn på insatsen' });
      expect(await name.evaluate((el) => el === document.activeElement)).toBe(true);
      await name.fill(title);
      await add.getByRole('button', { name: 'Lägg till i katalogen' }).press('Enter');
      await add.locator('.catalogue-added').getByText(`”${title}” finns nu i katalogen.`).waitFor();
      expect(await name.inputValue(), 'the form is empty for the next one').toBe('');

      // Found by a word in it.
      const search = page.getByRole('searchbox', { name: 'Sök i insatskatalogen' });
      await search.fill(word.toLowerCase());
      await search.press('Enter');
      await page.locator('.catalogue-count', { hasText: '1 insats.' }).waitFor();
      const item = page.locator('li.catalogue-item').filter({ hasText: word });
      await item.getByRole('heading', { level: 3, name: title }).waitFor();
      expect(await item.innerText()).toContain('Socialtjänst');
      await expectBigButtons(page, '.catalogue-page');
      await expectNoSeriousAxeViolations(page, 'intervention catalogue');

      // Renamed.
      await item.getByRole('button', { name: `Ändra ${title}` }).press('Enter');
      const title2 = item.getByRole('textbox', { name: 'Namn på insatsen' });
      expect(await title2.evaluate((el) => el === document.activeElement)).toBe(true);
      await title2.fill(renamed);
      await item.getByRole('button', { name: 'Spara ändringarna' }).press('Enter');
      await item.getByRole('heading', { level: 3, name: renamed }).waitFor();
      await item.getByText(`Ändringarna i ”${renamed}” är sparade.`).waitFor();

      // Retired: gone from the default search, back (marked) when asked for.
      await item.getByRole('button', { name: `Sluta erbjuda ${renamed}` }).press('Enter');
      const notice = page.locator('.catalogue-notice');
      await notice.getByText(`”${renamed}” erbjuds inte längre`).waitFor();
      expect(await notice.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.locator('.catalogue-count', { hasText: 'Inga insatser hittades.' }).waitFor();
      expect(await page.locator('li.catalogue-item').count()).toBe(0);
      const listed = await apiCall<{ items: Intervention[] }>(page, server.url, 'get', `/api/interventions?search=${encodeURIComponent(word)}`);
      expect(listed.items).toEqual([]);

      await page.getByRole('checkbox', { name: 'Visa även insatser som inte erbjuds längre' }).check();
      const retired = page.locator('li.catalogue-item[data-active="false"]').filter({ hasText: word });
      await retired.getByText('Erbjuds inte längre').waitFor();
      await retired.getByRole('button', { name: `Erbjud igen ${renamed}` }).waitFor();
      await expectNoSeriousAxeViolations(page, 'intervention catalogue with retired interventions');
      mkdirSync('test-results', { recursive: true });
      await page.screenshot({ path: 'test-results/catalogue.png', fullPage: true });

      // Offered again: the mark goes, and "Ångra" would take it back.
      await retired.getByRole('button', { name: `Erbjud igen ${renamed}` }).press('Enter');
      await notice.getByText(`”${renamed}” erbjuds igen.`).waitFor();
      await notice.getByRole('button', { name: 'Ångra' }).waitFor();
      await page.locator('li.catalogue-item[data-active="true"]').filter({ hasText: word }).getByRole('button', { name: `Sluta erbjuda ${renamed}` }).waitFor();
    } finally {
      await page.context().close();
    }
  }, 40_000);

  it('lets the principal close a draft plan that is not needed, with a reason', async () => {
    const page = await newPage(browser);
    try {
      await signIn(page, server.url, PRINCIPAL, PASSWORD);
      // A pupil of hers without an open plan, and a draft for them.
      const { items } = await apiCall<{ items: ChildSummary[] }>(page, server.url, 'get', '/api/children?limit=50');
      let child: ChildSummary | undefined;
      for (const c of items.filter((c) => !c.masked)) {
        const plans = await apiCall<{ canStart: boolean }>(page, server.url, 'get', `/api/children/${c.id}/plans`);
        if (plans.canStart) {
          child = c;
          break;
        }
      }
      expect(child, 'a pupil of the principal who may get a plan').toBeDefined();
      const childName = `${child!.givenName} ${child!.familyName}`;
      const reviewDate = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
      const draft = await apiCall<{ id: string; version: number }>(page, server.url, 'post', `/api/children/${child!.id}/plans`, {
        content: { reason: 'Oro för koncentrationen i klassrummet.', needs: [], childView: {}, guardiansView: {}, reviewDate },
      });

      await page.goto(`${server.url}/plans/${draft.id}`);
      await page.getByRole('heading', { level: 1, name: `Barnets plan – ${childName}` }).waitFor();
      const panel = page.locator('section#plan-close-draft');
      await panel.getByRole('button', { name: 'Avsluta utkastet' }).press('Enter');
      const reason = panel.getByRole('textbox', { name: 'Varför avslutas utkastet?' });
      expect(await reason.evaluate((el) => el === document.activeElement)).toBe(true);

      // The reason is required.
      await panel.getByRole('button', { name: 'Ja, avsluta utkastet' }).press('Enter');
      await panel.locator('ds-error-summary').getByRole('link', { name: 'Skriv varför utkastet avslutas.' }).waitFor();
      await expectBigButtons(page, '#plan-close-draft');
      await expectNoSeriousAxeViolations(page, 'closing a draft plan');
      await panel.screenshot({ path: 'test-results/close-draft.png' });

      await reason.fill('Stödet ges i stället inom klassen; vårdnadshavarna vill inte ha en plan nu.');
      await panel.getByRole('button', { name: 'Ja, avsluta utkastet' }).press('Enter');
      const notice = page.locator('.closed-draft-notice');
      await notice.getByText('Utkastet är avslutat.').waitFor();
      expect(await notice.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.locator('.plan-header .plan-status', { hasText: 'Avslutad' }).waitFor();
      expect(await page.locator('.plan-header').innerText()).toContain('vårdnadshavarna vill inte ha en plan nu');
      expect(await page.locator('section#plan-close-draft').count()).toBe(0);
      const closed = await apiCall<{ status: string; version: number }>(page, server.url, 'get', `/api/plans/${draft.id}`);
      expect(closed).toMatchObject({ status: 'closed', version: draft.version + 1 });

      await notice.getByRole('link', { name: 'Gå till barnets sida' }).click();
      await page.getByRole('heading', { level: 1, name: childName }).waitFor();
      const planSection = page.locator('section#plan');
      await planSection.getByRole('heading', { name: 'Tidigare planer' }).waitFor();
      await planSection.locator(`a[href="/plans/${draft.id}"]`).waitFor();
      await planSection.getByRole('link', { name: 'Starta barnets plan' }).waitFor();
    } finally {
      await page.context().close();
    }
  }, 40_000);
});
