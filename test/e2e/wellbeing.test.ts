/**
 * Noticing and understanding, in the browser: a BUP clinician who cannot see
 * a pupil raises a concern by personal identity number – first with nothing
 * filled in (the error summary says what is missing), then as her own concern,
 * which may not cross to the school without consent (the form asks for a
 * basis), then as the mother's own request for support – and gets a receipt
 * naming the principal as named person. The principal finds it in her inbox,
 * acknowledges it, and from the concern records a wellbeing assessment with
 * the pupil taking part: the professional's and the child's own ratings, a
 * strength in My World Triangle, a fact and a position in the resilience
 * matrix. The child page then draws the wheel with both rings; a screenshot of
 * it is saved as the run's artefact (test-results/wellbeing-wheel.png). The
 * clinician sees only that the concern was acknowledged. axe-core finds no
 * serious or critical violations on any page along the way.
 *
 * Runs against a fresh test server (test/support/server.ts), or SAMSYN_E2E_URL.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, launchBrowser, newPage, signIn, startServer, type Server } from './helpers.ts';

type ChildSummary = { id: string; personnummer: string; givenName: string | null; familyName: string | null; masked: boolean };
type ChildDetail = ChildSummary & { namedPerson: { status: string; name?: string } };

const PASSWORD = 'samsyn-demo';
const PRINCIPAL = 'anna.rektor';
const CLINICIAN = 'david.bup';
const WORRY = 'Eleven har gråtit på lektionerna flera gånger i veckan och säger att hon inte sover på nätterna.';

describe('a concern raised by personal identity number, and the wellbeing assessment that follows', () => {
  let server: Server;
  let browser: Browser;
  let principal: Page;
  let clinician: Page;
  let child: ChildDetail;
  let childName: string;
  let concernId: string;
  let earlierAssessments = 0;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    principal = await newPage(browser);
    clinician = await newPage(browser);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds a pupil whose named person is the principal, and whom the clinician cannot see', async () => {
    await signIn(principal, server.url, PRINCIPAL, PASSWORD);
    const list = await principal.request.get(`${server.url}/api/children?limit=50`);
    const { items } = (await list.json()) as { items: ChildSummary[] };
    // Prefer one of the demo pupils who has been assessed before, so the history has something to draw.
    for (const candidate of items.filter((c) => !c.masked && c.familyName)) {
      const detail = (await (await principal.request.get(`${server.url}/api/children/${candidate.id}`)).json()) as { child: ChildDetail };
      if (detail.child.namedPerson.name !== 'Anna Rektorsson') continue;
      const assessed = (await (await principal.request.get(`${server.url}/api/children/${candidate.id}/assessments`)).json()) as { items: unknown[] };
      if (assessed.items.length > 0) {
        child = detail.child;
        earlierAssessments = assessed.items.length;
        break;
      }
    }
    expect(child, 'a demo pupil with Anna Rektorsson as named person, assessed before').toBeDefined();
    childName = `${child.givenName} ${child.familyName}`;

    await signIn(clinician, server.url, CLINICIAN, PASSWORD);
    const denied = await clinician.request.get(`${server.url}/api/children/${child.id}`);
    expect(denied.status(), 'the clinician cannot read the child').toBe(404);
  }, 60_000);

  it('lets the clinician raise a concern in one click from the header, with an error summary for what is missing', async () => {
    await clinician.getByRole('link', { name: 'Oro för ett barn' }).click();
    await clinician.getByRole('heading', { level: 1, name: 'Oro för ett barn' }).waitFor();
    await clinician.getByRole('button', { name: 'Skicka till barnkontakten' }).press('Enter');
    const summary = clinician.locator('ds-error-summary');
    await summary.waitFor();
    const errors = await summary.innerText();
    expect(errors).toContain('Skriv barnets personnummer.');
    expect(errors).toContain('Svara på den första frågan');
    expect(errors).toContain('Välj om hjälp från andra verksamheter behövs.');
    await expectNoSeriousAxeViolations(clinician, 'raise a concern, with errors');

    // The error links lead to the fields.
    await summary.getByRole('link', { name: 'Skriv barnets personnummer.' }).click();
    const pnr = clinician.getByRole('textbox', { name: 'Barnets personnummer' });
    expect(await pnr.evaluate((el) => el === document.activeElement)).toBe(true);

    await pnr.fill(child.personnummer);
    await clinician
      .getByRole('textbox', { name: 'Vad står i vägen för det här barnets eller den ungas välbefinnande?' })
      .fill(WORRY);
    await clinician
      .getByRole('textbox', { name: 'Vad kan jag göra nu som behövs och är lämpligt för att hjälpa det här barnet eller den unga?' })
      .fill('Prata med skolan om vad de ser.');
    await clinician.getByRole('radio', { name: 'Ja, hjälp från andra behövs' }).check();
    await clinician.getByRole('radio', { name: 'Hög' }).check();
    const indicators = clinician.getByRole('group', { name: /Vilka delar av barnets välbefinnande/ }).getByRole('checkbox');
    expect(await indicators.count(), 'the wellbeing indicators of the profile').toBeGreaterThanOrEqual(8);
    await indicators.nth(0).check();
    await indicators.nth(1).check();
    await expectNoSeriousAxeViolations(clinician, 'raise a concern, filled in');

    // The named person is at the school, another agency, and no consent covers the concern: the form says what would.
    await clinician.getByRole('button', { name: 'Skicka till barnkontakten' }).press('Enter');
    const basis = clinician.getByRole('group', { name: /Vad ger stöd för att skicka oron\?/ });
    await basis.waitFor();
    expect(await clinician.locator('ds-error-summary').innerText()).toContain('inget aktivt samtycke');
    await expectNoSeriousAxeViolations(clinician, 'raise a concern, sharing basis asked for');

    // It was the mother who asked for support at the visit – the family's own request may go to the school.
    await clinician.getByRole('radio', { name: 'En vårdnadshavare ber om stöd' }).check();
    await clinician.getByRole('textbox', { name: 'Vem bad om stöd, och hur?' }).fill('Mamman, vid besöket på BUP i dag');
    expect(await basis.count()).toBe(0);
    await clinician.getByRole('button', { name: 'Skicka till barnkontakten' }).press('Enter');
    await clinician.getByRole('heading', { level: 1, name: 'Oron är skickad' }).waitFor();
    const receipt = await clinician.locator('main').innerText();
    expect(receipt).toContain('Anna Rektorsson');
    expect(receipt).toContain('Svar senast');
    const href = await clinician.getByRole('link', { name: 'Visa oron och vad som händer' }).getAttribute('href');
    concernId = /\/concerns\/([0-9a-f-]{36})$/.exec(href ?? '')?.[1] ?? '';
    expect(concernId).not.toBe('');
    await expectNoSeriousAxeViolations(clinician, 'receipt');
  }, 90_000);

  it('puts it in the principal’s inbox, most urgent first, where she acknowledges it', async () => {
    await principal.goto(`${server.url}/`);
    await principal.getByRole('heading', { level: 1, name: 'Mina barn' }).waitFor();
    await principal.getByRole('link', { name: 'Inkorg' }).click();
    await principal.getByRole('heading', { level: 1, name: 'Inkorg – oro för barn' }).waitFor();
    const row = principal.locator(`tr[data-concern="${concernId}"]`);
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain(childName);
    expect(text).toContain('Hög');
    expect(text).toContain('Ny');
    expect(text).toContain('David');

    // Sorted by urgency: nothing less urgent comes before it, and overdue ones say so in words.
    const urgencies = await principal.locator('.inbox-table tbody tr .urgency-tag').evaluateAll((tags) => tags.map((t) => t.getAttribute('data-urgency')));
    const rank = (u: string | null) => ['immediate', 'high', 'normal', 'low'].indexOf(u ?? '');
    expect(urgencies.map(rank)).toEqual([...urgencies.map(rank)].sort((a, b) => a - b));
    for (const overdue of await principal.locator('.inbox-table tbody tr[data-overdue]').all()) {
      expect(await overdue.innerText()).toContain('Försenad');
    }
    await expectNoSeriousAxeViolations(principal, 'inbox');

    await row.getByRole('link', { name: childName }).click();
    await principal.getByRole('heading', { level: 1, name: `Oro för ${childName}` }).waitFor();
    expect(await principal.locator('main').innerText()).toContain(WORRY);
    const act = principal.locator('section.record-action');
    await act.getByRole('button', { name: 'Spara' }).press('Enter');
    await act.locator('ds-error-summary').getByText('Välj vad som har hänt.').waitFor();
    await act.getByRole('radio', { name: /^Bekräftad/ }).check();
    await expectNoSeriousAxeViolations(principal, 'concern page');
    await act.getByRole('button', { name: 'Spara' }).press('Enter');
    await act.getByText('Sparat: Bekräftad – jag har tagit emot oron.').waitFor();
    await principal.locator('ol.timeline li[data-kind="acknowledged"]').waitFor();
  }, 90_000);

  it('records a wellbeing assessment with the child’s own ratings, a triangle strength and the matrix', async () => {
    await principal.getByRole('link', { name: 'Gör en välbefinnandebedömning' }).click();
    await principal.getByRole('heading', { level: 1, name: `Bedömning av välbefinnande – ${childName}` }).waitFor();
    await principal.getByRole('checkbox', { name: `${childName} (barnet)` }).check();

    const cards = principal.locator('.indicator-card');
    const n = await cards.count();
    expect(n, 'one card per indicator of the profile').toBeGreaterThanOrEqual(8);

    // A tablet in portrait, in the meeting with the family: nothing scrolls sideways and every score is a
    // touch target of at least 44 × 44 CSS pixels (WCAG 2.5.5).
    await principal.setViewportSize({ width: 820, height: 1180 });
    expect(await principal.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling').toBe(true);
    for (const box of await cards.first().locator('label.score-option').evaluateAll((labels) => labels.map((l) => l.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(box.width, 'score target width').toBeGreaterThanOrEqual(44);
      expect(box.height, 'score target height').toBeGreaterThanOrEqual(44);
    }
    for (let i = 0; i < n; i++) {
      const card = cards.nth(i);
      await card.getByRole('group', { name: /^Personal:/ }).getByRole('radio', { name: new RegExp(`^${(i % 5) + 1}\\b`) }).check();
      await card.getByRole('group', { name: /^Barnet:/ }).getByRole('radio', { name: new RegExp(`^${((i + 2) % 5) + 1}\\b`) }).check();
    }
    await cards.nth(0).getByRole('textbox', { name: /^Kort anteckning/ }).fill('Sover dåligt, ledsen på morgnarna.');
    // The wheel is drawn as the ratings are filled in.
    expect(await principal.locator('.wheel-editor__preview [data-rater="child"][data-score="3"]').count()).toBeGreaterThan(0);

    await principal.getByRole('textbox', { name: `Vad säger ${childName} själv?` }).fill('Jag vill kunna sova och ha kul med mina kompisar igen.');

    await principal.locator('.triangle-side summary').first().press('Enter');
    await principal.getByRole('button', { name: '+ Styrka – Att lära och lyckas' }).press('Enter');
    await principal.getByRole('textbox', { name: 'Styrka – Att lära och lyckas' }).fill('Tycker om matte och gör sina läxor.');

    const matrix = principal.locator('.matrix-editor');
    await matrix.getByRole('textbox', { name: 'Ny uppgift under Motståndskraft' }).fill('Har en nära vän i klassen');
    await matrix.locator('[data-quadrant="resilience"]').getByRole('button', { name: 'Lägg till' }).press('Enter');
    await matrix.getByRole('checkbox', { name: 'Ange barnets läge i matrisen' }).check();
    const x = matrix.getByRole('slider', { name: 'Sårbarhet – motståndskraft' });
    await x.focus();
    for (let i = 0; i < 2; i++) await x.press('ArrowLeft');
    const y = matrix.getByRole('slider', { name: 'Motgångar – skyddande miljö' });
    await y.focus();
    for (let i = 0; i < 3; i++) await y.press('ArrowRight');
    expect(await matrix.locator('.resilience-matrix__caption').innerText()).toContain('Sårbarhet men skyddande miljö');
    await expectNoSeriousAxeViolations(principal, 'assessment editor');

    await principal.getByRole('button', { name: 'Spara bedömningen' }).press('Enter');
    await principal.waitForURL(new RegExp(`/children/${child.id}$`));
    await principal.getByText('Bedömningen är sparad.').waitFor();
    await principal.setViewportSize({ width: 1280, height: 900 });
  }, 120_000);

  it('draws the wheel on the child page with the child’s own rating beside the professional’s', async () => {
    const section = principal.locator('section#wellbeing');
    const wheel = section.locator('figure.wellbeing-wheel').first();
    await wheel.waitFor();
    const segments = await wheel.locator('.wellbeing-wheel__segment').count();
    expect(segments).toBeGreaterThanOrEqual(8);
    expect(await wheel.locator('[data-rater="professional"][data-score]').count()).toBe(segments);
    expect(await wheel.locator('[data-rater="child"][data-score]').count()).toBe(segments);
    expect(await wheel.locator('svg[role="img"]').getAttribute('aria-labelledby')).toBeTruthy();
    const table = await wheel.locator('table').innerText();
    expect(table).toContain('Personal');
    expect(table).toContain('Barnet');
    expect(await section.innerText()).toContain('Jag vill kunna sova');
    expect(await section.innerText()).toContain('Tycker om matte');
    expect(await section.locator('.resilience-matrix [data-quadrant="vulnerability_protective_environment"][data-current]').count()).toBe(1);

    // Each indicator over time, the new assessment last.
    {
      const trends = section.locator('.trend-grid figure.indicator-trend');
      expect(await trends.count()).toBe(segments);
      const firstTrend = await trends.first().locator('table').evaluate((table) => (table as HTMLTableElement).innerText);
      const lastRow = firstTrend.trim().split('\n').at(-1) ?? '';
      expect(lastRow).toMatch(/\t1\t3(\t|$)/);
    }

    await expectNoSeriousAxeViolations(principal, 'child page with the wheel');
    mkdirSync('test-results', { recursive: true });
    await section.scrollIntoViewIfNeeded();
    await principal.screenshot({ path: 'test-results/wellbeing-wheel.png', fullPage: true });
  }, 60_000);

  it('shows the clinician only where the concern stands', async () => {
    await clinician.goto(`${server.url}/concerns?mine=true`);
    await clinician.getByRole('heading', { level: 1, name: 'Oro som jag har anmält' }).waitFor();
    const row = clinician.locator(`tr[data-concern="${concernId}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain('Bekräftad');
    await expectNoSeriousAxeViolations(clinician, 'concerns raised by me');
    await row.getByRole('link').click();
    await clinician.getByRole('heading', { level: 1, name: `Oro för barn med personnummer ${child.personnummer}` }).waitFor();
    const main = await clinician.locator('main').innerText();
    expect(main).toContain('Du ser det du själv skrev');
    expect(main).not.toContain(childName);
    expect(await clinician.locator('section.record-action').count()).toBe(0);
  }, 60_000);
});
