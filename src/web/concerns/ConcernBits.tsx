/** Small pieces shared by the inbox and the concern page: status, urgency and overdue tags, the child's name. */
import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Concern, ConcernUrgency } from '../api-types.ts';
import { fullName } from '../format.ts';

/** Sort for the inbox: most urgent first, then the oldest first. */
export function byUrgencyAndAge(a: Concern, b: Concern): number {
  const rank = (u: ConcernUrgency) => ['immediate', 'high', 'normal', 'low'].indexOf(u);
  return rank(a.urgency) - rank(b.urgency) || a.raisedAt.localeCompare(b.raisedAt);
}

/** The child as the reader may name it: name, "Skyddad identitet", or the personnummer the raiser typed. */
export function useConcernChildName() {
  const { t } = useTranslation();
  return (concern: Concern) => {
    if (concern.view === 'status') return t('concerns.childByPersonnummer', { personnummer: concern.personnummer });
    if (concern.child.masked) return t('child.protectedIdentity');
    return fullName(concern.child) || concern.child.personnummer;
  };
}

export function UrgencyTag({ urgency }: { urgency: ConcernUrgency }) {
  const { t } = useTranslation();
  const colour = urgency === 'immediate' ? 'danger' : urgency === 'high' ? 'warning' : 'neutral';
  return (
    <Tag data-color={colour} data-size='sm' className='urgency-tag' data-urgency={urgency}>
      {t(`concerns.urgency.${urgency}`)}
    </Tag>
  );
}

export function StatusTag({ concern }: { concern: Concern }) {
  const { t } = useTranslation();
  return (
    <span className='tags'>
      <Tag data-color={concern.status === 'new' ? 'info' : concern.status === 'closed' ? 'neutral' : 'success'} data-size='sm'>
        {t(`concerns.status.${concern.status}`)}
      </Tag>
      {concern.overdue && (
        <Tag data-color='danger' data-size='sm' className='overdue-tag'>
          {t('concerns.overdue')}
        </Tag>
      )}
    </span>
  );
}
