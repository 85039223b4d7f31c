/**
 * GIRFEC – Getting it right for every child (Scotland), in English first with
 * Swedish alongside. The health visitor is the Named Person until the child
 * starts school; from then the Named Person is in education, here the head
 * teacher (role `school_principal`).
 */
import { defineBuiltInProfile } from './define.ts';
import type { ModelProfile } from './schema.ts';
import { SHANARRI_WELLBEING } from './shanarri.ts';

export const GIRFEC_PROFILE: ModelProfile = defineBuiltInProfile({
  key: 'girfec',
  // 2: anchor labels on the wellbeing scale; `instruments` (none turned on).
  version: 2,
  name: { en: 'GIRFEC – Getting it right for every child', sv: 'GIRFEC – Skottlandsmodellen' },
  description: {
    en: "Scotland's national approach to supporting children and young people.",
    sv: 'Skottlands nationella arbetssätt för att stödja barn och unga.',
  },
  defaultLanguage: 'en',
  namedPersonTitle: { en: 'Named Person', sv: 'Namngiven person' },
  leadProfessionalTitle: { en: 'Lead Professional', sv: 'Särskild samordnare' },
  roleTitles: {
    midwife: { en: 'Midwife', sv: 'Barnmorska' },
    health_visitor: { en: 'Health visitor', sv: 'BVC-sjuksköterska (health visitor)' },
    preschool_principal: { en: 'Head of early learning and childcare', sv: 'Förskolerektor' },
    preschool_teacher: { en: 'Early years practitioner', sv: 'Förskollärare' },
    school_principal: { en: 'Head teacher', sv: 'Rektor' },
    teacher: { en: 'Teacher', sv: 'Lärare' },
    school_nurse: { en: 'School nurse', sv: 'Skolsköterska' },
    counsellor: { en: 'Pupil support', sv: 'Kurator' },
    psychologist: { en: 'Educational psychologist', sv: 'Psykolog' },
    social_worker: { en: 'Social worker', sv: 'Socialsekreterare' },
    clinician: { en: 'CAMHS clinician', sv: 'Behandlare (BUP)' },
    police_officer: { en: 'Police officer', sv: 'Polis' },
  },
  namedPersonChain: [
    {
      key: 'health_visitor',
      role: 'health_visitor',
      title: { en: 'Health visitor', sv: 'BVC-sjuksköterska (health visitor)' },
      enrollmentKinds: ['child_health_listing'],
    },
    {
      key: 'education',
      role: 'school_principal',
      title: { en: 'Head teacher', sv: 'Rektor' },
      enrollmentKinds: ['preschool_class', 'school_class', 'upper_secondary'],
    },
  ],
  endsAtAgeYears: 18,
  teamTypes: [
    {
      key: 'team_around_the_child',
      name: { en: 'Team around the child', sv: 'Team kring barnet' },
    },
  ],
  wellbeing: SHANARRI_WELLBEING,
  // In Scotland a child of 12 or over is presumed old and mature enough to
  // exercise their own data protection rights (Data Protection Act 2018, s. 208).
  childConsentAge: 12,
  instruments: [],
  childPortalAge: 12,
});
