/** Words for the API's stable codes (agency types, information categories, purposes, states), in the interface language. */
import { useTranslation } from 'react-i18next';

function lookup(map: Record<string, string>) {
  return (code: string | null | undefined) => (code ? (map[code] ?? code) : '');
}

export function useLabels() {
  const { t } = useTranslation();
  return {
    /** "Socialtjänst" – for check boxes and table cells. */
    agency: lookup(t('codes.agency', { returnObjects: true }) as Record<string, string>),
    /** "Skola" */
    category: lookup(t('codes.category', { returnObjects: true }) as Record<string, string>),
    /** "Teammöte" */
    purpose: lookup(t('codes.purpose', { returnObjects: true }) as Record<string, string>),
    /** "Aktivt", "Återkallat" … */
    consentState: lookup(t('codes.consentState', { returnObjects: true }) as Record<string, string>),
  };
}
