/**
 * Emergency accesses granted in this browser tab, so the child page can say
 * "Nödåtkomst till HH:MM" for as long as the access lasts (also after a reload).
 * The server decides access; this is only what we show.
 */
import type { EmergencyAccessGrant } from '../api-types.ts';

const STORAGE_KEY = 'samsyn.emergencyAccess';

type Stored = Record<string, { expiresAt: string }>;

function read(): Stored {
  try {
    const raw = globalThis.sessionStorage?.getItem(STORAGE_KEY);
    const value: unknown = raw ? JSON.parse(raw) : {};
    return typeof value === 'object' && value !== null ? (value as Stored) : {};
  } catch {
    return {};
  }
}

function write(value: Stored): void {
  try {
    globalThis.sessionStorage?.setItem(STORAGE_KEY, JSON.stringify(value));
  } catch {
    // Storage may be unavailable; the notice then lasts until the page is left.
  }
}

export function rememberEmergencyGrant(grant: Pick<EmergencyAccessGrant, 'childId' | 'expiresAt'>): void {
  const now = Date.now();
  const kept = Object.fromEntries(Object.entries(read()).filter(([, g]) => Date.parse(g.expiresAt) > now));
  write({ ...kept, [grant.childId]: { expiresAt: grant.expiresAt } });
}

/** The end of the user's emergency access to the child, if one is running. */
export function emergencyGrantFor(childId: string, now = Date.now()): string | null {
  const grant = read()[childId];
  return grant && Date.parse(grant.expiresAt) > now ? grant.expiresAt : null;
}
