import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planDocumentFixture } from './fixture.ts';
import { layoutProblems, readPdf } from './pdf-test-support.ts';
import { renderSipPdf, sipSummary } from './sip.ts';
import { SIP_TEXT } from './text.ts';

const ARTEFACTS = new URL('../../test-results/', import.meta.url);

describe('the SIP (samordnad individuell plan)', () => {
  it('groups the interventions by the body responsible for them and names the body with overall responsibility', () => {
    const doc = planDocumentFixture();
    const summary = sipSummary(doc);
    const actions = doc.content.needs.flatMap((n) => n.actions);

    expect(summary.interventionsNeeded.map((n) => n.needId)).toEqual(doc.content.needs.map((n) => n.id));
    expect(summary.byResponsibleBody.map((b) => [b.organisationName, b.kind, b.interventions.length])).toEqual([
      ['Exempelstads kommun', 'municipality', 5],
      ['Region Exempellän', 'region', 2],
    ]);
    expect(summary.byResponsibleBody.flatMap((b) => b.interventions.map((i) => i.actionId)).sort()).toEqual(actions.map((a) => a.id).sort());
    expect(summary.overallResponsibility).toEqual({ kind: 'municipality', name: 'Exempelstads kommun' });
    expect(summary.otherMeasures).toContain('IK Testlöparna');
    expect(summary.participation.childTookPartInAssessment).toBe(true);
    expect(summary.consents).toHaveLength(1);
    expect(summary.reviewDate).toBe('2025-06-10');
  });

  it('prints the four statutory parts, participation, consent and review in Swedish', async () => {
    const doc = planDocumentFixture();
    const bytes = await renderSipPdf(doc, 'sv');
    mkdirSync(ARTEFACTS, { recursive: true });
    writeFileSync(new URL('plan-sip-sv.pdf', ARTEFACTS), bytes);
    const pdf = await readPdf(bytes);
    const t = SIP_TEXT.sv;

    expect(pdf.text).toContain('Samordnad individuell plan (SIP)');
    const headings = [t.interventionsNeeded, t.byBody, t.otherMeasures, t.overall, t.participation, t.consent, t.review];
    const positions = headings.map((h) => pdf.text.indexOf(h));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);

    expect(pdf.text).toContain('Exempelstads kommun (kommun) • En vuxen Łucja känner är med henne på rasterna.');
    expect(pdf.text).toContain('Region Exempellän (region) • Utredning av koncentrationssvårigheter hos BUP.');
    expect(pdf.text).toContain(`${t.otherMeasures} ${doc.content.otherMeasures}`);
    expect(pdf.text).toContain(`${t.overall} Exempelstads kommun (kommun)`);
    expect(pdf.text).toContain('Barnet var med i bedömningen.');
    expect(pdf.text).toContain(`Barnets egen syn ”${doc.content.childView.text}” Har sagt ja till planen.`);
    expect(pdf.text).toContain(`”${doc.content.guardiansView.text}” Har sagt ja till planen, men inte till allt`);
    expect(pdf.text).toContain('Skriftligt samtycke, gäller 1 mars 2025 – 28 februari 2026.');
    expect(pdf.text).toContain('Får delas med Socialtjänst, BUP (barn- och ungdomspsykiatri), Solbackens skola, Elevhälsan Solbacken');
    expect(pdf.text).toContain('Planen följs upp 10 juni 2025.');
    pdf.footers.forEach((footer) => expect(footer).toContain('Testdata – inga verkliga personer'));
    expect(layoutProblems(pdf, 56)).toEqual([]);
  });

  it('says when overall responsibility is not decided, and reads in English', async () => {
    const doc = planDocumentFixture();
    doc.content.overallResponsibility = null;
    doc.overallResponsibilityName = null;
    doc.content.otherMeasures = null;
    expect(sipSummary(doc).overallResponsibility).toBeNull();
    const sv = await readPdf(await renderSipPdf(doc, 'sv'));
    expect(sv.text).toContain(`${SIP_TEXT.sv.overall} Inte bestämt ännu.`);
    expect(sv.text).toContain(`${SIP_TEXT.sv.otherMeasures} Inga åtgärder av andra är antecknade.`);

    const en = await readPdf(await renderSipPdf(planDocumentFixture(), 'en'));
    for (const heading of [
      'Coordinated individual plan (SIP)',
      '1. Which interventions are needed',
      '2. Which interventions each responsible body provides',
      '3. Which measures are taken by others than the responsible bodies',
      '4. Which responsible body has overall responsibility for the plan Exempelstads kommun (municipality)',
    ]) {
      expect(en.text).toContain(heading);
    }
  });

  it('never prints address or personal identity number under protected identity', async () => {
    const full = planDocumentFixture();
    const pdf = await readPdf(await renderSipPdf(planDocumentFixture({ protectedIdentity: true }), 'sv'));
    expect(pdf.text).toContain('Namn Skyddade personuppgifter');
    for (const secret of [full.child.name!, full.child.personnummer!, full.child.address!, 'Karolina Ödman']) expect(pdf.text).not.toContain(secret);
  });
});
