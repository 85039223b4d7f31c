/** The words around one consent: its one-line summary, why it is waiting, who withdrew it. */
import { useTranslation } from 'react-i18next';
import type { Consent } from '../api-types.ts';
import { formatDate, localized } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';

/** A guardian's name, or "Vårdnadshavare 2" when the name may not be shown (protected identity). */
export function useGuardianName() {
  const { t } = useTranslation();
  return (name: string | null | undefined, index: number) => name || t('consents.guardianNumber', { number: index + 1 });
}

export function useConsentText() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const guardianName = useGuardianName();

  /** The API's own line: "Delas med: polisen (skola) till 2027-11-22 – samtycke från båda vårdnadshavarna". */
  const summary = (consent: Consent) => localized(consent.summary, language);

  /** Why a consent that is recorded does not let anything be shared yet. */
  const waitingReasons = (consent: Consent): string[] => {
    const reasons: string[] = [];
    if (consent.state === 'not_yet_valid') reasons.push(t('consents.why.notYetValid', { date: formatDate(consent.validFrom, language) }));
    if (consent.childConsentRequired && consent.childDecision === 'declined') reasons.push(t('consents.why.childDeclined'));
    else if (consent.childConsentRequired && consent.childDecision !== 'given') reasons.push(t('consents.why.childNotAsked'));
    const unreachable = consent.parties
      .map((p, i) => ({ ...p, label: guardianName(p.name, i) }))
      .filter((p) => p.decision === 'unreachable');
    if (unreachable.length > 0 && !consent.unreachableResolution) {
      reasons.push(t('consents.why.unreachable', { names: unreachable.map((p) => p.label).join(', ') }));
    }
    if (reasons.length === 0 && consent.state === 'pending') reasons.push(t('consents.why.unknown'));
    return reasons;
  };

  /** "Anna Andersson (vårdnadshavare)", "barnet", "registrerat beslut". */
  const withdrawnBy = (consent: Consent): string => {
    const by = consent.withdrawnBy ?? '';
    if (by.startsWith('guardian:')) {
      const id = by.slice('guardian:'.length);
      const index = consent.parties.findIndex((p) => p.guardianId === id);
      return index >= 0 ? t('consents.withdrawnByGuardian', { name: guardianName(consent.parties[index]?.name, index) }) : t('consents.withdrawnByAGuardian');
    }
    if (by === 'child') return t('consents.withdrawnByChild');
    if (by === 'decision') return t('consents.withdrawnByDecision');
    return by || t('common.notGiven');
  };

  return { summary, waitingReasons, withdrawnBy };
}
