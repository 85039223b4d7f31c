/**
 * Consent in the browser, as a school principal would do it: the child page
 * says nothing is shared; the social worker cannot join the team without
 * consent; both guardians consent to social services seeing school and
 * wellbeing information – the banner says so at once and the social worker can
 * join; one guardian withdraws – the banner says nothing is shared again, the
 * consent is listed as withdrawn and the team member is no longer covered.
 * Then a police officer breaks the glass for the same child (the child page
 * says until when), the manager judges that emergency access, and the log
 * reviewer marks the flagged event as reviewed. axe-core finds no serious or
 * critical violations along the way.
 *
 * Runs against a fresh test server (test/support/server.ts), or SAMSYN_E2E_URL.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, launchBrowser, newPage, signIn, startServer, type Server } from './helpers.ts';

type ChildSummary = { id: string; personnummer: string; givenName: string | null; familyName: string | null; masked: boolean };
type ChildDetail = ChildSummary & { guardians: { id: string; custody: boolean }[] };

const USERNAME = 'anna.rektor';
const PASSWORD = 'samsyn-demo';
/** The demo social worker (social services, Ekby) – README demo account. */
const SOCIAL_WORKER = 'Cecilia Sund';
const NOTHING_SHARED = 'Inget delas med andra verksamheter';
const CHILD_VIEW = 'Jag vill att skolan och socialtjänsten pratar med varandra så att jag får hjälp med läxorna.';

