/** Dates in the deployment's time zone (a child's "today" is Swedish or Scottish local time). */
import { dateInZone } from '../domain/dates.ts';

/** The deployment's time zone: SAMSYN_TIMEZONE, default Europe/Stockholm. */
export const timeZone = (): string => process.env.SAMSYN_TIMEZONE ?? 'Europe/Stockholm';

/** Today's date, YYYY-MM-DD, in the deployment's time zone. */
export function today(now: Date = new Date()): string {
  return dateInZone(now, timeZone());
}
