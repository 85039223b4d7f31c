/** Dates in the deployment's time zone (a child's "today" is Swedish or Scottish local time). */
const zone = () => process.env.SAMSYN_TIMEZONE ?? 'Europe/Stockholm';

/** Today's date, YYYY-MM-DD, in the deployment's time zone. */
export function today(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: zone(), year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