describe('consent on the child page', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let child: ChildDetail;
  let childName: string;

  const banner = () => page.locator('section[aria-labelledby="sharing-heading"]');
  const consents = () => page.locator('section[aria-labelledby="consents-heading"]');
  const team = () => page.locator('section[aria-labelledby="team-heading"]');
  /** A fieldset by its legend (its accessible name also holds the description). */
  const group = (scope: Locator, legend: string) => scope.getByRole('group', { name: legend });

  async function addSocialWorkerToTeam(): Promise<void> {
    const form = team().locator('details.add-team-member');
    if ((await form.getAttribute('open')) === null) await form.locator('summary').press('Enter');
    const search = form.getByRole('searchbox', { name: 'Sök personal' });
    await search.fill('Cecilia');
    await search.press('Enter');
    await form.getByRole('radio', { name: SOCIAL_WORKER }).first().check();
    await form.getByRole('button', { name: 'Lägg till', exact: true }).press('Enter');
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await newPage(browser);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens one of the principal’s pupils, where nothing is shared', async () => {
    await signIn(page, server.url, USERNAME, PASSWORD);
    const list = await page.request.get(`${server.url}/api/children?limit=25`);
    expect(list.status()).toBe(200);
    const { items } = (await list.json()) as { items: ChildSummary[] };
    const first = items.find((c) => !c.masked && c.familyName);
    expect(first, 'an unmasked child').toBeDefined();
    const detail = await page.request.get(`${server.url}/api/children/${first!.id}`);
    child = ((await detail.json()) as { child: ChildDetail }).child;
    childName = `${child.givenName} ${child.familyName}`;
    expect(child.guardians.filter((g) => g.custody).length, 'guardians with custody').toBeGreaterThan(0);

    await page.goto(`${server.url}/children/${child.id}`);
    await page.getByRole('heading', { level: 1, name: childName }).waitFor();
    await banner().getByText(NOTHING_SHARED).waitFor();
    expect(await banner().innerText()).toContain(NOTHING_SHARED);
    await consents().getByText('Inga samtycken gäller just nu.').waitFor();
    await expectNoSeriousAxeViolations(page, 'child page with consents');
  }, 60_000);

  it('refuses to add a social worker to the team without consent, and says why', async () => {
    await addSocialWorkerToTeam();
    const alert = team().getByRole('alert');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain('Samtycke saknas');
    expect(text).toContain('Socialtjänst');
  }, 60_000);

  it('shows what is missing in an error summary, then records the consent of both guardians', async () => {
    const form = consents().locator('details.record-consent');
    await form.locator('summary', { hasText: 'Registrera samtycke' }).press('Enter');
    await expect.poll(() => form.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await form.getByRole('button', { name: 'Spara samtycket' }).press('Enter');
    const summary = form.locator('ds-error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Välj minst en verksamhet som får ta del.');
    expect(await summary.innerText()).toContain('Skriv barnets egen syn.');

    const guardians = group(form, 'Vårdnadshavare med vårdnad');
    const consenting = guardians.getByRole('radio', { name: 'Samtycker', exact: true });
    const custody = child.guardians.filter((g) => g.custody).length;
    expect(await consenting.count()).toBe(custody);
    for (let i = 0; i < custody; i++) await consenting.nth(i).check();
    await group(form, 'Vilka verksamheter får ta del?').getByRole('checkbox', { name: 'Socialtjänst', exact: true }).check();
    const categories = group(form, 'Vilka uppgifter får delas?');
    await categories.getByRole('checkbox', { name: 'Skola', exact: true }).check();
    await categories.getByRole('checkbox', { name: 'Välbefinnande', exact: true }).check();
    await group(form, 'För vilket syfte?').getByRole('checkbox', { name: 'Informationsutbyte', exact: true }).check();
    await group(form, 'Hur lämnades samtycket?').getByRole('radio', { name: 'Skriftligt', exact: true }).check();
    await form.getByRole('textbox', { name: 'Barnets egen syn' }).fill(CHILD_VIEW);
    await group(form, 'Barnets beslut').getByRole('radio', { name: 'Samtycker', exact: true }).check();

    // The period defaults to twelve months from today.
    const from = await form.getByLabel('Från och med').inputValue();
    const to = await form.getByLabel('Till och med').inputValue();
    expect(from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Number(to.slice(0, 4)) - Number(from.slice(0, 4))).toBe(1);

    await expectNoSeriousAxeViolations(page, 'child page with the consent form open');

    await form.getByRole('button', { name: 'Spara samtycket' }).press('Enter');
    await form.getByText('Samtycket är sparat.').waitFor();

    const line = banner().locator('li', { hasText: 'socialtjänsten' });
    await line.waitFor();
    const text = await line.innerText();
    expect(text).toContain('Delas med: socialtjänsten');
    expect(text).toMatch(/skola/);
    expect(text).toMatch(/välbefinnande/);
    expect(await banner().innerText()).not.toContain(NOTHING_SHARED);

    const card = consents().locator('.consent-card', { hasText: 'socialtjänsten' }).first();
    expect(await card.innerText()).toContain(CHILD_VIEW);
    expect(await card.innerText()).toContain('Anna Rektorsson');
  }, 60_000);

  it('lets the social worker join the team once the consent covers social services', async () => {
    await addSocialWorkerToTeam();
    await team().getByText(`${SOCIAL_WORKER} är tillagd i teamet.`).waitFor();
    const row = team().locator('tbody tr', { hasText: SOCIAL_WORKER });
    await row.waitFor();
    expect(await row.innerText()).toContain('Omfattas av samtycke');
  }, 60_000);

  it('withdraws the consent for one guardian: the banner says nothing is shared again', async () => {
    await consents().locator('.consent-card', { hasText: 'socialtjänsten' }).getByRole('button', { name: 'Återkalla' }).press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Återkalla samtycke' });
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: /\(vårdnadshavare\)$/ }).first().check();
    await dialog.getByRole('textbox', { name: 'Anteckning' }).fill('Pappa ringde och återkallade samtycket.');
    await expectNoSeriousAxeViolations(page, 'withdraw dialog');
    await dialog.getByRole('button', { name: 'Återkalla samtycket' }).press('Enter');
    await dialog.waitFor({ state: 'hidden' });

    await banner().getByText(NOTHING_SHARED).waitFor();
    expect(await banner().locator('li').count()).toBe(0);
    const withdrawn = consents().locator('.consent-card[data-state="withdrawn"]');
    await withdrawn.waitFor();
    const text = await withdrawn.innerText();
    expect(text).toContain('Återkallat');
    expect(text).toContain('Pappa ringde och återkallade samtycket.');
    await consents().getByText('Inga samtycken gäller just nu.').waitFor();

    // The social worker stays listed, but no consent covers them any more.
    const row = team().locator('tbody tr', { hasText: SOCIAL_WORKER });
    await row.getByText('Inget gällande samtycke').waitFor();

    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/consent.png', fullPage: true });
    await expectNoSeriousAxeViolations(page, 'child page after withdrawal');
  }, 60_000);
  it('gives a police officer emergency access, with a visible notice on the child page', async () => {
    expect(await page.getByRole('link', { name: 'Granskning' }).count(), 'no review link for a principal').toBe(0);
    const police = await newPage(browser);
    await signIn(police, server.url, 'erik.polis', PASSWORD);
    await police.getByRole('link', { name: 'Nödåtkomst' }).click();
    await police.getByRole('heading', { level: 1, name: 'Nödåtkomst' }).waitFor();
    expect(await police.locator('main').innerText()).toContain('Åtkomsten loggas och granskas');
    expect(await police.getByLabel('Antal timmar').inputValue()).toBe('4');

    await police.getByLabel('Barnets personnummer').fill(child.personnummer);
    await police.getByLabel('Skäl').fill('Akut');
    await police.getByRole('button', { name: 'Begär nödåtkomst' }).press('Enter');
    const summary = police.locator('ds-error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('minst 10 tecken');
    await expectNoSeriousAxeViolations(police, 'emergency access page with errors');

    await police.getByLabel('Skäl').fill('Barnet har hittats skadat och ambulans är på väg – vi behöver nå vårdnadshavarna.');
    await police.getByRole('button', { name: 'Begär nödåtkomst' }).press('Enter');
    await police.waitForURL(new RegExp(`/children/${child.id}$`));
    await police.getByRole('heading', { level: 1, name: childName }).waitFor();
    const notice = police.locator('.emergency-notice');
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/Nödåtkomst till \d{2}:\d{2}/);
    await police.locator('section[aria-labelledby="sharing-heading"]').getByText(NOTHING_SHARED).waitFor();
    await expectNoSeriousAxeViolations(police, 'child page under emergency access');
    await police.context().close();
  }, 60_000);

  it('lets the manager judge the emergency access', async () => {
    const manager = await newPage(browser);
    await signIn(manager, server.url, 'fia.chef', PASSWORD);
    await manager.getByRole('link', { name: 'Granskning' }).click();
    await manager.getByRole('heading', { level: 1, name: 'Granskning' }).waitFor();
    const section = manager.locator('section[aria-labelledby="emergency-review-heading"]');
    const card = section.locator('.review-card', { hasText: 'Erik Holm' }).first();
    await card.waitFor();
    expect(await card.innerText()).toContain('ambulans');
    await expectNoSeriousAxeViolations(manager, 'review page (manager)');
    await card.getByRole('radio', { name: 'Befogad', exact: true }).check();
    await card.getByRole('textbox', { name: 'Kommentar' }).fill('Akut läge, rimligt att bryta glaset.');
    await card.getByRole('button', { name: 'Spara granskningen' }).press('Enter');
    await section.getByText('Nödåtkomsten (Erik Holm) är granskad.').waitFor();
    await manager.context().close();
  }, 60_000);

  it('lets the log reviewer mark the flagged emergency access as reviewed', async () => {
    const reviewer = await newPage(browser);
    await signIn(reviewer, server.url, 'gun.admin', PASSWORD);
    await reviewer.getByRole('link', { name: 'Granskning' }).click();
    const section = reviewer.locator('section[aria-labelledby="audit-review-heading"]');
    await section.getByRole('heading', { level: 2, name: 'Logghändelser att granska' }).waitFor();
    const card = section.locator('.review-card', { hasText: 'Fick nödåtkomst' }).first();
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain('Flaggad');
    expect(text).toContain('Erik Holm');
    expect(text).toContain(child.id);
    await expectNoSeriousAxeViolations(reviewer, 'review page (log reviewer)');
    const seq = /Händelse (\d+)/.exec(text)?.[1];
    await card.getByRole('textbox', { name: 'Kommentar' }).fill('Kontrollerat mot chefens granskning.');
    await card.getByRole('button', { name: 'Markera granskad' }).press('Enter');
    await section.getByText(`Händelse ${seq} är markerad som granskad.`).waitFor();
    expect(await section.locator('.review-card', { hasText: `Händelse ${seq}:` }).count()).toBe(0);
    await reviewer.context().close();
  }, 60_000);
});
