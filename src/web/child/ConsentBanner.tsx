/**
 * "Show what is shared, always": one line per consent in force (the API's own
 * summary), consents that wait with the reason, or – in words – that nothing is
 * shared with other agencies. State is written out, never shown by colour alone.
 */
import { Button, Heading, Link as DsLink, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../components/Status.tsx';
import { useConsentText } from './consent-text.ts';
import { useConsents } from './queries.ts';

export function ConsentBanner({ childId, consentsAnchor }: { childId: string; consentsAnchor: string }) {
  const { t } = useTranslation();
  const consents = useConsents(childId);
  const text = useConsentText();
  const items = consents.data ?? [];
  const active = items.filter((c) => c.state === 'active');
  const waiting = items.filter((c) => c.state === 'pending' || c.state === 'not_yet_valid');

  return (
    <section aria-labelledby='sharing-heading' className='consent-banner'>
      <Heading level={2} data-size='2xs' id='sharing-heading' className='consent-banner__heading'>
        {t('consents.banner.heading')}
      </Heading>
      <div aria-live='polite' className='consent-banner__body'>
        {consents.isPending && <Loading />}
        {consents.isError && (
          <div className='consent-banner__error'>
            <Paragraph>
              <strong>{t('consents.banner.error')}</strong> {consents.error instanceof Error ? consents.error.message : ''}
            </Paragraph>
            <Button variant='secondary' data-size='sm' onClick={() => void consents.refetch()}>
              {t('common.retry')}
            </Button>
          </div>
        )}
        {consents.isSuccess && active.length === 0 && (
          <Paragraph className='consent-banner__none'>
            <strong>{t('consents.banner.nothingShared')}</strong>
          </Paragraph>
        )}
        {consents.isSuccess && (active.length > 0 || waiting.length > 0) && (
          <ul className='consent-banner__lines'>
            {active.map((c) => (
              <li key={c.id}>
                <Tag data-color='success' data-size='sm' className='consent-banner__tag'>
                  {t('codes.consentState.active')}
                </Tag>{' '}
                <span>{text.summary(c)}</span>
              </li>
            ))}
            {waiting.map((c) => (
              <li key={c.id}>
                <Tag data-color='warning' data-size='sm' variant='outline' className='consent-banner__tag'>
                  {t('consents.banner.waitingTag')}
                </Tag>{' '}
                <span>{t('consents.banner.waitingLine', { summary: text.summary(c), reasons: text.waitingReasons(c).join('; ') })}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <Paragraph data-size='sm'>
        <DsLink href={`#${consentsAnchor}`}>{t('consents.banner.seeAll')}</DsLink>
      </Paragraph>
    </section>
  );
}
