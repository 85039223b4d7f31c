/**
 * What the assessment editor sends: ratings only from those who took part
 * (a child's rating left behind after unticking "the child took part" is not
 * sent), empty rows and empty triangle entries left out, no matrix when
 * nothing was placed.
 */
import { describe, expect, it } from 'vitest';
import type { ToolDefinition } from '../api-types.ts';
import { toRequest, type AssessmentDraft } from './AssessmentEditorPage.tsx';

const text = (s: string) => ({ sv: s, en: s });
const TOOL: ToolDefinition = {
  profileKey: 'tsi',
  profileVersion: 1,
  tool: 'shanarri',
  scale: { min: 1, max: 5, labels: [] },
  indicators: ['safe', 'healthy', 'achieving'].map((key) => ({ key, name: text(key), description: text(key), childStatement: null })),
  instruments: [],
  triangle: { sides: [], headings: [] },
  matrix: { axisMin: -5, axisMax: 5, quadrants: [] },
};

const draft = (patch: Partial<AssessmentDraft>): AssessmentDraft => ({
  assessedOn: '2026-05-12',
  childTookPart: true,
  guardianIds: [],
  professionals: [],
  ratings: {},
  childView: '',
  summary: '',
  triangle: [],
  facts: [],
  position: null,
  ...patch,
});

describe('toRequest', () => {
  it('sends the child’s rating only when the child took part, and the guardians’ only when a guardian did', () => {
    const ratings = {
      safe: { professional: 2, child: 4, guardians: 3, note: '' },
      healthy: { professional: null, child: null, guardians: null, note: '' },
    };
    const withChild = toRequest(draft({ ratings }), TOOL, null);
    expect(withChild.ratings).toEqual([{ indicator: 'safe', professional: 2, child: 4, guardians: null, note: null }]);
    expect(withChild.participants).toEqual({ child: true, guardianIds: [], professionals: [] });

    const without = toRequest(draft({ ratings, childTookPart: false, guardianIds: ['g1'], childView: 'Jag vill' }), TOOL, null);
    expect(without.ratings).toEqual([{ indicator: 'safe', professional: 2, child: null, guardians: 3, note: null }]);
    expect(without.childView).toBeNull();
  });

  it('keeps a note without a score, drops empty triangle entries and nameless professionals, trims text', () => {
    const request = toRequest(
      draft({
        ratings: { achieving: { professional: null, child: null, guardians: null, note: '  Svårt med läsningen ' } },
        triangle: [
          { id: 'a', heading: 'school', kind: 'strength', text: ' Trivs i klassen ' },
          { id: 'b', heading: 'housing', kind: 'challenge', text: '   ' },
        ],
        professionals: [
          { id: 'p1', name: ' Kurator Kim ', role: '' },
          { id: 'p2', name: ' ', role: 'BUP' },
        ],
      }),
      TOOL,
      'c0ffee00-0000-4000-8000-000000000000',
    );
    expect(request.ratings).toEqual([{ indicator: 'achieving', professional: null, child: null, guardians: null, note: 'Svårt med läsningen' }]);
    expect(request.triangle).toEqual([{ heading: 'school', kind: 'strength', text: 'Trivs i klassen' }]);
    expect(request.participants.professionals).toEqual([{ name: 'Kurator Kim', role: null }]);
    expect(request.concernId).toBe('c0ffee00-0000-4000-8000-000000000000');
  });

  it('sends the matrix only when a fact or a position was given', () => {
    expect(toRequest(draft({}), TOOL, null).matrix).toBeNull();
    expect(toRequest(draft({ position: { x: -2, y: 3 } }), TOOL, null).matrix).toEqual({ facts: [], position: { x: -2, y: 3 } });
    expect(toRequest(draft({ facts: [{ id: 'f', quadrant: 'adversity', text: 'Pappa är sjuk' }] }), TOOL, null).matrix).toEqual({
      facts: [{ quadrant: 'adversity', text: 'Pappa är sjuk' }],
      position: null,
    });
  });
});
