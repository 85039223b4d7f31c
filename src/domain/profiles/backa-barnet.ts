/**
 * "Backa barnet" (Ystad). Every child gets a barnkontakt at birth: the midwife
 * in maternity care until the child is listed at child health care, then the
 * child-health nurse (BVC), the preschool principal and the school principal.
 * A stödsamordnare is appointed when more than one agency supports the child.
 * Standing child teams for ages 0–6 and 7–12, plus an individual child team.
 * Wellbeing is scored with Behovskompassen: eight areas, 1–5, each with the
 * child's "I"-statement.
 */
import { defineBuiltInProfile } from './define.ts';
import { SWEDISH_ROLE_TITLES } from './role-titles.ts';
import type { ModelProfile } from './schema.ts';

export const BACKA_BARNET_PROFILE: ModelProfile = defineBuiltInProfile({
  key: 'backa-barnet',
  // 2: anchor labels on the wellbeing scale; `instruments` (none turned on).
  version: 2,
  name: { sv: 'Backa barnet', en: 'Backa barnet (Ystad)' },
  description: {
    sv: 'Ystads arbetssätt för tidiga och samordnade insatser där barnen är medskapare.',
    en: "Ystad's way of working with early and coordinated support, with children as co-creators.",
  },
  defaultLanguage: 'sv',
  namedPersonTitle: { sv: 'Barnkontakt', en: 'Named person' },
  leadProfessionalTitle: { sv: 'Stödsamordnare', en: 'Lead professional' },
  roleTitles: SWEDISH_ROLE_TITLES,
  namedPersonChain: [
    {
      key: 'maternity',
      role: 'midwife',
      title: { sv: 'Barnmorska', en: 'Midwife' },
      enrollmentKinds: ['maternity_care'],
    },
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
      enrollmentKinds: ['preschool_class', 'school_class', 'upper_secondary'],
    },
  ],
  endsAtAgeYears: 18,
  teamTypes: [
    {
      // Standing times are defaults; Ystad sets its own.
      key: 'child_team_0_6',
      name: { sv: 'Barnteam 0–6', en: 'Child team 0–6' },
      ageFrom: 0,
      ageTo: 6,
      meetingCadence: { everyWeeks: 2, weekday: 2, start: '13:00', end: '15:00' },
    },
    {
      key: 'child_team_7_12',
      name: { sv: 'Barnteam 7–12', en: 'Child team 7–12' },
      ageFrom: 7,
      ageTo: 12,
      meetingCadence: { everyWeeks: 2, weekday: 4, start: '13:00', end: '15:00' },
    },
    {
      key: 'individual_child_team',
      name: { sv: 'Individuellt barnteam', en: 'Individual child team' },
    },
  ],
  wellbeing: {
    tool: 'behovskompassen',
    // The child answers each "I"-statement; the anchor labels are ours.
    scale: {
      min: 1,
      max: 5,
      labels: [
        { value: 1, label: { sv: 'Stämmer inte alls', en: 'Not true at all' } },
        { value: 2, label: { sv: 'Stämmer lite', en: 'A little true' } },
        { value: 3, label: { sv: 'Stämmer delvis', en: 'Partly true' } },
        { value: 4, label: { sv: 'Stämmer ganska bra', en: 'Mostly true' } },
        { value: 5, label: { sv: 'Stämmer helt', en: 'Completely true' } },
      ],
    },
    // In the order of the compass. The "I"-statements are Ystad's; the
    // descriptions and all English text are ours.
    indicators: [
      {
        key: 'respect',
        name: { sv: 'Respekt', en: 'Respect' },
        description: {
          sv: 'Barnet blir lyssnat på, tas på allvar och är delaktigt i det som rör det.',
          en: 'The child is listened to, taken seriously and involved in what concerns them.',
        },
        childStatement: { sv: 'Jag känner mig respekterad', en: 'I feel respected' },
      },
      {
        key: 'development',
        name: { sv: 'Utveckling', en: 'Development' },
        description: {
          sv: 'Barnet får stöd att lära sig, utvecklas och göra sitt bästa hemma, i förskolan eller skolan och på fritiden.',
          en: 'The child is supported to learn, develop and do their best at home, in preschool or school and in their free time.',
        },
        childStatement: { sv: 'Jag gör mitt bästa', en: 'I do my best' },
      },
      {
        key: 'care',
        name: { sv: 'Omsorg', en: 'Care' },
        description: {
          sv: 'Barnet har vuxna som bryr sig om det och ger omsorg, värme och stöd i vardagen.',
          en: 'The child has adults who care about them and give care, warmth and everyday support.',
        },
        childStatement: { sv: 'Jag har någon som bryr sig om mig', en: 'I have someone who cares about me' },
      },
      {
        key: 'safety',
        name: { sv: 'Trygghet', en: 'Safety' },
        description: {
          sv: 'Barnet känner sig tryggt och skyddas från våld, övergrepp och försummelse.',
          en: 'The child feels safe and is protected from violence, abuse and neglect.',
        },
        childStatement: { sv: 'Jag känner mig trygg', en: 'I feel safe' },
      },
      {
        key: 'health',
        name: { sv: 'Hälsa', en: 'Health' },
        description: {
          sv: 'Barnet mår bra i kropp och själ och får den vård det behöver.',
          en: 'The child is well in body and mind and gets the care they need.',
        },
        childStatement: { sv: 'Jag mår bra', en: 'I feel well' },
      },
      {
        key: 'leisure',
        name: { sv: 'Fritid', en: 'Leisure' },
        description: {
          sv: 'Barnet har en meningsfull fritid med lek, aktiviteter och kompisar.',
          en: 'The child has meaningful free time with play, activities and friends.',
        },
        childStatement: { sv: 'Jag trivs med min fritid', en: 'I enjoy my free time' },
      },
      {
        key: 'belonging',
        name: { sv: 'Tillhörighet', en: 'Belonging' },
        description: {
          sv: 'Barnet är inkluderat och känner tillhörighet i familjen, bland kompisar, i förskolan eller skolan och i samhället.',
          en: 'The child is included and belongs in the family, among friends, in preschool or school and in the community.',
        },
        childStatement: { sv: 'Jag får vara med', en: 'I get to take part' },
      },
      {
        key: 'responsibility',
        name: { sv: 'Ansvar', en: 'Responsibility' },
        description: {
          sv: 'Barnet får ta ansvar efter ålder och mognad, med vägledning från vuxna.',
          en: 'The child takes responsibility suited to their age and maturity, with guidance from adults.',
        },
        childStatement: { sv: 'Jag tar ansvar för mig själv och andra', en: 'I take responsibility for myself and others' },
      },
    ],
  },
  childConsentAge: 15,
  instruments: [],
  childPortalAge: 12,
});
