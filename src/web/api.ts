/**
 * Typed access to the Samsyn API. Every call sends the chosen interface
 * language as Accept-Language, so error messages come back in that language.
 */
import type {
  AssessmentListResponse,
  AssessmentResponse,
  ConcernActionRequest,
  ConcernFormResponse,
  ConcernListResponse,
  Concern,
  ConcernFull,
  ConcernStatus,
  CreateAssessmentRequest,
  RaiseConcernRequest,
  RaiseConcernResponse,
  AddTeamMemberRequest,
  ApiErrorBody,
  ChangeNamedPersonRequest,
  ConsentListResponse,
  CreatedResponse,
  CreateNoteRequest,
  EmergencyAccess,
  EmergencyAccessGrant,
  EmergencyAccessListResponse,
  EmergencyAccessRequest,
  EmergencyReviewRequest,
  NoteListResponse,
  RecordConsentRequest,
  RemoveTeamMemberResponse,
  ReviewEventRequest,
  ReviewEventResponse,
  ReviewQueueResponse,
  StaffScope,
  TeamListResponse,
  WithdrawConsentRequest,
  WithdrawConsentResponse,
  ChildListResponse,
  ChildResponse,
  Health,
  LoginRequest,
  LookupResponse,
  MeResponse,
  NamedPersonHistoryResponse,
  NamedPersonResponse,
  StaffListResponse,
  AppointLeadProfessionalRequest,
  CreatePlanRequest,
  CreateInterventionRequest,
  Intervention,
  InterventionListResponse,
  UpdateInterventionRequest,
  LeadProfessional,
  LeadProfessionalHistoryResponse,
  Plan,
  PlanListResponse,
  PlanReviewRequest,
  PlanReviewsResponse,
  PlanStatusRequest,
  PlanVersionsResponse,
  PlanWorkListResponse,
  SavePlanRequest,
} from './api-types.ts';
import { currentLanguage } from './i18n/index.ts';

