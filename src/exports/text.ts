/**
 * The words of the child's plan exports, Swedish and English: headings,
 * labels and the plain-language sentences the family and the child read.
 * Written for people, not for the database: "barnkontakt", not
 * "named_person"; "klart senast", not "dueDate". Pure data and small
 * formatting helpers, shared by the PDF renderers and the SIP.
 */
import type { ActionStatus, PlanStatus } from '../domain/plan.ts';
import type { AgencyType, LocalizedText, OrganisationKind } from '../domain/types.ts';

export type Lang = 'sv' | 'en';

const MONTHS: Record<Lang, readonly string[]> = {
  sv: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** "2025-03-12" (or an ISO timestamp) → "12 mars 2025" / "12 March 2025". Anything else is returned as given. */
export function formatDate(value: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return value;
  const month = MONTHS[lang][Number(m[2]) - 1];
  if (!month) return value;
  return `${Number(m[3])} ${month} ${m[1]}`;
}

/** The text of a bilingual value in the reader's language. */
export function pick(text: LocalizedText, lang: Lang): string {
  return text[lang];
}

export const PLAN_STATUS_LABELS: Record<PlanStatus, LocalizedText> = {
  draft: { sv: 'Utkast – planen gäller inte ännu', en: 'Draft – the plan is not yet in force' },
  active: { sv: 'Planen gäller', en: 'The plan is in force' },
  under_review: { sv: 'Planen följs upp', en: 'The plan is being reviewed' },
  closed: { sv: 'Planen är avslutad', en: 'The plan is closed' },
};

export const ACTION_STATUS_LABELS: Record<ActionStatus, LocalizedText> = {
  planned: { sv: 'Ska börja', en: 'Not started yet' },
  ongoing: { sv: 'Pågår', en: 'Going on now' },
  done: { sv: 'Klar', en: 'Done' },
  not_done: { sv: 'Blev inte av', en: 'Did not happen' },
};

export const AGENCY_LABELS: Record<AgencyType, LocalizedText> = {
  maternity_care: { sv: 'Mödrahälsovård', en: 'Maternity care' },
  child_health_care: { sv: 'Barnhälsovård (BVC)', en: 'Child health care' },
  preschool: { sv: 'Förskola', en: 'Preschool' },
  school: { sv: 'Skola', en: 'School' },
  upper_secondary: { sv: 'Gymnasieskola', en: 'Upper secondary school' },
  pupil_health: { sv: 'Elevhälsa', en: 'Pupil health' },
  social_services: { sv: 'Socialtjänst', en: 'Social services' },
  primary_care: { sv: 'Vårdcentral', en: 'Primary care' },
  child_psychiatry: { sv: 'BUP (barn- och ungdomspsykiatri)', en: 'Child and adolescent psychiatry' },
  dental_care: { sv: 'Tandvård', en: 'Dental care' },
  police: { sv: 'Polis', en: 'Police' },
  leisure: { sv: 'Fritid', en: 'Leisure services' },
  civil_society: { sv: 'Civilsamhälle', en: 'Civil society' },
};

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, LocalizedText> = {
  municipality: { sv: 'Kommun', en: 'Municipality' },
  region: { sv: 'Region', en: 'Region' },
  police_authority: { sv: 'Polismyndigheten', en: 'Police authority' },
  private_provider: { sv: 'Enskild utförare', en: 'Private provider' },
};

/** Purposes of a consent, by code; unknown codes are shown as they are (categories: `CATEGORY_NAMES` in domain/consent). */
export const CONSENT_PURPOSE_LABELS: Record<string, LocalizedText> = {
  team_meeting: { sv: 'teammöte', en: 'team meeting' },
  childs_plan: { sv: 'barnets plan', en: "the child's plan" },
  information_sharing: { sv: 'informationsutbyte', en: 'sharing information' },
};

export function labelOf(labels: Record<string, LocalizedText>, code: string, lang: Lang): string {
  return labels[code]?.[lang] ?? code;
}

/** Headings and labels of the family's plan (PDF). */
export const PLAN_TEXT = {
  sv: {
    title: "Barnets plan",
    sipTitleSuffix: 'Den här planen är också en samordnad individuell plan (SIP).',
    prepared: (date: string) => `Skriven ${date}`,
    version: (n: number) => `Version ${n}`,
    intro: (who: string | null) =>
      `Den här planen visar vad vi ska göra tillsammans för att ${who ?? 'barnet'} ska må bra. Planen är frivillig. Fråga barnkontakten eller stödsamordnaren om något är oklart.`,
    protectedNotice: 'Barnet har skyddade personuppgifter. Visa inte planen för någon utanför familjen.',
    aboutChild: 'Om barnet',
    name: 'Namn',
    protectedIdentity: 'Skyddade personuppgifter',
    dateOfBirth: 'Född',
    address: 'Adress',
    personnummer: 'Personnummer',
    guardians: 'Vårdnadshavare',
    guardianHidden: 'Vårdnadshavare (namnet visas inte)',
    guardiansHidden: (n: number) => (n === 1 ? 'En vårdnadshavare. Namnet visas inte här.' : `${n} vårdnadshavare. Namnen visas inte här.`),
    noGuardians: 'Inga vårdnadshavare är antecknade.',
    phone: 'Telefon',
    whoToContact: 'Vem du kan vända dig till',
    namedPerson: 'Barnkontakt',
    namedPersonExplained: 'Barnkontakten finns för barnet och familjen och är den ni vänder er till först.',
    leadProfessional: 'Stödsamordnare',
    leadProfessionalExplained: 'Stödsamordnaren håller ihop stödet när flera verksamheter hjälper till.',
    noNamedPerson: 'Barnet har ingen barnkontakt just nu.',
    noLeadProfessional: 'Ingen stödsamordnare behövs eller är utsedd ännu.',
    team: 'Andra som hjälper till',
    why: 'Varför planen finns',
    assessment: 'Det här har vi sett',
    assessmentOn: (date: string, min: number, max: number) => `Bedömning ${date}. Skala ${min}–${max}, där ${max} är bäst.`,
    ratingLine: (parts: string[]) => parts.join(', '),
    ratingChild: 'barnet',
    ratingGuardians: 'vårdnadshavare',
    ratingProfessional: 'personal',
    noAssessment: 'Ingen sammanfattning är skriven.',
    needs: 'Behov och det vi gör',
    needHeading: (n: number, indicator: string) => `Behov ${n}: ${indicator}`,
    need: 'Det här behövs',
    desiredOutcome: 'Det vill vi uppnå',
    evidence: 'Så ser vi att det går framåt',
    actions: 'Det här gör vi',
    noActions: 'Inget är bestämt ännu.',
    responsible: 'Ansvarig',
    period: 'När',
    periodValue: (from: string, to: string) => `${from} – klart senast ${to}`,
    status: 'Läge',
    comment: 'Kommentar',
    noNeeds: 'Inga behov är skrivna ännu.',
    childView: 'Barnets egen syn',
    guardiansView: 'Vårdnadshavarnas syn',
    viewMissing: 'Kunde inte tas med',
    viewNotRecorded: 'Inte antecknad ännu.',
    agreement: {
      agreed: 'Har sagt ja till planen.',
      agreed_with_reservations: 'Har sagt ja till planen, men inte till allt (se där vi inte är överens).',
      not_agreed: 'Har sagt nej till planen.',
      none: 'Har inte svarat på planen ännu.',
    },
    disagreements: 'Där vi inte är överens',
    noDisagreements: 'Ingen oenighet är antecknad.',
    review: 'Uppföljning',
    reviewOn: (date: string) => `Vi träffas och går igenom planen igen ${date}.`,
    earlierReviews: 'Tidigare uppföljningar',
    reviewOutcome: { continue: 'planen fortsätter', revise: 'planen ändras', close: 'planen avslutas' },
    footer: (version: number) => `Barnets plan, version ${version}`,
    page: (n: number, total: number) => `Sida ${n} av ${total}`,
    testData: 'Testdata – inga verkliga personer',
  },
  en: {
    title: "Child's plan",
    sipTitleSuffix: 'This plan is also a coordinated individual plan (SIP).',
    prepared: (date: string) => `Made on ${date}`,
    version: (n: number) => `Version ${n}`,
    intro: (who: string | null) =>
      `This plan shows what we will do together so that ${who ?? 'the child'} can be well. Taking part is voluntary. Ask the named person or the lead professional if anything is unclear.`,
    protectedNotice: 'The child has a protected identity. Do not show this plan to anyone outside the family.',
    aboutChild: 'About the child',
    name: 'Name',
    protectedIdentity: 'Protected identity',
    dateOfBirth: 'Born',
    address: 'Address',
    personnummer: 'Personal identity number',
    guardians: 'Parents and carers',
    guardianHidden: 'Parent or carer (name not shown)',
    guardiansHidden: (n: number) => (n === 1 ? 'One parent or carer. The name is not shown here.' : `${n} parents or carers. The names are not shown here.`),
    noGuardians: 'No parents or carers are recorded.',
    phone: 'Phone',
    whoToContact: 'Who you can contact',
    namedPerson: 'Named person',
    namedPersonExplained: 'The named person is there for the child and the family and is the first person to contact.',
    leadProfessional: 'Lead professional',
    leadProfessionalExplained: 'The lead professional brings the support together when more than one service helps.',
    noNamedPerson: 'The child has no named person at the moment.',
    noLeadProfessional: 'No lead professional is needed or appointed yet.',
    team: 'Others who help',
    why: 'Why there is a plan',
    assessment: 'What we have seen',
    assessmentOn: (date: string, min: number, max: number) => `Assessment on ${date}. Scale ${min}–${max}, where ${max} is best.`,
    ratingLine: (parts: string[]) => parts.join(', '),
    ratingChild: 'child',
    ratingGuardians: 'parents/carers',
    ratingProfessional: 'staff',
    noAssessment: 'No summary has been written.',
    needs: 'Needs and what we do',
    needHeading: (n: number, indicator: string) => `Need ${n}: ${indicator}`,
    need: 'What is needed',
    desiredOutcome: 'What we want to achieve',
    evidence: 'How we will see progress',
    actions: 'What we will do',
    noActions: 'Nothing has been decided yet.',
    responsible: 'Who is responsible',
    period: 'When',
    periodValue: (from: string, to: string) => `${from} – done by ${to}`,
    status: 'Progress',
    comment: 'Comment',
    noNeeds: 'No needs have been written yet.',
    childView: "The child's own view",
    guardiansView: "The parents' and carers' view",
    viewMissing: 'Could not be included',
    viewNotRecorded: 'Not recorded yet.',
    agreement: {
      agreed: 'Has said yes to the plan.',
      agreed_with_reservations: 'Has said yes to the plan, but not to all of it (see where we do not agree).',
      not_agreed: 'Has said no to the plan.',
      none: 'Has not answered yet.',
    },
    disagreements: 'Where we do not agree',
    noDisagreements: 'No disagreement is recorded.',
    review: 'Review',
    reviewOn: (date: string) => `We will meet and go through the plan again on ${date}.`,
    earlierReviews: 'Earlier reviews',
    reviewOutcome: { continue: 'the plan continues', revise: 'the plan is changed', close: 'the plan is closed' },
    footer: (version: number) => `Child's plan, version ${version}`,
    page: (n: number, total: number) => `Page ${n} of ${total}`,
    testData: 'Test data – no real people',
  },
} satisfies Record<Lang, unknown>;

/** The child-friendly plan: short words, large text. */
export const CHILD_TEXT = {
  sv: {
    title: 'Min plan',
    hello: (givenName: string | null) => (givenName ? `Hej ${givenName}!` : 'Hej!'),
    intro: 'Det här är din plan. Den visar vad vuxna runt dig ska göra för att du ska må bra.',
    wantLead: 'Vi vill att du ska kunna säga:',
    quoted: (statement: string) => `”${withFullStop(statement)}”`,
    generic: (indicator: string) => `Vi vill att det ska bli bra för dig med ${indicator.toLowerCase()}.`,
    whoHelps: 'Så hjälper vi dig',
    helps: (who: string) => `${who} hjälper dig`,
    whoToTalkTo: 'Vem kan du prata med?',
    namedPerson: 'Din barnkontakt',
    leadProfessional: 'Din stödsamordnare',
    phone: 'Telefon',
    yourWords: 'Det här har du sagt',
    noWords: 'Du kan alltid berätta vad du tycker. Det är viktigt.',
    yourAnswer: {
      agreed: 'Du har sagt ja till planen.',
      agreed_with_reservations: 'Du har sagt ja till planen, men inte till allt.',
      not_agreed: 'Du har sagt nej till planen. Det är okej att säga nej – vi pratar om det igen.',
    },
    next: (date: string) => `Vi träffas igen ${date} och ser hur det går.`,
    page: (n: number, total: number) => `Sida ${n} av ${total}`,
    footer: 'Min plan',
    testData: 'Testdata – inga verkliga personer',
  },
  en: {
    title: 'My plan',
    hello: (givenName: string | null) => (givenName ? `Hello ${givenName}!` : 'Hello!'),
    intro: 'This is your plan. It shows what the grown-ups around you will do so that you can be well.',
    wantLead: 'We want you to be able to say:',
    quoted: (statement: string) => `“${withFullStop(statement)}”`,
    generic: (indicator: string) => `We want things to go well for you with ${indicator.toLowerCase()}.`,
    whoHelps: 'How we help you',
    helps: (who: string) => `${who} helps you`,
    whoToTalkTo: 'Who can you talk to?',
    namedPerson: 'Your named person',
    leadProfessional: 'Your lead professional',
    phone: 'Phone',
    yourWords: 'What you said',
    noWords: 'You can always tell us what you think. It matters.',
    yourAnswer: {
      agreed: 'You have said yes to the plan.',
      agreed_with_reservations: 'You have said yes to the plan, but not to all of it.',
      not_agreed: 'You have said no to the plan. It is OK to say no – we will talk about it again.',
    },
    next: (date: string) => `We will meet again on ${date} to see how it is going.`,
    page: (n: number, total: number) => `Page ${n} of ${total}`,
    footer: 'My plan',
    testData: 'Test data – no real people',
  },
} satisfies Record<Lang, unknown>;

/**
 * One short sentence per SHANARRI / Behovskompassen indicator, for profiles
 * whose indicators have no "I"-statement of their own. Ours.
 */
export const CHILD_INDICATOR_SENTENCES: Record<string, LocalizedText> = {
  safe: { sv: 'Vi vill att du ska känna dig trygg.', en: 'We want you to feel safe.' },
  healthy: { sv: 'Vi vill att du ska må bra i kroppen och i huvudet.', en: 'We want you to feel well in your body and your mind.' },
  achieving: { sv: 'Vi vill att du ska lära dig nya saker och känna att du klarar dem.', en: 'We want you to learn new things and feel that you can do them.' },
  nurtured: { sv: 'Vi vill att du ska ha vuxna som tar hand om dig.', en: 'We want you to have grown-ups who look after you.' },
  active: { sv: 'Vi vill att du ska få leka, röra på dig och göra roliga saker.', en: 'We want you to play, move and do fun things.' },
  respected: { sv: 'Vi vill att du ska bli lyssnad på.', en: 'We want you to be listened to.' },
  responsible: { sv: 'Vi vill att du ska få ta ansvar och hjälpa till.', en: 'We want you to take part and help out.' },
  included: { sv: 'Vi vill att du ska få vara med.', en: 'We want you to be part of things.' },
};

/** The SIP (samordnad individuell plan): Swedish is the language of the law, English for reference. */
export const SIP_TEXT = {
  sv: {
    title: 'Samordnad individuell plan (SIP)',
    subtitle: 'Enligt 2 kap. 7 § socialtjänstlagen och 16 kap. 4 § hälso- och sjukvårdslagen',
    prepared: (date: string) => `Upprättad ${date}`,
    version: (n: number) => `Version ${n}`,
    notSipNotice: 'Planen har inte insatser från både socialtjänst och hälso- och sjukvård. Den visas ändå i SIP-form.',
    person: 'Barnet',
    contacts: 'Kontaktpersoner',
    interventionsNeeded: '1. Vilka insatser som behövs',
    byBody: '2. Vilka insatser respektive huvudman ska svara för',
    otherMeasures: '3. Vilka åtgärder som vidtas av någon annan än huvudmännen',
    overall: '4. Vilken huvudman som har det övergripande ansvaret för planen',
    overallMissing: 'Inte bestämt ännu.',
    noOtherMeasures: 'Inga åtgärder av andra är antecknade.',
    noInterventions: 'Inga insatser är antecknade.',
    participation: 'Barnets och vårdnadshavarnas delaktighet',
    childTookPart: 'Barnet var med i bedömningen.',
    childDidNotTakePart: 'Barnet var inte med i bedömningen.',
    consent: 'Samtycke',
    noConsent: 'Inget gällande samtycke finns antecknat.',
    consentLine: (form: string, from: string, to: string) => `${form} samtycke, gäller ${from} – ${to}.`,
    written: 'Skriftligt',
    oral: 'Muntligt',
    consentPurposes: 'Syfte',
    consentCategories: 'Uppgifter',
    consentRecipients: 'Får delas med',
    consentRecorded: 'Antecknat',
    review: 'Uppföljning',
    reviewOn: (date: string) => `Planen följs upp ${date}.`,
    need: 'Behov',
    goal: 'Mål',
    responsiblePerson: 'Ansvarig',
    period: 'Tid',
    status: 'Läge',
    footer: (version: number) => `SIP, version ${version}`,
  },
  en: {
    title: 'Coordinated individual plan (SIP)',
    subtitle: 'Under chapter 2 section 7 of the Swedish Social Services Act and chapter 16 section 4 of the Health and Medical Services Act',
    prepared: (date: string) => `Made on ${date}`,
    version: (n: number) => `Version ${n}`,
    notSipNotice: 'The plan does not have actions from both social services and health care. It is shown in SIP form all the same.',
    person: 'The child',
    contacts: 'Contacts',
    interventionsNeeded: '1. Which interventions are needed',
    byBody: '2. Which interventions each responsible body provides',
    otherMeasures: '3. Which measures are taken by others than the responsible bodies',
    overall: '4. Which responsible body has overall responsibility for the plan',
    overallMissing: 'Not decided yet.',
    noOtherMeasures: 'No measures by others are recorded.',
    noInterventions: 'No interventions are recorded.',
    participation: "The child's and the guardians' participation",
    childTookPart: 'The child took part in the assessment.',
    childDidNotTakePart: 'The child did not take part in the assessment.',
    consent: 'Consent',
    noConsent: 'No valid consent is recorded.',
    consentLine: (form: string, from: string, to: string) => `${form} consent, valid ${from} – ${to}.`,
    written: 'Written',
    oral: 'Oral',
    consentPurposes: 'Purpose',
    consentCategories: 'Information',
    consentRecipients: 'May be shared with',
    consentRecorded: 'Recorded',
    review: 'Review',
    reviewOn: (date: string) => `The plan will be reviewed on ${date}.`,
    need: 'Need',
    goal: 'Goal',
    responsiblePerson: 'Responsible',
    period: 'Time',
    status: 'Progress',
    footer: (version: number) => `SIP, version ${version}`,
  },
} satisfies Record<Lang, unknown>;

function withFullStop(sentence: string): string {
  return /[.!?]$/.test(sentence.trim()) ? sentence.trim() : `${sentence.trim()}.`;
}
