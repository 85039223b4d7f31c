import { describe, expect, it } from 'vitest';
import {
  BACKA_BARNET_PROFILE,
  BUILT_IN_PROFILES,
  GIRFEC_PROFILE,
  getBuiltInProfile,
  KRONOBARNSMODELLEN_PROFILE,
  type ModelProfileInput,
  ModelProfileSchema,
  parseModelProfile,
  TSI_PROFILE,
} from './index.ts';

/** The SHANARRI wording, copied from DOMAIN.md (Scottish statutory guidance 2022). */
const SHANARRI_FROM_DOMAIN = [
  ['Safe', 'growing up in an environment where a child or young person feels secure, nurtured, listened to and enabled to develop to their full potential; includes freedom from abuse or neglect.'],
  ['Healthy', 'the highest attainable standards of physical and mental health, access to suitable healthcare, and support in learning to make healthy and safe choices.'],
  ['Achieving', 'supported and guided in learning and in developing skills, confidence and self-esteem, at home, in school and in the community.'],
  ['Nurtured', 'growing, developing and being cared for in an environment with the physical and emotional security, compassion and warmth needed for healthy growth, resilience and a positive identity.'],
  ['Active', 'opportunities to take part in play, recreation and sport that contribute to healthy growth and development.'],
  ['Respected', 'involved in and heard in decisions that affect their life, with support where appropriate.'],
  ['Responsible', 'opportunities and encouragement to play active and responsible roles at home, in school and in the community, with guidance and supervision where necessary.'],
  ['Included', 'help to overcome inequalities; accepted as part of family, school and community.'],
] as const;

/** A small valid profile as JSON, changed per test. */
function minimalProfile(): ModelProfileInput {
  return {
    key: 'test-model',
    version: 1,
    name: { sv: 'Testmodell', en: 'Test model' },
    defaultLanguage: 'sv',
    namedPersonTitle: { sv: 'Barnkontakt', en: 'Named person' },
    leadProfessionalTitle: { sv: 'Stödsamordnare', en: 'Lead professional' },
    roleTitles: { school_principal: { sv: 'Rektor', en: 'Principal' } },
    namedPersonChain: [
      { key: 'bvc', role: 'child_health_nurse', title: { sv: 'BVC', en: 'BVC' }, enrollmentKinds: ['child_health_listing'] },
      { key: 'school', role: 'school_principal', title: { sv: 'Rektor', en: 'Principal' }, enrollmentKinds: ['school_class'] },
    ],
    teamTypes: [],
    wellbeing: {
      tool: 'shanarri',
      scale: { min: 1, max: 5 },
      indicators: [{ key: 'safe', name: { sv: 'Trygg', en: 'Safe' }, description: { sv: 'Trygg.', en: 'Safe.' } }],
    },
  };
}

function errorsOf(json: unknown): string[] {
  const result = parseModelProfile(json);
  if (result.ok) throw new Error('expected the profile to be rejected');
  return result.errors;
}

