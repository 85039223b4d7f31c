/** Granskning: the log review queue for log reviewers, emergency accesses to judge for managers. */
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { isLogReviewer, isManager, useMe } from '../auth.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { AuditReviewQueue } from '../review/AuditReviewQueue.tsx';
import { EmergencyReviews } from '../review/EmergencyReviews.tsx';

export function ReviewPage() {
  const { t } = useTranslation();
  usePageTitle(t('review.title'));
  const me = useMe().data;
  const reviewer = isLogReviewer(me);
  const manager = isManager(me);
  return (
    <div className='stack'>
      <Heading level={1} data-size='lg'>
        {t('review.title')}
      </Heading>
      {!reviewer && !manager && <Paragraph>{t('review.noRole')}</Paragraph>}
      {reviewer && <AuditReviewQueue />}
      {manager && <EmergencyReviews />}
    </div>
  );
}
