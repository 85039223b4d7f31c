/**
 * Running a standing team from the meetings page, in the browser. The
 * principal creates a child team ("Individuellt barnteam", a team type of the
 * demo municipality's TSI profile that meets as needed) hosted at her school,
 * gives it a weekly fixed time starting tomorrow, and lands on the new team's
 * card. She adds the social worker (who represents social services), sees her
 * unit and agency on the card, opens and cancels the confirm step for removing
 * her, and plans the next two meetings – which then show in her meeting list.
 * Every button on the card is a 44 px target; axe-core finds nothing serious,
 * with the form open and with the finished card; the card is saved as
 * test-results/standing-team.png.
 *
 * Runs against a fresh test server (test/support/server.ts), or SAMSYN_E2E_URL.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../../src/web/format.ts';
import { addDays, isoWeekdayOf } from '../../src/web/meetings/format.ts';
import { expectNoSeriousAxeViolations, launchBrowser, newPage, signIn, startServer, type Server } from './helpers.ts';

const PASSWORD = 'samsyn-demo';
const PRINCIPAL = 'anna.rektor';
const TEAM_NAME = `Barnteam Ekskolan ${randomBytes(3).toString('hex')}`;

describe('a standing team made on the meetings page', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await newPage(browser);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates a child team with a weekly time, adds the social worker and plans two meetings that show in the list', async () => {
    await signIn(page, server.url, PRINCIPAL, PASSWORD);
    await page.getByRole('link', { name: 'Möten', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Mina stående team' }).waitFor();

    // Create: the team type from the municipality's model, a fixed weekly time from tomorrow.
    await page.getByRole('button', { name: 'Skapa ett stående team' }).press('Enter');
    const form = page.locator('section.create-standing-team');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Nytt stående team');
    await form.getByText('Typerna kommer från kommunens modell (TSI', { exact: false }).waitFor();
    await form.getByRole('radio', { name: 'Individuellt barnteam' }).check();
    await form.getByLabel('Namn på teamet (frivilligt)').fill(TEAM_NAME);
    await form.getByLabel('Plats (frivilligt)').fill('Ekskolan, lilla konferensrummet');
    await form.getByRole('checkbox', { name: 'Teamet ska träffas på en fast tid' }).check();
    const tomorrow = addDays(todayIso(), 1);
    await form.getByLabel('Hur ofta').selectOption('1');
    await form.getByLabel('Veckodag').selectOption(String(isoWeekdayOf(tomorrow)));
    // Without times the error summary says what to fix.
    await form.getByRole('button', { name: 'Skapa teamet' }).press('Enter');
    await form.locator('ds-error-summary').getByText('Skriv när mötet börjar, till exempel 13:00.').waitFor();
    await form.getByLabel('Börjar').fill('09:00');
    await form.getByLabel('Slutar').fill('10:00');
    await form.getByLabel('Första mötesdag').fill(tomorrow);
    await expectNoSeriousAxeViolations(page, 'create standing team form');
    mkdirSync('test-results', { recursive: true });
    await form.screenshot({ path: 'test-results/standing-team-form.png' });
    await form.getByRole('button', { name: 'Skapa teamet' }).press('Enter');

    const card = page.locator('article.standing-team-card').filter({ has: page.getByRole('heading', { level: 3, name: TEAM_NAME }) });
    const created = card.getByRole('status').filter({ hasText: `Teamet ”${TEAM_NAME}” är skapat.` });
    await created.waitFor();
    await expect.poll(() => created.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await card.locator('.standing-team-card__cadence').innerText()).toMatch(/^varje \S+ 09\.00–10\.00$/);
    expect(await card.innerText()).toContain('Individuellt barnteam');
    expect(await card.innerText()).toContain('Anna Rektorsson');

    // Members: the social worker, representing social services.
    await card.getByRole('button', { name: 'Lägg till medlem' }).press('Enter');
    const search = card.getByRole('searchbox', { name: 'Sök person' });
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await search.fill('Cecilia Sund');
    await search.press('Enter');
    await card.getByRole('radio', { name: 'Cecilia Sund' }).first().check();
    await card.getByRole('button', { name: 'Lägg till i teamet' }).press('Enter');
    await card.getByRole('status').filter({ hasText: 'Cecilia Sund är med i teamet.' }).waitFor();
    const cecilia = card.locator('li.member-row').filter({ hasText: 'Cecilia Sund' });
    expect(await cecilia.innerText()).toMatch(/Socialsekreterare – .+ \(Socialtjänst\)/);
    expect(await card.innerText()).toContain('2 medlemmar');

    // Removing asks first; cancelling keeps her and returns focus to the button.
    await cecilia.getByRole('button', { name: 'Ta bort Cecilia Sund ur teamet' }).press('Enter');
    await cecilia.getByText('Ta bort Cecilia Sund', { exact: false }).first().waitFor();
    await cecilia.getByRole('button', { name: 'Avbryt' }).press('Enter');
    const removeButton = cecilia.getByRole('button', { name: 'Ta bort Cecilia Sund ur teamet' });
    await expect.poll(() => removeButton.evaluate((el) => el === document.activeElement)).toBe(true);

    // Plan the next two meetings of the fixed time.
    await card.getByLabel('Antal möten').fill('2');
    await card.getByRole('button', { name: 'Planera nästa möten' }).press('Enter');
    const receipt = card.getByRole('status').filter({ hasText: '2 möten är planerade:' });
    await receipt.waitFor();
    expect(await receipt.getByRole('link').count()).toBe(2);
    expect(await receipt.innerText()).toContain('09.00–10.00');

    // …and they are in the meeting list (this week and the coming weeks).
    const listed = page.locator('table.meeting-table a', { hasText: TEAM_NAME });
    await expect.poll(() => listed.count()).toBe(2);
    expect(await card.locator('.standing-team-card__cadence').innerText()).toMatch(/09\.00–10\.00/);

    // Large targets on the card.
    for (const button of await card.locator('.ds-button').all()) {
      const box = await button.boundingBox();
      expect(box && box.height >= 44 && box.width >= 44, `${await button.innerText()}: ${JSON.stringify(box)}`).toBe(true);
    }
    await expectNoSeriousAxeViolations(page, 'meetings page with the new standing team');
    mkdirSync('test-results', { recursive: true });
    await card.screenshot({ path: 'test-results/standing-team.png' });
  }, 40_000);
});