describe('the built-in profiles', () => {
  it('are four, with unique keys, and each parses as JSON through the schema', () => {
    expect(BUILT_IN_PROFILES.map((p) => p.key)).toEqual(['tsi', 'kronobarnsmodellen', 'backa-barnet', 'girfec']);
    for (const profile of BUILT_IN_PROFILES) {
      const roundTrip = parseModelProfile(JSON.parse(JSON.stringify(profile)));
      expect(roundTrip.ok ? roundTrip.profile : roundTrip.errors, profile.key).toEqual(profile);
    }
  });

  it('are found by key', () => {
    expect(getBuiltInProfile('girfec')).toBe(GIRFEC_PROFILE);
    expect(getBuiltInProfile('backa-barnet')).toBe(BACKA_BARNET_PROFILE);
    expect(getBuiltInProfile('nope')).toBeUndefined();
  });

  it('cannot be changed by one caller for everyone', () => {
    expect(Object.isFrozen(TSI_PROFILE)).toBe(true);
    expect(Object.isFrozen(TSI_PROFILE.namedPersonChain[0])).toBe(true);
    expect(() => {
      (TSI_PROFILE.namedPersonChain as unknown[]).push({});
    }).toThrow(TypeError);
  });

  it('all end the named person at 18', () => {
    for (const profile of BUILT_IN_PROFILES) expect(profile.endsAtAgeYears, profile.key).toBe(18);
  });

  it('hand over as each model describes', () => {
    const chain = (p: typeof TSI_PROFILE) => p.namedPersonChain.map((s) => `${s.role}<${s.enrollmentKinds.join('|')}>`);
    expect(chain(TSI_PROFILE)).toEqual([
      'child_health_nurse<child_health_listing>',
      'preschool_principal<preschool>',
      'school_principal<preschool_class|school_class>',
      'school_principal<upper_secondary>',
    ]);
    // Kronobarnsmodellen: no preschool stage – preschool does not move the named person.
    expect(chain(KRONOBARNSMODELLEN_PROFILE)).toEqual([
      'child_health_nurse<child_health_listing>',
      'school_principal<preschool_class|school_class|upper_secondary>',
    ]);
    expect(KRONOBARNSMODELLEN_PROFILE.namedPersonTitle.sv).toBe('Barnets bästa-ansvarig');
    expect(chain(BACKA_BARNET_PROFILE)).toEqual([
      'midwife<maternity_care>',
      'child_health_nurse<child_health_listing>',
      'preschool_principal<preschool>',
      'school_principal<preschool_class|school_class|upper_secondary>',
    ]);
    expect(BACKA_BARNET_PROFILE.namedPersonTitle.sv).toBe('Barnkontakt');
    expect(BACKA_BARNET_PROFILE.leadProfessionalTitle.sv).toBe('Stödsamordnare');
    expect(chain(GIRFEC_PROFILE)).toEqual([
      'health_visitor<child_health_listing>',
      'school_principal<preschool_class|school_class|upper_secondary>',
    ]);
    expect(GIRFEC_PROFILE.defaultLanguage).toBe('en');
    expect(GIRFEC_PROFILE.namedPersonTitle.en).toBe('Named Person');
    expect(GIRFEC_PROFILE.roleTitles.school_principal?.en).toBe('Head teacher');
  });

  it('run Ystad’s child teams for 0–6 and 7–12', () => {
    const teams = BACKA_BARNET_PROFILE.teamTypes.map((t) => [t.name.sv, t.ageFrom, t.ageTo]);
    expect(teams).toContainEqual(['Barnteam 0–6', 0, 6]);
    expect(teams).toContainEqual(['Barnteam 7–12', 7, 12]);
  });

  it('score SHANARRI with the eight indicators in the exact wording of DOMAIN.md', () => {
    const fromDomain = SHANARRI_FROM_DOMAIN.map(([en, description]) => ({ en, description }));
    for (const profile of [TSI_PROFILE, KRONOBARNSMODELLEN_PROFILE, GIRFEC_PROFILE]) {
      expect(profile.wellbeing.tool).toBe('shanarri');
      expect(profile.wellbeing.scale).toMatchObject({ min: 1, max: 5 });
      expect(profile.wellbeing.indicators.map((i) => ({ en: i.name.en, description: i.description.en }))).toEqual(fromDomain);
      expect(profile.wellbeing.indicators.map((i) => i.name.sv)).toEqual([
        'Trygg',
        'Hälsosam',
        'Presterande',
        'Omvårdad',
        'Aktiv',
        'Respekterad',
        'Ansvarstagande',
        'Inkluderad',
      ]);
    }
  });

  it('score Behovskompassen 1–5 with the child’s own "I"-statements', () => {
    const { wellbeing } = BACKA_BARNET_PROFILE;
    expect(wellbeing.tool).toBe('behovskompassen');
    expect(wellbeing.scale).toMatchObject({ min: 1, max: 5 });
    expect(wellbeing.indicators.map((i) => i.name.sv.toLowerCase()).sort()).toEqual(
      ['trygghet', 'tillhörighet', 'omsorg', 'fritid', 'hälsa', 'utveckling', 'respekt', 'ansvar'].sort(),
    );
    expect(wellbeing.indicators.map((i) => i.childStatement?.sv.toLowerCase())).toEqual([
      'jag känner mig respekterad',
      'jag gör mitt bästa',
      'jag har någon som bryr sig om mig',
      'jag känner mig trygg',
      'jag mår bra',
      'jag trivs med min fritid',
      'jag får vara med',
      'jag tar ansvar för mig själv och andra',
    ]);
  });
});

