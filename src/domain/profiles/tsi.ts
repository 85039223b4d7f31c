/**
 * TSI – tidiga och samordnade insatser: the national default profile.
 * The named person follows the child through the universal services: the
 * child-health nurse (BVC), then the preschool principal, then the school
 * principal (preschool class and compulsory school), then the principal of
 * the upper-secondary school.
 */
import { defineBuiltInProfile } from './define.ts';
import { SWEDISH_ROLE_TITLES } from './role-titles.ts';
import type { ModelProfile } from './schema.ts';
import { SHANARRI_WELLBEING } from './shanarri.ts';

export const TSI_PROFILE: ModelProfile = defineBuiltInProfile({
  key: 'tsi',
  // 2: anchor labels on the wellbeing scale; `instruments` (none turned on).
  version: 2,
  name: { sv: 'TSI – tidiga och samordnade insatser', en: 'TSI – early and coordinated support' },
  description: {
    sv: 'Nationell grundprofil för tidiga och samordnade insatser, inspirerad av Skottlandsmodellen (GIRFEC).',
    en: 'National default profile for early and coordinated support, after the Scottish GIRFEC model.',
  },
  defaultLanguage: 'sv',
  namedPersonTitle: { sv: 'Barnkontakt', en: 'Named person' },
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
      key: 'preschool',
      role: 'preschool_principal',
      title: { sv: 'Förskolerektor', en: 'Preschool principal' },
      enrollmentKinds: ['preschool'],
    },
    {
      key: 'school',
      role: 'school_principal',
      title: { sv: 'Rektor', en: 'School principal' },
      enrollmentKinds: ['preschool_class', 'school_class'],
    },
    {
      key: 'upper_secondary',
      role: 'school_principal',
      title: { sv: 'Rektor för gymnasieskolan', en: 'Upper-secondary school principal' },
      enrollmentKinds: ['upper_secondary'],
    },
  ],
  endsAtAgeYears: 18,
  teamTypes: [
    {
      // After Åsele's HLT (hälsa, lärande och trygghet): every other week at
      // fixed, "holy" times. The day and hours are a default to be set locally.
      key: 'hlt_group',
      name: { sv: 'HLT-grupp (hälsa, lärande och trygghet)', en: 'HLT group (health, learning and safety)' },
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
