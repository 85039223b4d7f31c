/**
 * GENERATED TEST DATA – a made-up child's plan for the export tests and for
 * looking at the PDFs. No real people: every name, address, phone number and
 * organisation here is invented, the personal identity number is generated
 * (checksum-valid, so it is never to be mixed with real data), and
 * `generatedTestData` is true so that every export says so on every page.
 *
 * The names deliberately use å ä ö and letters outside Windows-1252
 * ("Łucja", "Nguyễn") so that the renderers are tested with them.
 */
import { formatPersonnummer, generatePersonnummer } from '../domain/personnummer.ts';
import type { PlanDocument, PlanDocumentAction, PlanDocumentNeed, PlanDocumentPerson } from '../domain/plan-document.ts';
import { BACKA_BARNET_PROFILE } from '../domain/profiles/backa-barnet.ts';
import { SHANARRI_INDICATORS } from '../domain/profiles/shanarri.ts';
import type { LocalizedText } from '../domain/types.ts';

/** A stable, valid UUID (version 4 layout) for fixture number `n`. */
export function fixtureId(n: number): string {
  return `5a3c0000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

const UNITS = {
  school: { id: fixtureId(101), name: 'Solbackens skola' },
  pupilHealth: { id: fixtureId(102), name: 'Elevhälsan Solbacken' },
  social: { id: fixtureId(103), name: 'Individ- och familjeomsorgen Exempelstad' },
  bup: { id: fixtureId(104), name: 'BUP Exempelstad' },
  healthCentre: { id: fixtureId(105), name: 'Vårdcentralen Ängsbacken' },
};

const MUNICIPALITY = 'Exempelstads kommun';
const REGION = 'Region Exempellän';

const NAMED_PERSON: PlanDocumentPerson = {
  staffId: fixtureId(201),
  name: 'Åsa Lindqvist',
  title: 'Rektor',
  unitId: UNITS.school.id,
  unitName: UNITS.school.name,
  agencyType: 'school',
  phone: '0470-55 01 01',
  email: 'asa.lindqvist@exempelstad.example',
};

const LEAD_PROFESSIONAL: PlanDocumentPerson = {
  staffId: fixtureId(202),
  name: 'Jörgen Håkansson',
  title: 'Socialsekreterare',
  unitId: UNITS.social.id,
  unitName: UNITS.social.name,
  agencyType: 'social_services',
  phone: '0470-55 02 02',
  email: 'jorgen.hakansson@exempelstad.example',
};

const SCHOOL_NURSE: PlanDocumentPerson = {
  staffId: fixtureId(203),
  name: 'Märta Öberg',
  title: 'Skolsköterska',
  unitId: UNITS.pupilHealth.id,
  unitName: UNITS.pupilHealth.name,
  agencyType: 'pupil_health',
  phone: '0470-55 03 03',
  email: null,
};

const PSYCHOLOGIST: PlanDocumentPerson = {
  staffId: fixtureId(204),
  name: 'Thị Hương Nguyễn',
  title: 'Psykolog',
  unitId: UNITS.bup.id,
  unitName: UNITS.bup.name,
  agencyType: 'child_psychiatry',
  phone: '010-555 04 04',
  email: null,
};

type FixtureOptions = {
  /** Which wellbeing tool the child's profile uses. */
  tool?: 'shanarri' | 'behovskompassen';
  /** Mask the child as the service does under protected identity. */
  protectedIdentity?: boolean;
  /** Make the texts long enough to need several pages. */
  long?: boolean;
};

type IndicatorInfo = { name: LocalizedText; childStatement: LocalizedText | null };

function indicator(tool: 'shanarri' | 'behovskompassen', key: string): IndicatorInfo {
  if (tool === 'shanarri') {
    const found = SHANARRI_INDICATORS.find((i) => i.key === key);
    if (!found) throw new Error(`No SHANARRI indicator ${key}`);
    return { name: found.name, childStatement: null };
  }
  const found = BACKA_BARNET_PROFILE.wellbeing.indicators.find((i) => i.key === key);
  if (!found) throw new Error(`No Behovskompassen indicator ${key}`);
  return { name: found.name, childStatement: found.childStatement ?? null };
}

function action(
  fields: Pick<PlanDocumentAction, 'id' | 'description' | 'startDate' | 'dueDate' | 'status'> & {
    unit: { id: string; name: string };
    agency: PlanDocumentAction['responsibleAgencyType'];
    body: 'municipality' | 'region';
    staff: PlanDocumentPerson | null;
    comment?: string;
    interventionTitle?: string;
  },
): PlanDocumentAction {
  return {
    id: fields.id,
    interventionId: fields.interventionTitle ? fixtureId(300 + fields.id.length) : null,
    description: fields.description,
    responsibleUnitId: fields.unit.id,
    responsibleStaffId: fields.staff?.staffId ?? null,
    startDate: fields.startDate,
    dueDate: fields.dueDate,
    status: fields.status,
    comment: fields.comment ?? null,
    responsibleUnitName: fields.unit.name,
    responsibleAgencyType: fields.agency,
    responsibleOrganisationName: fields.body === 'municipality' ? MUNICIPALITY : REGION,
    responsibleOrganisationKind: fields.body,
    responsibleStaffName: fields.staff?.name ?? null,
    interventionTitle: fields.interventionTitle ?? null,
  };
}

const LONG_TAIL =
  ' Vi har pratat om det här på flera möten, och alla som var med – Łucja, hennes vårdnadshavare, skolan, elevhälsan, socialtjänsten och BUP – har fått säga vad de tycker. ' +
  'Det som fungerar bra ska fortsätta, och det som inte fungerar ska vi ändra på tillsammans. Ingen ska behöva berätta samma sak flera gånger för olika verksamheter.';

/** The made-up plan. Each call returns a fresh object that the test may change. */
export function planDocumentFixture(options: FixtureOptions = {}): PlanDocument {
  const tool = options.tool ?? 'shanarri';
  const long = (text: string, times = 6) => (options.long ? text + LONG_TAIL.repeat(times) : text);
  const keys =
    tool === 'shanarri'
      ? { safe: 'safe', school: 'achieving', health: 'healthy', leisure: 'active' }
      : { safe: 'safety', school: 'development', health: 'health', leisure: 'leisure' };

  const need = (
    id: string,
    key: string,
    fields: Pick<PlanDocumentNeed, 'need' | 'desiredOutcome' | 'evidence' | 'actions'>,
  ): PlanDocumentNeed => {
    const info = indicator(tool, key);
    return {
      id,
      indicator: key,
      indicatorName: info.name,
      indicatorChildStatement: info.childStatement,
      need: long(fields.need),
      desiredOutcome: fields.desiredOutcome,
      evidence: fields.evidence,
      actions: fields.actions,
    };
  };

  const needs: PlanDocumentNeed[] = [
    need('need-safe', keys.safe, {
      need: 'Łucja säger att hon är rädd på rasterna och på vägen hem från skolan.',
      desiredOutcome: 'Łucja känner sig trygg i skolan och på vägen hem.',
      evidence: 'Łucja säger själv att rasterna känns bättre, och skolan ser att hon är med ute.',
      actions: [
        action({
          id: 'act-recess',
          description: 'En vuxen Łucja känner är med henne på rasterna.',
          unit: UNITS.school,
          agency: 'school',
          body: 'municipality',
          staff: NAMED_PERSON,
          startDate: '2025-03-17',
          dueDate: '2025-06-13',
          status: 'ongoing',
          comment: 'Fungerar bra de flesta dagar.',
        }),
        action({
          id: 'act-walk',
          description: 'Sällskap hem från skolan tisdagar och torsdagar.',
          unit: UNITS.social,
          agency: 'social_services',
          body: 'municipality',
          staff: LEAD_PROFESSIONAL,
          startDate: '2025-03-18',
          dueDate: '2025-05-30',
          status: 'planned',
          interventionTitle: 'Kontaktperson',
        }),
      ],
    }),
    need('need-school', keys.school, {
      need: 'Łucja har svårt att koncentrera sig på lektionerna och har missat mycket i matematik.',
      desiredOutcome: 'Łucja hänger med i matematiken och vet vad hon ska göra på lektionerna.',
      evidence: 'Lärarens bedömning i maj, och att Łucja själv säger att det går lättare.',
      actions: [
        action({
          id: 'act-math',
          description: 'Extra stöd i matematik två gånger i veckan i en lugn grupp.',
          unit: UNITS.school,
          agency: 'school',
          body: 'municipality',
          staff: null,
          startDate: '2025-03-17',
          dueDate: '2025-06-13',
          status: 'ongoing',
        }),
        action({
          id: 'act-assess',
          description: 'Utredning av koncentrationssvårigheter hos BUP.',
          unit: UNITS.bup,
          agency: 'child_psychiatry',
          body: 'region',
          staff: PSYCHOLOGIST,
          startDate: '2025-04-01',
          dueDate: '2025-08-29',
          status: 'planned',
        }),
      ],
    }),
    need('need-health', keys.health, {
      need: 'Łucja sover dåligt och är ofta trött på morgonen.',
      desiredOutcome: 'Łucja sover bättre och orkar med skoldagen.',
      evidence: 'Sömndagbok som Łucja och hennes mamma fyller i, samtal med skolsköterskan.',
      actions: [
        action({
          id: 'act-sleep',
          description: 'Samtal om sömn med skolsköterskan, en gång i månaden.',
          unit: UNITS.pupilHealth,
          agency: 'pupil_health',
          body: 'municipality',
          staff: SCHOOL_NURSE,
          startDate: '2025-03-20',
          dueDate: '2025-06-12',
          status: 'done',
          comment: 'Tre samtal är gjorda.',
        }),
        action({
          id: 'act-doctor',
          description: 'Läkarbesök på vårdcentralen för att se om något i kroppen gör att hon sover dåligt.',
          unit: UNITS.healthCentre,
          agency: 'primary_care',
          body: 'region',
          staff: null,
          startDate: '2025-03-24',
          dueDate: '2025-04-30',
          status: 'not_done',
          comment: 'Tiden blev inställd; ny tid bokas.',
        }),
      ],
    }),
    need('need-leisure', keys.leisure, {
      need: 'Łucja vill börja med en fritidsaktivitet men vet inte hur.',
      desiredOutcome: 'Łucja har en aktivitet på fritiden som hon tycker om.',
      evidence: 'Łucja går dit minst en gång i veckan.',
      actions: [
        action({
          id: 'act-club',
          description: 'Följa med Łucja på en prova-på-träning i fotbollsklubben.',
          unit: UNITS.social,
          agency: 'social_services',
          body: 'municipality',
          staff: LEAD_PROFESSIONAL,
          startDate: '2025-04-05',
          dueDate: '2025-05-31',
          status: 'planned',
        }),
      ],
    }),
  ];

  const doc: PlanDocument = {
    planId: fixtureId(1),
    version: 3,
    status: 'active',
    preparedOn: '2025-03-12',
    activatedOn: '2025-03-14',
    generatedTestData: true,
    child: {
      id: fixtureId(2),
      name: 'Łucja Ödman Nguyễn',
      givenName: 'Łucja',
      dateOfBirth: '2014-09-21',
      personnummer: formatPersonnummer(generatePersonnummer('2014-09-21', 982)),
      address: 'Testgatan 12 B, 123 45 Exempelstad',
      protectedIdentity: false,
    },
    guardians: [
      { id: fixtureId(11), name: 'Karolina Ödman', phone: '070-000 11 11' },
      { id: fixtureId(12), name: 'Văn Minh Nguyễn', phone: '070-000 12 12' },
    ],
    namedPerson: NAMED_PERSON,
    leadProfessional: LEAD_PROFESSIONAL,
    team: [NAMED_PERSON, LEAD_PROFESSIONAL, SCHOOL_NURSE, PSYCHOLOGIST],
    profile:
      tool === 'shanarri'
        ? { key: 'tsi', name: { sv: 'TSI', en: 'TSI' }, tool: 'shanarri', scaleMin: 1, scaleMax: 5 }
        : { key: 'backa-barnet', name: BACKA_BARNET_PROFILE.name, tool: 'behovskompassen', scaleMin: 1, scaleMax: 5 },
    content: {
      reason: long(
        'Skolan och familjen är oroliga för att Łucja inte mår bra. Hon är ofta trött, har svårt i skolan och säger att hon är rädd på rasterna. ' +
          'Skolan har redan gett extra anpassningar. Nu hjälps skolan, elevhälsan, socialtjänsten och BUP åt.',
        10,
      ),
      assessmentSummary: long(
        'Vid bedömningen i februari var trygghet och hälsa de områden där Łucja behövde mest stöd. Hon har goda kamrater i klassen och en familj som vill hjälpa till.',
        8,
      ),
      assessmentId: fixtureId(21),
      needs,
      childView: {
        text: long('Jag vill att någon är med mig på rasten. Jag vill också börja spela fotboll med Ängla.', 4),
        reasonMissing: null,
        agreement: 'agreed',
      },
      guardiansView: {
        text: 'Vi är glada att alla nu pratar med varandra. Vi vill att skolan hör av sig direkt när något händer.',
        reasonMissing: null,
        agreement: 'agreed_with_reservations',
      },
      disagreements: 'Pappa Văn Minh tycker att utredningen hos BUP borde börja tidigare än i april.',
      overallResponsibility: 'municipality',
      otherMeasures: 'Fotbollsklubben IK Testlöparna erbjuder Łucja en plats i en träningsgrupp (ideell förening).',
      reviewDate: '2025-06-10',
    },
    overallResponsibilityName: MUNICIPALITY,
    isSip: true,
    assessment: {
      id: fixtureId(21),
      assessedOn: '2025-02-26',
      childTookPart: true,
      ratings: [keys.safe, keys.school, keys.health, keys.leisure].map((key, i) => ({
        indicator: key,
        indicatorName: indicator(tool, key).name,
        professional: 2 + (i % 2),
        child: i === 3 ? null : 2 + i,
        guardians: 3,
        note: i === 0 ? 'Rasterna är svårast.' : null,
      })),
    },
    consents: [
      {
        id: fixtureId(31),
        validFrom: '2025-03-01',
        validTo: '2026-02-28',
        categories: ['plan', 'wellbeing', 'school', 'health'],
        purposes: ['team_meeting', 'childs_plan', 'information_sharing'],
        recipientAgencyTypes: ['social_services', 'child_psychiatry'],
        recipientUnitNames: [UNITS.school.name, UNITS.pupilHealth.name],
        guardianIds: [fixtureId(11), fixtureId(12)],
        form: 'written',
        recordedAt: '2025-03-01T09:30:00.000Z',
      },
    ],
    reviews: [{ reviewedOn: '2025-03-12', outcome: 'revise', comment: 'Ny insats för sömnen lades till.' }],
  };

  if (options.protectedIdentity) {
    doc.child = { ...doc.child, name: null, givenName: null, personnummer: null, address: null, protectedIdentity: true };
    doc.guardians = doc.guardians.map((g) => ({ ...g, name: null, phone: null }));
    // Free text is written by people; in the masked variant it does not name the child either.
    doc.content = JSON.parse(JSON.stringify(doc.content).replaceAll('Łucja', 'Barnet')) as PlanDocument['content'];
  }
  return doc;
}