describe('parseModelProfile', () => {
  it('accepts a minimal profile and fills in the defaults', () => {
    const result = parseModelProfile(minimalProfile());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.profile.endsAtAgeYears).toBe(18);
    expect(result.profile.childConsentAge).toBe(15);
    expect(result.profile.childPortalAge).toBe(12);
  });

  it('rejects a duplicate stage key, saying which key and where', () => {
    const json = minimalProfile();
    json.namedPersonChain[1]!.key = 'bvc';
    expect(errorsOf(json)).toEqual(['namedPersonChain[1].key: The stage key "bvc" is used more than once.']);
  });

  it('rejects an unknown role, naming it and the roles that exist', () => {
    const json = JSON.parse(JSON.stringify(minimalProfile()));
    json.namedPersonChain[0].role = 'headmaster';
    const [error, ...rest] = errorsOf(json);
    expect(rest).toEqual([]);
    expect(error).toMatch(/^namedPersonChain\[0\]\.role: Unknown role "headmaster" – use one of: midwife, child_health_nurse, /);
  });

  it('rejects a role that does not work with children as named person', () => {
    const json = minimalProfile();
    json.namedPersonChain[0]!.role = 'log_reviewer';
    expect(errorsOf(json)).toEqual([
      'namedPersonChain[0].role: The role "log_reviewer" does not work with children and cannot be a named person.',
    ]);
  });

  it('rejects duplicate indicator and team keys', () => {
    const json = minimalProfile();
    const indicator = json.wellbeing.indicators[0]!;
    json.wellbeing.indicators.push({ ...indicator });
    json.teamTypes = [
      { key: 'hlt', name: { sv: 'HLT', en: 'HLT' } },
      { key: 'hlt', name: { sv: 'HLT 2', en: 'HLT 2' } },
    ];
    expect(errorsOf(json)).toEqual([
      'teamTypes[1].key: The team type key "hlt" is used more than once.',
      'wellbeing.indicators[1].key: The indicator key "safe" is used more than once.',
    ]);
  });

  it('rejects a scale whose minimum is not below its maximum', () => {
    const json = minimalProfile();
    json.wellbeing.scale = { min: 5, max: 5 };
    expect(errorsOf(json)).toEqual(['wellbeing.scale.max: The scale minimum (5) must be below its maximum (5).']);
    json.wellbeing.scale = { min: 1, max: 5, labels: [{ value: 6, label: { sv: 'Sex', en: 'Six' } }] };
    expect(errorsOf(json)).toEqual(['wellbeing.scale.labels[0].value: The label value 6 is outside the scale 1–5.']);
  });

  it('rejects an empty chain, a stage without enrollment kinds and an unknown kind', () => {
    const empty = minimalProfile();
    empty.namedPersonChain = [];
    expect(errorsOf(empty)).toEqual(['namedPersonChain: The named-person chain needs at least one stage.']);
    const noKinds = minimalProfile();
    noKinds.namedPersonChain[0]!.enrollmentKinds = [];
    expect(errorsOf(noKinds)).toEqual(['namedPersonChain[0].enrollmentKinds: Name at least one enrollment kind for the stage.']);
    const unknownKind = JSON.parse(JSON.stringify(minimalProfile()));
    unknownKind.namedPersonChain[0].enrollmentKinds = ['nursery'];
    expect(errorsOf(unknownKind)[0]).toMatch(/^namedPersonChain\[0\]\.enrollmentKinds\[0\]: Unknown enrollment kind "nursery"/);
  });

  it('rejects unknown fields (strict) and bad meeting times', () => {
    const json = { ...minimalProfile(), colour: 'blue' };
    expect(errorsOf(json)).toEqual(['(profile): Unrecognized key: "colour"']);
    const meeting = minimalProfile();
    meeting.teamTypes = [
      { key: 'hlt', name: { sv: 'HLT', en: 'HLT' }, meetingCadence: { everyWeeks: 2, weekday: 8, start: '15:00', end: '13:00' } },
    ];
    expect(errorsOf(meeting)).toEqual([
      'teamTypes[0].meetingCadence.weekday: Use a number from 1 to 7.',
      'teamTypes[0].meetingCadence.end: The meeting must end after it starts.',
    ]);
  });

  it('rejects missing translations and a bad key', () => {
    const json = minimalProfile();
    json.name = { sv: 'Testmodell', en: ' ' };
    json.key = 'Test Model';
    const errors = errorsOf(json);
    expect(errors).toContain('name.en: English text is missing.');
    expect(errors).toContain('key: Use lower-case letters and digits, words joined by "-" or "_".');
  });

  it('reports every problem in one message', () => {
    const result = parseModelProfile({ key: 'x' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message.startsWith('The model profile is invalid:\n- ')).toBe(true);
    expect(result.errors.some((e) => e.startsWith('namedPersonChain:'))).toBe(true);
    expect(parseModelProfile('not json at all').ok).toBe(false);
  });

  it('is the same schema the built-ins are checked against', () => {
    expect(ModelProfileSchema.safeParse(TSI_PROFILE).success).toBe(true);
  });
});
