/**
 * The one list of application errors: a stable code, an HTTP status and a
 * message for the user in Swedish and English. `docs/api.md` documents each
 * code and a test keeps the two in step.
 */
import type { LocalizedText } from './types.ts';

export const ERRORS = {
  bad_request: {
    status: 400,
    message: { sv: 'Förfrågan är felaktig.', en: 'The request is malformed.' },
  },
  validation_failed: {
    status: 400,
    message: { sv: 'Några uppgifter saknas eller är felaktiga.', en: 'Some fields are missing or invalid.' },
  },
  unauthenticated: {
    status: 401,
    message: { sv: 'Du är inte inloggad.', en: 'You are not signed in.' },
  },
  invalid_credentials: {
    status: 401,
    message: { sv: 'Fel användarnamn eller lösenord.', en: 'Wrong username or password.' },
  },
  forbidden: {
    status: 403,
    message: { sv: 'Du har inte behörighet att göra det här.', en: 'You are not allowed to do this.' },
  },
  not_found: {
    status: 404,
    message: { sv: 'Hittades inte.', en: 'Not found.' },
  },
  duplicate_child: {
    status: 409,
    message: {
      sv: 'Ett barn med det personnumret finns redan registrerat.',
      en: 'A child with that personal identity number is already registered.',
    },
  },
  conflict: {
    status: 409,
    message: { sv: 'Uppgifterna har ändrats av någon annan.', en: 'Someone else has changed this.' },
  },
  invalid_personnummer: {
    status: 422,
    message: { sv: 'Personnumret är ogiltigt.', en: 'The personal identity number is invalid.' },
  },
  invalid_named_person: {
    status: 422,
    message: {
      sv: 'Den valda personen kan inte vara barnkontakt för barnet.',
      en: 'The chosen person cannot be the named person for this child.',
    },
  },
  municipality_required: {
    status: 422,
    message: {
      sv: 'Barnet finns inte i folkbokföringen här – ange vilken kommun anmälan ska till (municipalityId).',
      en: 'The child is not registered here – state which municipality the report goes to (municipalityId).',
    },
  },
  not_deidentified: {
    status: 422,
    message: {
      sv: 'Texten ser ut att innehålla ett personnummer. En konsultation ska vara avidentifierad – ta bort personnummer och andra uppgifter som pekar ut barnet.',
      en: 'The text looks like it contains a personal identity number. A consultation must be de-identified – remove identity numbers and anything else that points to the child.',
    },
  },
  rating_out_of_scale: {
    status: 422,
    message: { sv: 'En skattning ligger utanför modellprofilens skala.', en: "A rating is outside the model profile's scale." },
  },
  unknown_indicator: {
    status: 422,
    message: { sv: 'Indikatorn finns inte i barnets välbefinnandeverktyg.', en: "The indicator is not part of the child's wellbeing tool." },
  },
  rating_without_participant: {
    status: 422,
    message: {
      sv: 'En skattning från barnet eller vårdnadshavarna kräver att de deltog.',
      en: 'A rating by the child or the guardians requires that they took part.',
    },
  },
  instrument_not_enabled: {
    status: 422,
    message: { sv: 'Instrumentet är inte påslaget i barnets modellprofil.', en: "The instrument is not turned on in the child's model profile." },
  },
  instrument_score_out_of_range: {
    status: 422,
    message: { sv: 'En skala i instrumentet ska vara från 0 till 10.', en: 'An instrument scale must be from 0 to 10.' },
  },
  invalid_cursor: {
    status: 400,
    message: { sv: 'Sidmarkören är ogiltig – börja om från första sidan.', en: 'The page cursor is invalid – start again from the first page.' },
  },
  consent_incomplete: {
    status: 422,
    message: {
      sv: 'Samtycket saknar en vårdnadshavare med vårdnad. Alla vårdnadshavare ska lämna samtycke eller anges som ej nåbara med skäl.',
      en: 'The consent lacks a guardian with custody. Every guardian must consent or be recorded as unreachable with a reason.',
    },
  },
  child_consent_required: {
    status: 422,
    message: {
      sv: 'Barnets eget samtycke krävs för ett barn i den här åldern.',
      en: "The child's own consent is required at this age.",
    },
  },
  consent_missing: {
    status: 422,
    message: {
      sv: 'Det finns inget aktivt samtycke som omfattar den här verksamheten.',
      en: 'No active consent covers this agency.',
    },
  },
  child_not_registered: {
    status: 422,
    message: {
      sv: 'Inget barn med det personnumret finns registrerat här, så oron kan inte nå någon barnkontakt. Kontakta barnets hemkommun – och gör en orosanmälan till socialtjänsten om barnet kan fara illa.',
      en: 'No child with that personal identity number is registered here, so the concern cannot reach a named person. Contact the child’s home municipality – and file a report of concern to social services if the child may be at risk.',
    },
  },
  concern_action_not_possible: {
    status: 409,
    message: {
      sv: 'Det steget går inte att registrera för oron i dess nuvarande läge.',
      en: 'That step cannot be recorded for the concern as it stands.',
    },
  },
  invalid_plan: {
    status: 422,
    message: { sv: 'Planen innehåller något som inte stämmer.', en: 'Something in the plan does not add up.' },
  },
  plan_not_ready: {
    status: 422,
    message: {
      sv: 'Planen kan inte börja gälla ännu – något saknas.',
      en: 'The plan cannot be activated yet – something is missing.',
    },
  },
  version_conflict: {
    status: 409,
    message: {
      sv: 'Någon annan har sparat planen efter att du öppnade den. Se vad som ändrats och spara igen.',
      en: 'Someone else saved the plan after you opened it. See what changed and save again.',
    },
  },
  outside_team_ages: {
    status: 422,
    message: {
      sv: 'Barnets ålder ligger utanför de åldrar teamet tar upp.',
      en: "The child's age is outside the ages the team takes up.",
    },
  },
  already_withdrawn: {
    status: 409,
    message: { sv: 'Samtycket är redan återkallat.', en: 'The consent has already been withdrawn.' },
  },
  too_many_attempts: {
    status: 429,
    message: {
      sv: 'För många inloggningsförsök. Vänta en stund och försök igen.',
      en: 'Too many sign-in attempts. Wait a while and try again.',
    },
  },
  rate_limited: {
    status: 429,
    message: { sv: 'För många förfrågningar. Försök igen om en stund.', en: 'Too many requests. Try again shortly.' },
  },
  unavailable: {
    status: 503,
    message: { sv: 'Tjänsten är tillfälligt otillgänglig.', en: 'The service is temporarily unavailable.' },
  },
  internal: {
    status: 500,
    message: { sv: 'Något gick fel hos oss.', en: 'Something went wrong on our side.' },
  },
} as const satisfies Record<string, { status: number; message: LocalizedText }>;

export type ErrorCode = keyof typeof ERRORS;

/** A typed application error; `message` overrides the list's default text. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly userMessage: LocalizedText;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, options: { message?: LocalizedText; details?: Record<string, unknown>; cause?: unknown } = {}) {
    const entry = ERRORS[code];
    super(options.message?.en ?? entry.message.en, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = entry.status;
    this.userMessage = options.message ?? entry.message;
    this.details = options.details;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
