/** On the child page: "Nödåtkomst till 14:30" while the user's emergency access to the child lasts. */
import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';
import { emergencyGrantFor } from './grants.ts';

export function EmergencyNotice({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const [expiresAt, setExpiresAt] = useState(() => emergencyGrantFor(childId));

  useEffect(() => {
    setExpiresAt(emergencyGrantFor(childId));
  }, [childId]);

  // Hide the notice when the access ends.
  useEffect(() => {
    if (!expiresAt) return;
    const left = Date.parse(expiresAt) - Date.now();
    const timer = setTimeout(() => setExpiresAt(emergencyGrantFor(childId)), Math.min(Math.max(left, 0) + 500, 2_147_000_000));
    return () => clearTimeout(timer);
  }, [expiresAt, childId]);

  if (!expiresAt) return null;
  return (
    <Alert data-color='warning' className='emergency-notice'>
      <Heading level={2} data-size='xs'>
        {t('emergency.notice', { time: formatTime(expiresAt, currentLanguage()) })}
      </Heading>
      <Paragraph>{t('emergency.noticeInfo')}</Paragraph>
    </Alert>
  );
}
