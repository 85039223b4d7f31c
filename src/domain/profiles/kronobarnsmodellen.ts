/**
 * Kronobarnsmodellen (Kronoberg county: eight municipalities, the region and
 * the police). The named person is called "barnets bästa-ansvarig": the
 * child-health nurse until the child starts preschool class, then the school
 * principal until 18. Starting preschool does not move the named person – the
 * chain has no preschool stage.
 */
import { defineBuiltInProfile } from './define.ts';
import { SWEDISH_ROLE_TITLES } from './role-titles.ts';
import type { ModelProfile } from './schema.ts';
import { SHANARRI_WELLBEING } from './shanarri.ts';

export const KRONOBARNSMODELLEN_PROFILE: ModelProfile = defineBuiltInProfile({
  key: 'kronobarnsmodellen',
  // 2: anchor labels on the wellbeing scale; `instruments` (none turned on).
  version: 2,
  name: { sv: 'Kronobarnsmodellen', en: 'The Kronoberg children model' },
  description: {
    sv: 'Länsgemensam modell i Kronobergs län för barn och unga, med inspiration från Skottlandsmodellen.',
    en: 'The county-wide model for children and young people in Kronoberg, inspired by the Scottish model.',
  },
  defaultLanguage: 'sv',
  namedPersonTitle: { sv: 'Barnets bästa-ansvarig', en: "Named person (the child's best interests)" },
  leadProfessionalTitle: { sv: 'Särskild samordnare', en: 'Lead professional' },
  roleTitles: SWEDISH_ROLE_TITLES,
  namedPersonChain: [
    {
      key: 'child_health',
      role: 'child_health_nurse',
      title: { sv: 'BVC-sjuksköterska', en: 'Child health nurse' },
      enrollmentKinds: ['child_health_listing'],
    },
    {
      key: 'school',
      role: 'school_principal',
      title: { sv: 'Rektor', en: 'School principal' },
      enrollmentKinds: ['preschool_class', 'school_class', 'upper_secondary'],
    },
  ],
  endsAtAgeYears: 18,
  teamTypes: [
    {
      // Default standing time; each municipality sets its own.
      key: 'child_team',
      name: { sv: 'Barnteam', en: 'Child team' },
      ageFrom: 0,
      ageTo: 17,
      meetingCadence: { everyWeeks: 2, weekday: 2, start: '13:00', end: '15:00' },
    },
    {
      key: 'team_around_the_child',
      name: { sv: 'Individuellt barnteam', en: 'Team around the child' },
    },
  ],
  wellbeing: SHANARRI_WELLBEING,
  childConsentAge: 15,
  instruments: [],
  childPortalAge: 12,
});