/** An error answer from the API (or a network failure, status 0). */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  /** Extra facts some errors carry, e.g. `{ field }`, `{ issues }` or `{ agencyType }`. */
  readonly details?: Record<string, unknown>;

  constructor(status: number, code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    if (details) this.details = details;
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

function fallbackMessage(status: number): string {
  const sv = currentLanguage() === 'sv';
  if (status === 0) return sv ? 'Kunde inte nå servern. Försök igen.' : 'Could not reach the server. Please try again.';
  return sv ? `Något gick fel (${status}). Försök igen.` : `Something went wrong (${status}). Please try again.`;
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

export async function request<T>(method: Method, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLanguage() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(0, 'network_error', fallbackMessage(0));
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!response.ok) {
    if (isErrorBody(data)) {
      throw new ApiError(response.status, data.error.code, data.error.message || fallbackMessage(response.status), data.error.details);
    }
    throw new ApiError(response.status, `http_${response.status}`, fallbackMessage(response.status));
  }
  return data as T;
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

export const api = {
  health: () => request<Health>('GET', '/api/health'),
  login: (body: LoginRequest) => request<MeResponse>('POST', '/api/auth/login', body),
  logout: () => request<void>('POST', '/api/auth/logout'),
  me: (signal?: AbortSignal) => request<MeResponse>('GET', '/api/me', undefined, signal),
  children: (params: { search?: string; limit?: number; cursor?: string }, signal?: AbortSignal) =>
    request<ChildListResponse>('GET', `/api/children${query(params)}`, undefined, signal),
  child: (id: string, signal?: AbortSignal) =>
    request<ChildResponse>('GET', `/api/children/${encodeURIComponent(id)}`, undefined, signal),
  namedPersonHistory: (id: string, signal?: AbortSignal) =>
    request<NamedPersonHistoryResponse>('GET', `/api/children/${encodeURIComponent(id)}/named-person/history`, undefined, signal),
  changeNamedPerson: (id: string, body: ChangeNamedPersonRequest) =>
    request<NamedPersonResponse>('POST', `/api/children/${encodeURIComponent(id)}/named-person`, body),
  staff: (params: { search?: string; limit?: number; scope?: StaffScope }, signal?: AbortSignal) =>
    request<StaffListResponse>('GET', `/api/staff${query(params)}`, undefined, signal),
  lookup: (personnummer: string) => request<LookupResponse>('POST', '/api/named-person/lookup', { personnummer }),

  consents: (childId: string, signal?: AbortSignal) =>
    request<ConsentListResponse>('GET', `/api/children/${encodeURIComponent(childId)}/consents`, undefined, signal),
  recordConsent: (childId: string, body: RecordConsentRequest) =>
    request<CreatedResponse>('POST', `/api/children/${encodeURIComponent(childId)}/consents`, body),
  withdrawConsent: (consentId: string, body: WithdrawConsentRequest) =>
    request<WithdrawConsentResponse>('POST', `/api/consents/${encodeURIComponent(consentId)}/withdraw`, body),

  team: (childId: string, signal?: AbortSignal) =>
    request<TeamListResponse>('GET', `/api/children/${encodeURIComponent(childId)}/team`, undefined, signal),
  addTeamMember: (childId: string, body: AddTeamMemberRequest) =>
    request<CreatedResponse>('POST', `/api/children/${encodeURIComponent(childId)}/team`, body),
  removeTeamMember: (childId: string, memberId: string) =>
    request<RemoveTeamMemberResponse>(
      'DELETE',
      `/api/children/${encodeURIComponent(childId)}/team/${encodeURIComponent(memberId)}`,
    ),

  notes: (childId: string, signal?: AbortSignal) =>
    request<NoteListResponse>('GET', `/api/children/${encodeURIComponent(childId)}/notes`, undefined, signal),
  createNote: (childId: string, body: CreateNoteRequest) =>
    request<CreatedResponse>('POST', `/api/children/${encodeURIComponent(childId)}/notes`, body),

  requestEmergencyAccess: (body: EmergencyAccessRequest) => request<EmergencyAccessGrant>('POST', '/api/emergency-access', body),
  emergencyAccesses: (params: { reviewed?: boolean }, signal?: AbortSignal) =>
    request<EmergencyAccessListResponse>(
      'GET',
      `/api/emergency-access${query({ reviewed: params.reviewed === undefined ? undefined : String(params.reviewed) })}`,
      undefined,
      signal,
    ),
  reviewEmergencyAccess: (id: string, body: EmergencyReviewRequest) =>
    request<EmergencyAccess>('POST', `/api/emergency-access/${encodeURIComponent(id)}/review`, body),

  reviewQueue: (params: { sample?: number }, signal?: AbortSignal) =>
    request<ReviewQueueResponse>('GET', `/api/audit/review-queue${query(params)}`, undefined, signal),
  reviewAuditEvent: (seq: number, body: ReviewEventRequest) =>
    request<ReviewEventResponse>('POST', `/api/audit/events/${seq}/review`, body),

  concernForm: (signal?: AbortSignal) => request<ConcernFormResponse>('GET', '/api/concerns/form', undefined, signal),
  raiseConcern: (body: RaiseConcernRequest) => request<RaiseConcernResponse>('POST', '/api/concerns', body),
  concerns: (params: { status?: ConcernStatus | 'open'; mine?: boolean; limit?: number; cursor?: string }, signal?: AbortSignal) =>
    request<ConcernListResponse>(
      'GET',
      `/api/concerns${query({ ...params, mine: params.mine === undefined ? undefined : String(params.mine) })}`,
      undefined,
      signal,
    ),
  concern: (id: string, signal?: AbortSignal) =>
    request<Concern>('GET', `/api/concerns/${encodeURIComponent(id)}`, undefined, signal),
  recordConcernAction: (id: string, body: ConcernActionRequest) =>
    request<ConcernFull>('POST', `/api/concerns/${encodeURIComponent(id)}/actions`, body),

  assessments: (childId: string, signal?: AbortSignal) =>
    request<AssessmentListResponse>('GET', `/api/children/${encodeURIComponent(childId)}/assessments`, undefined, signal),
  createAssessment: (childId: string, body: CreateAssessmentRequest) =>
    request<AssessmentResponse>('POST', `/api/children/${encodeURIComponent(childId)}/assessments`, body),

  leadProfessional: (childId: string, signal?: AbortSignal) =>
    request<LeadProfessionalHistoryResponse>('GET', `/api/children/${encodeURIComponent(childId)}/lead-professional`, undefined, signal),
  appointLeadProfessional: (childId: string, body: AppointLeadProfessionalRequest) =>
    request<LeadProfessional>('POST', `/api/children/${encodeURIComponent(childId)}/lead-professional`, body),

  interventions: (params: { search?: string; unitId?: string; includeInactive?: boolean; limit?: number }, signal?: AbortSignal) =>
    request<InterventionListResponse>(
      'GET',
      `/api/interventions${query({ ...params, includeInactive: params.includeInactive ? 'true' : undefined })}`,
      undefined,
      signal,
    ),
  createIntervention: (body: CreateInterventionRequest) => request<Intervention>('POST', '/api/interventions', body),
  updateIntervention: (id: string, body: UpdateInterventionRequest) =>
    request<Intervention>('PATCH', `/api/interventions/${encodeURIComponent(id)}`, body),

  plans: (childId: string, signal?: AbortSignal) =>
    request<PlanListResponse>('GET', `/api/children/${encodeURIComponent(childId)}/plans`, undefined, signal),
  createPlan: (childId: string, body: CreatePlanRequest) =>
    request<Plan>('POST', `/api/children/${encodeURIComponent(childId)}/plans`, body),
  planWorkList: (params: { withinDays?: number }, signal?: AbortSignal) =>
    request<PlanWorkListResponse>('GET', `/api/plans/work-list${query(params)}`, undefined, signal),
  plan: (id: string, signal?: AbortSignal) => request<Plan>('GET', `/api/plans/${encodeURIComponent(id)}`, undefined, signal),
  savePlan: (id: string, body: SavePlanRequest) => request<Plan>('PUT', `/api/plans/${encodeURIComponent(id)}`, body),
  planVersions: (id: string, signal?: AbortSignal) =>
    request<PlanVersionsResponse>('GET', `/api/plans/${encodeURIComponent(id)}/versions`, undefined, signal),
  changePlanStatus: (id: string, body: PlanStatusRequest) => request<Plan>('POST', `/api/plans/${encodeURIComponent(id)}/status`, body),
  planReviews: (id: string, signal?: AbortSignal) =>
    request<PlanReviewsResponse>('GET', `/api/plans/${encodeURIComponent(id)}/reviews`, undefined, signal),
  reviewPlan: (id: string, body: PlanReviewRequest) => request<Plan>('POST', `/api/plans/${encodeURIComponent(id)}/reviews`, body),
};

/** Where the plan's exports are (links, not fetches: the browser downloads or opens them). */
export const planExportHref = {
  pdf: (id: string, variant: 'family' | 'child' | 'sip', lang: 'sv' | 'en') =>
    `/api/plans/${encodeURIComponent(id)}/export.pdf${query({ variant, lang })}`,
  fhir: (id: string) => `/api/plans/${encodeURIComponent(id)}/fhir`,
};
