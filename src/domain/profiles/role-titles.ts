/**
 * Swedish job titles for the role codes, shared by the Swedish profiles.
 * English translations are ours.
 */
import type { ModelProfileInput } from './schema.ts';

export const SWEDISH_ROLE_TITLES: ModelProfileInput['roleTitles'] = {
  midwife: { sv: 'Barnmorska', en: 'Midwife' },
  child_health_nurse: { sv: 'BVC-sjuksköterska', en: 'Child health nurse' },
  preschool_principal: { sv: 'Förskolerektor', en: 'Preschool principal' },
  preschool_teacher: { sv: 'Förskollärare', en: 'Preschool teacher' },
  school_principal: { sv: 'Rektor', en: 'School principal' },
  teacher: { sv: 'Lärare', en: 'Teacher' },
  school_nurse: { sv: 'Skolsköterska', en: 'School nurse' },
  counsellor: { sv: 'Kurator', en: 'School counsellor' },
  psychologist: { sv: 'Psykolog', en: 'Psychologist' },
  social_worker: { sv: 'Socialsekreterare', en: 'Social worker' },
  intake_social_worker: { sv: 'Mottagningssekreterare', en: 'Intake social worker' },
  clinician: { sv: 'Behandlare', en: 'Clinician' },
  police_officer: { sv: 'Polis', en: 'Police officer' },
  dental_staff: { sv: 'Tandvårdspersonal', en: 'Dental staff' },
  primary_care_staff: { sv: 'Personal i första linjen', en: 'Primary care staff' },
  leisure_staff: { sv: 'Fritidsledare', en: 'Youth and leisure worker' },
  manager: { sv: 'Chef', en: 'Manager' },
  administrator: { sv: 'Administratör', en: 'Administrator' },
  log_reviewer: { sv: 'Logggranskare', en: 'Log reviewer' },
};
