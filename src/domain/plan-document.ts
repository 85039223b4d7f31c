/**
 * Everything an export of the child's plan needs, resolved and already masked:
 * the service (`services/plans.ts`, `loadPlanDocument`) builds it under the
 * access rules, and the renderers in `src/exports/` (PDF for the family, the
 * child-friendly PDF, the SIP, FHIR R4) only format it. Protected identity is
 * applied here, before any renderer sees the data: `child.name`, `address` and
 * unit names where the child is enrolled are null when masked.
 */
import type { PlanContent, PlanStatus } from './plan.ts';
import type { AgencyType, LocalizedText, OrganisationKind } from './types.ts';

export type PlanDocumentPerson = {
  staffId: string;
  name: string;
  title: string | null;
  unitId: string;
  unitName: string;
  agencyType: AgencyType;
  phone: string | null;
  email: string | null;
};

export type PlanDocumentAction = PlanContent['needs'][number]['actions'][number] & {
  responsibleUnitName: string;
  responsibleAgencyType: AgencyType | null;
  /** The body (huvudman) that runs the responsible unit: municipality, region or police authority. */
  responsibleOrganisationName: string;
  responsibleOrganisationKind: OrganisationKind;
  responsibleStaffName: string | null;
  interventionTitle: string | null;
};

export type PlanDocumentNeed = Omit<PlanContent['needs'][number], 'actions'> & {
  indicatorName: LocalizedText;
  /** The indicator in the child's own words ("Jag känner mig trygg"), where the profile has one. */
  indicatorChildStatement: LocalizedText | null;
  actions: PlanDocumentAction[];
};

export type PlanDocumentRating = {
  indicator: string;
  indicatorName: LocalizedText;
  professional: number | null;
  child: number | null;
  guardians: number | null;
  note: string | null;
};

export type PlanDocument = {
  planId: string;
  version: number;
  status: PlanStatus;
  /** Date the version was saved (YYYY-MM-DD, local). */
  preparedOn: string;
  activatedOn: string | null;
  /** True: generated test data (never real personal data) – every export says so. */
  generatedTestData: boolean;
  child: {
    id: string;
    /** Null under protected identity (unless the reader may see it). */
    name: string | null;
    givenName: string | null;
    dateOfBirth: string;
    /** Personal identity number; null when masked. */
    personnummer: string | null;
    address: string | null;
    protectedIdentity: boolean;
  };
  guardians: { id: string; name: string | null; phone: string | null }[];
  namedPerson: PlanDocumentPerson | null;
  leadProfessional: PlanDocumentPerson | null;
  /** Current team around the child (CareTeam). */
  team: PlanDocumentPerson[];
  profile: { key: string; name: LocalizedText; tool: string; scaleMin: number; scaleMax: number };
  content: Omit<PlanContent, 'needs'> & { needs: PlanDocumentNeed[] };
  /** The body with overall responsibility, named (SIP). */
  overallResponsibilityName: string | null;
  /** The plan is a SIP (social services and health care both act). */
  isSip: boolean;
  /** The latest assessment linked to the plan (QuestionnaireResponse), if any. */
  assessment: { id: string; assessedOn: string; ratings: PlanDocumentRating[]; childTookPart: boolean } | null;
  /** Active consents the plan rests on (FHIR Consent). */
  consents: {
    id: string;
    validFrom: string;
    validTo: string;
    categories: string[];
    purposes: string[];
    recipientAgencyTypes: AgencyType[];
    recipientUnitNames: string[];
    guardianIds: string[];
    form: 'written' | 'oral';
    recordedAt: string;
  }[];
  reviews: { reviewedOn: string; outcome: 'continue' | 'revise' | 'close'; comment: string | null }[];
};
