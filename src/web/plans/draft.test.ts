/**
 * The plan editor's draft: what it sends (trimmed text, empty as null, a
 * view either said or why not), what it refuses to send, where the API's
 * field names point in the form, and the merge that puts my changes on top
 * of the version someone else saved meanwhile – mine where I changed
 * something, theirs everywhere else, with the places we both changed named.
 */
import { describe, expect, it } from 'vitest';
import type { PlanContent } from '../api-types.ts';
import { safeReturnPath, checkDraft, emptyDraft, fieldId, fieldIdForApiPath, fromContent, mergeContent, toContent, valueAtPath } from './draft.ts';
import { sinceLastMeeting } from './VersionsPanel.tsx';

const UNIT_SCHOOL = '00000000-0000-4000-8000-000000000001';
const UNIT_SOCIAL = '00000000-0000-4000-8000-000000000002';

function base(): PlanContent {
  return {
    reason: 'Hög frånvaro.',
    assessmentSummary: null,
    assessmentId: null,
    needs: [
      {
        id: 'n1',
        indicator: 'achieving',
        need: 'Komma till skolan',
        desiredOutcome: 'Närvaro över 90 %',
        evidence: 'Närvaron varje vecka',
        actions: [
          { id: 'a1', interventionId: null, description: 'Hämtas hemma', responsibleUnitId: UNIT_SCHOOL, responsibleStaffId: null, startDate: '2026-01-10', dueDate: '2026-03-01', status: 'planned', comment: null },
        ],
      },
    ],
    childView: { text: 'Jag vill komma i tid.', reasonMissing: null, agreement: null },
    guardiansView: { text: null, reasonMissing: null, agreement: null },
    disagreements: null,
    overallResponsibility: null,
    otherMeasures: null,
    reviewDate: '2026-03-15',
  };
}

describe('the plan draft', () => {
  it('round-trips the content and sends trimmed text, empty text as null', () => {
    const content = base();
    expect(toContent(fromContent(content))).toEqual(content);
    const draft = fromContent(content);
    draft.disagreements = '   ';
    draft.reason = '  Hög frånvaro.  ';
    draft.guardiansView = { missing: true, text: 'kvar från förut', reasonMissing: ' Kunde inte nås. ', agreement: null };
    // A draft kept in the browser from before the answer to the plan existed has no `agreement`.
    delete (draft.childView as Partial<typeof draft.childView>).agreement;
    const sent = toContent(draft);
    expect(sent.disagreements).toBeNull();
    expect(sent.reason).toBe('Hög frånvaro.');
    expect(sent.guardiansView).toEqual({ text: null, reasonMissing: 'Kunde inte nås.', agreement: null });
    expect(sent.childView.agreement).toBeNull();
  });

  it('lists what must be filled in before saving, each pointing at its field', () => {
    const draft = emptyDraft('2026-01-05');
    expect(draft.reviewDate).toBe('2026-02-16');
    const need = draft.needs[0]!;
    need.actions.push({ id: 'a9', interventionId: null, description: '', responsibleUnitId: '', responsibleStaffId: null, startDate: '2026-02-01', dueDate: '2026-01-01', status: 'planned', comment: '' });
    const problems = checkDraft(draft);
    expect(problems.map((p) => p.key)).toEqual(['reason', 'indicator', 'need', 'desiredOutcome', 'evidence', 'description', 'responsibleUnit', 'dueBeforeStart']);
    expect(problems.find((p) => p.key === 'dueBeforeStart')).toMatchObject({ target: fieldId.action('a9', 'dueDate'), n: 1, a: 1 });
    expect(checkDraft(fromContent(base()))).toEqual([]);
  });

  it('points the API’s field names at the form', () => {
    const draft = fromContent(base());
    expect(fieldIdForApiPath('needs.0.indicator', draft)).toBe(fieldId.need('n1', 'indicator'));
    expect(fieldIdForApiPath('needs.0.actions.0.dueDate', draft)).toBe(fieldId.action('a1', 'dueDate'));
    expect(fieldIdForApiPath('needs.0.actions.0.responsibleStaffId', draft)).toBe(fieldId.action('a1', 'description'));
    expect(fieldIdForApiPath('reason', draft)).toBe(fieldId.reason);
    expect(fieldIdForApiPath('somethingElse', draft)).toBe('');
  });
});

