/**
 * The child's plan in the browser, from a concern to a closed plan: the
 * principal (the named person) opens a concern in her inbox and goes to the
 * child; the guardians' consent for social services is recorded and the
 * social worker joins the team; the principal starts the plan in the meeting
 * – a school action picked from the intervention catalogue (searched as she
 * types) and a social-services action, the child's and the guardians' views.
 * Someone saves in between: the conflict panel says what changed and her
 * text is reapplied on their version. Activation is refused while no lead
 * professional is appointed; the social worker – who until then sees the
 * plan read-only, with status controls only on her own unit's action – is
 * appointed, and the plan takes effect. It shows in the principal's work
 * list; at the review the wheel is scored again in the assessment editor,
 * which comes back to the review, both actions are marked, and the plan is
 * closed: "Avslutad". axe-core finds no serious or critical violations on the
 * plan pages; the editor is saved as test-results/plan-editor.png.
 *
 * Runs against a fresh test server (test/support/server.ts), or SAMSYN_E2E_URL.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, launchBrowser, newPage, signIn, startServer, type Server } from './helpers.ts';

type ChildDetail = {
  id: string;
  givenName: string | null;
  familyName: string | null;
  masked: boolean;
  guardians: { id: string; custody: boolean }[];
};
type ConcernItem = { id: string; view: string; status: string; child: { id: string; masked: boolean } };

const PASSWORD = 'samsyn-demo';
const PRINCIPAL = 'anna.rektor';
const SOCIAL = 'cecilia.soc';
const SOCIAL_NAME = 'Cecilia Sund';
const CATALOGUE_TITLE = 'Hämtning hemifrån på morgonen';
const CHILD_VIEW = 'Jag vill komma i tid och slippa bråk hemma på morgonen.';
const GUARDIANS_VIEW = 'Vi vill ha hjälp med morgnarna.';
const THEIR_DISAGREEMENT = 'Pappa vill inte ha hembesök varje vecka.';

describe("the child's plan, from a concern to a closed plan", () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let child: ChildDetail;
  let childName: string;
  let concernId: string;
  let planId: string;
  let socialUnitId: string;

  const api = async <T,>(method: 'get' | 'post' | 'put', path: string, data?: unknown): Promise<T> => {
    const response = await page.request[method](`${server.url}${path}`, data === undefined ? undefined : { data });
    expect(response.ok(), `${method.toUpperCase()} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await newPage(browser);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens a concern from the inbox and goes to the child', async () => {
    await signIn(page, server.url, PRINCIPAL, PASSWORD);
    // The start page has the work list, empty for now.
    await page.getByRole('heading', { level: 2, name: 'Att göra' }).waitFor();

    const { items } = await api<{ items: ConcernItem[] }>('get', '/api/concerns?limit=100');
    let concern: ConcernItem | undefined;
    for (const c of items.filter((c) => c.view === 'full' && c.status === 'new' && !c.child.masked)) {
      const plans = await api<{ canStart: boolean }>('get', `/api/children/${c.child.id}/plans`);
      if (plans.canStart) {
        concern = c;
        break;
      }
    }
    expect(concern, 'a new concern in the principal’s inbox about an unmasked child without a plan').toBeDefined();
    concernId = concern!.id;
    child = (await api<{ child: ChildDetail }>('get', `/api/children/${concern!.child.id}`)).child;
    childName = `${child.givenName} ${child.familyName}`;

    await page.getByRole('link', { name: 'Inkorg' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inkorg – oro för barn' }).waitFor();
    await page.locator(`tr[data-concern="${concernId}"]`).getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: `Oro för ${childName}` }).waitFor();
    await page.getByRole('link', { name: 'Öppna barnets sida' }).click();
    await page.getByRole('heading', { level: 1, name: childName }).waitFor();
    // The header names the named person; no lead professional yet.
    const contacts = page.locator('dl.child-contacts');
    await contacts.getByText('Anna Rektorsson', { exact: false }).waitFor();
    await contacts.getByText('Ingen utsedd').waitFor();
  }, 60_000);

  it('records the consent, adds the social worker to the team and starts the plan with two agencies', async () => {
    // The guardians' consent (given in the meeting) and the school's catalogue entry, through the API.
    const custody = child.guardians.filter((g) => g.custody);
    await api('post', `/api/children/${child.id}/consents`, {
      guardians: custody.map((g) => ({ guardianId: g.id, decision: 'given' })),
      recipientAgencyTypes: ['social_services'],
      categories: ['plan', 'wellbeing', 'meeting'],
      purposes: ['team_meeting', 'childs_plan'],
      form: 'written',
      childView: 'Okej att socialtjänsten får veta så att jag får hjälp.',
      childDecision: 'given',
    });
    const me = await api<{ user: { roles: { unitId: string }[] } }>('get', '/api/me');
    const schoolUnitId = me.user.roles[0]!.unitId;
    await api('post', '/api/interventions', { unitId: schoolUnitId, title: CATALOGUE_TITLE, description: 'En resursperson hämtar eleven hemma och följer med till skolan.' });

    await page.reload();
    await page.getByRole('heading', { level: 1, name: childName }).waitFor();
    const team = page.locator('section[aria-labelledby="team-heading"]');
    const form = team.locator('details.add-team-member');
    await form.locator('summary').press('Enter');
    const search = form.getByRole('searchbox', { name: 'Sök personal' });
    await search.fill('Cecilia');
    await search.press('Enter');
    await form.getByRole('radio', { name: SOCIAL_NAME }).first().check();
    await form.getByRole('button', { name: 'Lägg till', exact: true }).press('Enter');
    await team.getByText(`${SOCIAL_NAME} är tillagd i teamet.`).waitFor();
    const members = await api<{ items: { name: string; unitId: string; covered: boolean }[] }>('get', `/api/children/${child.id}/team`);
    const social = members.items.find((m) => m.name === SOCIAL_NAME);
    expect(social?.covered).toBe(true);
    socialUnitId = social!.unitId;

    const planSection = page.locator('section#plan');
    await planSection.getByRole('link', { name: 'Starta barnets plan' }).click();
    await page.getByRole('heading', { level: 1, name: `Ny plan för ${childName}` }).waitFor();

    // Saving an empty plan: the error summary says what is missing and links to the fields.
    await page.getByRole('button', { name: 'Spara planen' }).press('Enter');
    const summary = page.locator('ds-error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Skriv varför planen behövs.');
    await summary.getByRole('link', { name: 'Skriv varför planen behövs.' }).click();
    const reason = page.getByRole('textbox', { name: 'Varför behövs planen?' });
    expect(await reason.evaluate((el) => el === document.activeElement)).toBe(true);

    await reason.fill('Hög frånvaro sedan hösten och oro för morgnarna hemma. Vi samlar stödet i en plan.');
    await page.getByLabel('Område i välbefinnandehjulet').selectOption({ index: 1 });
    await page.getByRole('textbox', { name: 'Vad behöver barnet?' }).fill('Komma till skolan varje dag');
    await page.getByRole('textbox', { name: 'Vad vill vi uppnå?' }).fill('Närvaro över 90 % före jullovet');
    await page.getByRole('textbox', { name: 'Hur ser vi att det går framåt?' }).fill('Närvaron i skolans system, varje vecka');

    // Action 1.1 from the catalogue, found as she types.
    await page.getByRole('button', { name: /Lägg till insats/ }).press('Enter');
    const first = page.locator('li.action-card').nth(0);
    await first.locator('details.intervention-picker summary').press('Enter');
    await first.getByRole('searchbox', { name: 'Sök i insatskatalogen' }).fill('hämtning');
    await first.getByRole('button', { name: new RegExp(`^Välj\\s+${CATALOGUE_TITLE}$`) }).press('Enter');
    await first.getByText(`Från insatskatalogen: ${CATALOGUE_TITLE}`).waitFor();
    expect(await first.getByRole('textbox', { name: 'Vad ska göras?' }).inputValue()).toContain(CATALOGUE_TITLE);
    expect(await first.getByLabel('Ansvarig enhet').inputValue()).toBe(schoolUnitId);

    // Action 1.2 by social services, in own words.
    await page.getByRole('button', { name: /Lägg till insats/ }).press('Enter');
    const second = page.locator('li.action-card').nth(1);
    await second.getByRole('textbox', { name: 'Vad ska göras?' }).fill('Familjestöd med hembesök varannan vecka');
    await second.getByLabel('Ansvarig enhet').selectOption(socialUnitId);
    await second.getByLabel('Ansvarig person (frivilligt)').selectOption({ label: SOCIAL_NAME });

    await page.getByRole('textbox', { name: `Vad säger ${childName} själv?` }).fill(CHILD_VIEW);
    await page.getByRole('textbox', { name: 'Vad säger vårdnadshavarna?' }).fill(GUARDIANS_VIEW);
    // Whether they accept the plan is recorded, never required: the child says yes, the guardians are not asked yet.
    await page.getByRole('group', { name: new RegExp(`^Säger ${childName} ja till planen\\?`) }).getByRole('radio', { name: 'Ja', exact: true }).check();
    expect(await page.getByRole('group', { name: /^Säger vårdnadshavarna ja till planen\?/ }).getByRole('radio', { name: 'Inte tillfrågade ännu' }).isChecked()).toBe(true);
    // The review within two weeks, so it shows in the work list.
    await page.getByRole('button', { name: 'Om 2 veckor' }).press('Enter');

    await page.getByRole('button', { name: 'Spara planen' }).press('Enter');
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    planId = /\/plans\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
    await page.getByRole('heading', { level: 1, name: `Barnets plan – ${childName}` }).waitFor();
    await page.getByText('Planen är sparad som utkast.').waitFor();
    expect(await page.locator('.plan-header .plan-status').innerText()).toBe('Utkast');
  }, 90_000);

  it('shows what someone else changed meanwhile and reapplies the principal’s text on their version', async () => {
    // Someone saves version 2 (a disagreement) while the principal adds to the guardians' view in version 1.
    const current = await api<{ version: number; content: Record<string, unknown> }>('get', `/api/plans/${planId}`);
    await api('put', `/api/plans/${planId}`, { baseVersion: current.version, content: { ...current.content, disagreements: THEIR_DISAGREEMENT } });

    const guardians = page.getByRole('textbox', { name: 'Vad säger vårdnadshavarna?' });
    await guardians.fill(`${GUARDIANS_VIEW} Mamma vill vara med på mötena.`);
    await page.getByRole('button', { name: 'Spara', exact: true }).press('Enter');
    const panel = page.locator('.conflict-panel');
    await panel.getByRole('heading', { name: 'Någon annan har sparat planen medan du skrev' }).waitFor();
    const text = await panel.innerText();
    expect(text).toContain('Anna Rektorsson');
    expect(text).toContain('Oenighet');
    expect(text).toContain(THEIR_DISAGREEMENT);
    await expectNoSeriousAxeViolations(page, 'plan editor with a version conflict');

    await panel.getByRole('button', { name: 'Hämta deras version och lägg in mina ändringar igen' }).press('Enter');
    await page.locator('.merged-notice').waitFor();
    expect(await page.getByRole('textbox', { name: 'Oenighet' }).inputValue()).toBe(THEIR_DISAGREEMENT);
    expect(await guardians.inputValue()).toContain('Mamma vill vara med på mötena.');
    await page.getByRole('button', { name: 'Spara', exact: true }).press('Enter');
    await page.locator('.plan-save-bar').getByText('Sparad – version 3.').waitFor();

    // What changed, version by version.
    const versions = page.locator('details.plan-versions');
    await versions.locator('summary').press('Enter');
    await versions.locator('li[data-version="3"]').getByText('Vårdnadshavarnas syn').waitFor();
    expect(await versions.locator('li[data-version="2"]').innerText()).toContain('Oenighet');
  }, 60_000);

  it('refuses to activate without a lead professional, and shows the social worker only her own action to update', async () => {
    const activation = page.locator('section#plan-activation');
    const lead = activation.locator('li[data-check="leadProfessional"]');
    await lead.getByText('utse en stödsamordnare').waitFor();
    await activation.getByRole('button', { name: 'Aktivera planen' }).press('Enter');
    const refused = activation.locator('ds-error-summary');
    await refused.waitFor();
    expect(await refused.innerText()).toContain('Planen kan inte börja gälla ännu');
    expect(await refused.innerText()).toContain('stödsamordnare');

    // The meeting room: a tablet in portrait – no sideways scrolling, every button at least 44 px high.
    await page.setViewportSize({ width: 820, height: 1180 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling').toBe(true);
    const heights = await page.locator('.plan-editor .ds-button').evaluateAll((buttons) =>
      buttons.filter((b) => (b as HTMLElement).offsetParent !== null).map((b) => ({ text: (b as HTMLElement).innerText, h: b.getBoundingClientRect().height })),
    );
    expect(heights.length).toBeGreaterThan(5);
    for (const { text, h } of heights) expect(h, `height of "${text}"`).toBeGreaterThanOrEqual(44);
    await expectNoSeriousAxeViolations(page, 'plan editor, activation refused');
    await page.setViewportSize({ width: 1280, height: 900 });

    // The social worker is in the team (consent covers `plan`) but does not edit the plan.
    const social = await newPage(browser);
    try {
      await signIn(social, server.url, SOCIAL, PASSWORD);
      await social.goto(`${server.url}/plans/${planId}`);
      await social.getByRole('heading', { level: 1, name: `Barnets plan – ${childName}` }).waitFor();
      expect(await social.getByRole('button', { name: 'Spara', exact: true }).count()).toBe(0);
      const answers = social.locator('p.agreement-read');
      await answers.first().waitFor();
      expect(await answers.allInnerTexts()).toEqual(['Säger ja till planen.', 'Har inte svarat på planen ännu.']);
      await social.getByText('Du kan uppdatera status och kommentar för de insatser din enhet ansvarar för.').waitFor();
      const actions = social.locator('li.action-card');
      expect(await actions.count()).toBe(2);
      expect(await actions.nth(0).locator('form.action-update').count(), 'not the school’s action').toBe(0);
      const own = actions.nth(1).locator('form.action-update');
      await own.getByLabel('Status').selectOption('ongoing');
      await own.getByRole('textbox', { name: 'Kommentar' }).fill('Första hembesöket är bokat.');
      await own.getByRole('button', { name: /Spara status/ }).press('Enter');
      await own.getByText('Sparat.').waitFor();
      await expectNoSeriousAxeViolations(social, 'plan read by a team member');
    } finally {
      await social.context().close();
    }
  }, 90_000);

  it('appoints the social worker as lead professional and activates the plan', async () => {
    const section = page.locator('#plan-lead-section');
    await section.locator('details.appoint-lead summary').press('Enter');
    // Wait until every candidate has loaded (the named person, Anna, is looked up after the form opens), so the
    // list does not change under the click.
    await section.getByRole('radio', { name: /^Anna Rektorsson/ }).waitFor();
    await section.getByRole('radio', { name: SOCIAL_NAME }).check();
    expect(await section.getByRole('radio', { name: SOCIAL_NAME }).isChecked()).toBe(true);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/lead-professional') && r.request().method() === 'POST'),
      section.locator('form').getByRole('button', { name: 'Utse stödsamordnare' }).press('Enter'),
    ]);
    expect(response.status(), await response.text()).toBe(201);
    await section.getByText(`${SOCIAL_NAME} är nu barnets stödsamordnare.`).waitFor();
    const activation = page.locator('section#plan-activation');
    await activation.getByText('Allt är klart.').waitFor();
    expect(await activation.locator('li[data-check="leadProfessional"][data-done]').count()).toBe(1);

    // Her status update (version 4) arrived meanwhile: the editor loads it before activating.
    await activation.getByRole('button', { name: /Aktivera planen/ }).press('Enter');
    const outcome = await Promise.race([
      page.getByText('Planen gäller nu.').waitFor().then(() => 'active' as const),
      page.locator('.conflict-panel').waitFor().then(() => 'conflict' as const),
    ]);
    if (outcome === 'conflict') {
      await page.locator('.conflict-panel').getByRole('button', { name: 'Hämta deras version och lägg in mina ändringar igen' }).press('Enter');
      await page.locator('.merged-notice').waitFor();
      await activation.getByRole('button', { name: /Aktivera planen/ }).press('Enter');
      await page.getByText('Planen gäller nu.').waitFor();
    }
    await page.locator('.plan-header .plan-status', { hasText: 'Gäller' }).waitFor();
    await page.locator('.plan-header').getByText(SOCIAL_NAME, { exact: false }).first().waitFor();
    // Her update is in the plan, not overwritten.
    const saved = await api<{ content: { needs: { actions: { status: string; comment: string | null }[] }[] } }>('get', `/api/plans/${planId}`);
    expect(saved.content.needs[0]!.actions[1]).toMatchObject({ status: 'ongoing', comment: 'Första hembesöket är bokat.' });

    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/plan-editor.png', fullPage: true });
    await expectNoSeriousAxeViolations(page, 'active plan');

    // The export links, in the interface language.
    const pdf = await page.getByRole('link', { name: /PDF för familjen/ }).getAttribute('href');
    expect(pdf).toBe(`/api/plans/${planId}/export.pdf?variant=family&lang=sv`);
    expect(await page.getByRole('link', { name: /FHIR/ }).getAttribute('href')).toBe(`/api/plans/${planId}/fhir`);
  }, 60_000);

  it('puts the review in the work list, and closes the plan at the review with the wheel scored again', async () => {
    await page.getByRole('link', { name: 'Mina barn' }).click();
    const row = page.locator(`.work-list li[data-plan="${planId}"][data-kind="review_due"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain('Uppföljning inom två veckor');
    await expectNoSeriousAxeViolations(page, 'start page with the work list');
    await row.getByRole('link', { name: childName }).click();
    await page.getByRole('heading', { level: 1, name: `Barnets plan – ${childName}` }).waitFor();

    await page.getByRole('link', { name: 'Följ upp planen' }).click();
    await page.getByRole('heading', { level: 1, name: `Uppföljning av barnets plan – ${childName}` }).waitFor();
    await page.getByRole('link', { name: 'Gör en ny bedömning' }).click();
    await page.getByRole('heading', { level: 1, name: `Bedömning av välbefinnande – ${childName}` }).waitFor();
    await page.getByText('Bedömningen görs för uppföljningen av barnets plan.').waitFor();
    const cards = page.locator('.indicator-card');
    await cards.nth(0).getByRole('group', { name: /^Personal:/ }).getByRole('radio', { name: /^4\b/ }).check();
    await cards.nth(1).getByRole('group', { name: /^Personal:/ }).getByRole('radio', { name: /^3\b/ }).check();
    await page.getByRole('button', { name: 'Spara bedömningen' }).press('Enter');

    await page.waitForURL(new RegExp(`/plans/${planId}/review\\?assessment=`));
    await page.getByRole('heading', { level: 1, name: `Uppföljning av barnets plan – ${childName}` }).waitFor();
    const chosen = page.getByRole('group', { name: /Bedömning vid uppföljningen/ }).getByRole('radio');
    await expect.poll(() => chosen.first().isChecked()).toBe(true);
    await page.locator('table.review-compare').waitFor();

    const marks = page.locator('.review-action');
    expect(await marks.count()).toBe(2);
    await marks.nth(0).getByRole('radio', { name: 'Genomförd', exact: true }).check();
    await marks.nth(0).getByRole('textbox').fill('Närvaron är nu 95 %.');
    await marks.nth(1).getByRole('radio', { name: 'Inte genomförd', exact: true }).check();
    await marks.nth(1).getByRole('textbox').fill('Familjen tackade nej efter första besöket.');
    await page.getByRole('radio', { name: 'Avsluta planen' }).check();
    await page.getByRole('button', { name: 'Skriv: tillbaka till allmänt stöd hos barnkontakten' }).press('Enter');
    expect(await page.getByRole('textbox', { name: 'Varför avslutas planen?' }).inputValue()).toContain('Anna Rektorsson');
    await expectNoSeriousAxeViolations(page, 'plan review');

    await page.getByRole('button', { name: 'Spara uppföljningen' }).press('Enter');
    await page.waitForURL(new RegExp(`/plans/${planId}$`));
    await page.locator('.plan-header .plan-status', { hasText: 'Avslutad' }).waitFor();
    await page.getByText('Uppföljningen är sparad och planen är avslutad.').waitFor();
    // Closed: read only, the reason in the header.
    expect(await page.locator('.plan-header').innerText()).toContain('tillbaka till det allmänna stödet');
    expect(await page.getByRole('button', { name: 'Spara', exact: true }).count()).toBe(0);

    // The child page lists it as an earlier plan, and a new one can be started.
    await page.getByRole('link', { name: `Tillbaka till ${childName}` }).click();
    const planSection = page.locator('section#plan');
    await planSection.getByRole('heading', { name: 'Tidigare planer' }).waitFor();
    await planSection.getByRole('link', { name: 'Starta barnets plan' }).waitFor();
    await page.locator('dl.child-contacts').getByText(SOCIAL_NAME, { exact: false }).first().waitFor();
    await expectNoSeriousAxeViolations(page, 'child page with the plan and the lead professional');
  }, 90_000);
});
