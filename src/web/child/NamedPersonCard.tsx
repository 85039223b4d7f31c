/** The named-person card: who, title, unit, phone, e-mail, since – or declined / missing in words. */
import { Card, Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { NamedPersonDetail } from '../api-types.ts';
import { formatDate, localized, telHref } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';

type Props = { namedPerson: NamedPersonDetail; title: string; headingId: string };

export function NamedPersonCard({ namedPerson, title, headingId }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const since = formatDate(namedPerson.since, language);
  return (
    <Card data-color='accent' variant='tinted' className='named-person-card'>
      <Heading level={2} data-size='sm' id={headingId}>
        {title}
      </Heading>
      {namedPerson.status === 'assigned' && namedPerson.name ? (
        <div className='stack-sm'>
          <Paragraph data-size='lg' className='named-person-card__name'>
            <strong>{namedPerson.name}</strong>
          </Paragraph>
          <dl className='facts facts--compact'>
            {namedPerson.title && (
              <div>
                <dt>{t('namedPerson.title')}</dt>
                <dd>{localized(namedPerson.title, language)}</dd>
              </div>
            )}
            {namedPerson.unitName && (
              <div>
                <dt>{t('namedPerson.unit')}</dt>
                <dd>{namedPerson.unitName}</dd>
              </div>
            )}
            <div>
              <dt>{t('namedPerson.phone')}</dt>
              <dd>
                {namedPerson.phone ? (
                  <DsLink href={telHref(namedPerson.phone)}>{namedPerson.phone}</DsLink>
                ) : (
                  t('common.notGiven')
                )}
              </dd>
            </div>
            {namedPerson.email && (
              <div>
                <dt>{t('namedPerson.email')}</dt>
                <dd>
                  <DsLink href={`mailto:${namedPerson.email}`}>{namedPerson.email}</DsLink>
                </dd>
              </div>
            )}
            {since && (
              <div>
                <dt>{t('namedPerson.since')}</dt>
                <dd>{since}</dd>
              </div>
            )}
          </dl>
        </div>
      ) : namedPerson.status === 'declined' ? (
        <div className='stack-sm'>
          <Paragraph data-size='lg'>
            <strong>{t('namedPerson.declined')}</strong>
          </Paragraph>
          <Paragraph>{t('namedPerson.declinedInfo')}</Paragraph>
          {since && (
            <Paragraph>
              {t('namedPerson.since')}: {since}
            </Paragraph>
          )}
        </div>
      ) : (
        <div className='stack-sm'>
          <Paragraph data-size='lg'>
            <strong>{t('namedPerson.missing')}</strong>
          </Paragraph>
          <Paragraph>{t('namedPerson.missingInfo')}</Paragraph>
        </div>
      )}
    </Card>
  );
}