describe('merging my changes into their version', () => {
  it('keeps their changes and reapplies mine, field by field', () => {
    const start = base();
    const theirs = base();
    theirs.disagreements = 'Pappa vill inte ha hembesök.';
    theirs.needs[0]!.actions[0]!.status = 'ongoing';
    const mine = base();
    mine.guardiansView = { text: 'Vi vill ha hjälp med morgnarna.', reasonMissing: null, agreement: 'agreed' };
    mine.needs[0]!.actions[0]!.description = 'Hämtas hemma på måndagar';

    const { content, bothChanged } = mergeContent(start, mine, theirs);
    expect(content.disagreements).toBe('Pappa vill inte ha hembesök.');
    expect(content.guardiansView).toEqual({ text: 'Vi vill ha hjälp med morgnarna.', reasonMissing: null, agreement: 'agreed' });
    expect(content.needs[0]!.actions[0]).toMatchObject({ status: 'ongoing', description: 'Hämtas hemma på måndagar' });
    expect(bothChanged).toEqual([]);
  });

  it('lets my text win where we both changed the same field, and says where', () => {
    const start = base();
    const theirs = base();
    theirs.childView.text = 'Deras version.';
    const mine = base();
    mine.childView.text = 'Min version.';
    const { content, bothChanged } = mergeContent(start, mine, theirs);
    expect(content.childView.text).toBe('Min version.');
    expect(bothChanged).toEqual(['childView.text']);
  });

  it('matches needs and actions by id: added ones kept, removed ones removed unless changed meanwhile', () => {
    const start = base();
    const theirs = base();
    theirs.needs[0]!.actions.push({ ...theirs.needs[0]!.actions[0]!, id: 'a2', description: 'Deras nya insats', responsibleUnitId: UNIT_SOCIAL });
    const mine = base();
    mine.needs.push({ id: 'n2', indicator: 'safe', need: 'Trygg hemma', desiredOutcome: 'Känner sig trygg', evidence: 'Hjulet', actions: [] });
    let merged = mergeContent(start, mine, theirs).content;
    expect(merged.needs.map((n) => n.id)).toEqual(['n1', 'n2']);
    expect(merged.needs[0]!.actions.map((a) => a.id)).toEqual(['a1', 'a2']);

    // I removed a1 and they did not touch it: gone.
    const removing = base();
    removing.needs[0]!.actions = [];
    merged = mergeContent(start, removing, theirs).content;
    expect(merged.needs[0]!.actions.map((a) => a.id)).toEqual(['a2']);

    // I removed a1 but they changed it: theirs is kept, and named.
    const changed = base();
    changed.needs[0]!.actions[0]!.dueDate = '2026-04-01';
    const result = mergeContent(start, removing, changed);
    expect(result.content.needs[0]!.actions.map((a) => a.id)).toEqual(['a1']);
    expect(result.bothChanged).toEqual(['needs.n1.actions.a1']);
  });

  it('reads values at the API’s change paths', () => {
    const c = base();
    expect(valueAtPath(c, 'childView.text')).toBe('Jag vill komma i tid.');
    expect(valueAtPath(c, 'needs.n1.desiredOutcome')).toBe('Närvaro över 90 %');
    expect(valueAtPath(c, 'needs.n1.actions.a1.dueDate')).toBe('2026-03-01');
    expect(valueAtPath(c, 'needs.n9.need')).toBeUndefined();
  });
});

describe('around the editor', () => {
  it('goes back only to a path inside the app', () => {
    expect(safeReturnPath('/plans/1/review')).toBe('/plans/1/review');
    expect(safeReturnPath('//evil.example/x')).toBeNull();
    expect(safeReturnPath('https://evil.example')).toBeNull();
    expect(safeReturnPath('/\\evil.example')).toBeNull();
    expect(safeReturnPath(null)).toBeNull();
  });

  it('counts the versions since the plan last took effect or was reviewed', () => {
    const v = (version: number, event: string) => ({ version, status: 'active' as const, event, changes: [], savedBy: 'A', savedAt: '2026-01-01T10:00:00Z' });
    const items = [v(5, 'saved'), v(4, 'actions_updated'), v(3, 'activated'), v(2, 'saved'), v(1, 'created')];
    expect(sinceLastMeeting(items).versions.map((x) => x.version)).toEqual([5, 4]);
    expect(sinceLastMeeting(items).since?.version).toBe(3);
    expect(sinceLastMeeting([v(2, 'saved'), v(1, 'created')]).since).toBeNull();
  });
});
