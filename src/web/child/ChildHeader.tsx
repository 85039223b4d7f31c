/**
 * The child's name (or "Protected identity"), personnummer, age and flags –
 * and who the family turns to: the named person and, when one is appointed,
 * the lead professional.
 */
import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { ChildDetail, LeadProfessional } from '../api-types.ts';
import { formatDate, fullName, localized } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';

type Props = {
  child: ChildDetail;
  /** The named person's title in the child's model ("Barnkontakt"). */
  namedPersonTitle?: string;
  /** The lead professional; null: none appointed; undefined: not known to this reader. */
  leadProfessional?: LeadProfessional | null;
};

export function ChildHeader({ child, namedPersonTitle, leadProfessional }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const address = [child.address, [child.postalCode, child.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return (
    <div className='child-header stack-sm'>
      <Heading level={1} data-size='lg'>
        {child.masked ? t('child.protectedIdentity') : fullName(child)}
      </Heading>
      {(child.isTestData || child.protectedIdentity) && (
        <div className='tags'>
          {child.protectedIdentity && (
            <Tag data-color='danger' variant='outline'>
              {t('child.protectedIdentity')}
            </Tag>
          )}
          {child.isTestData && <Tag data-color='warning'>{t('child.testData')}</Tag>}
        </div>
      )}
      <dl className='facts'>
        <div>
          <dt>{t('child.personnummer')}</dt>
          <dd className='nowrap'>{child.personnummer}</dd>
        </div>
        <div>
          <dt>{t('child.ageLabel')}</dt>
          <dd>{t('child.age', { count: child.age })}</dd>
        </div>
        <div>
          <dt>{t('child.birthDate')}</dt>
          <dd>{formatDate(child.birthDate, language)}</dd>
        </div>
        <div>
          <dt>{t('child.municipality')}</dt>
          <dd>{child.municipalityName}</dd>
        </div>
        {!child.masked && address && (
          <div>
            <dt>{t('child.address')}</dt>
            <dd>{address}</dd>
          </div>
        )}
        <div>
          <dt>{t('child.model')}</dt>
          <dd>{localized(child.modelProfile.name, language)}</dd>
        </div>
      </dl>
      {namedPersonTitle && (
        <dl className='facts child-contacts'>
          <div>
            <dt>{namedPersonTitle}</dt>
            <dd>
              {child.namedPerson.status === 'assigned' && child.namedPerson.name
                ? [child.namedPerson.name, child.namedPerson.unitName].filter(Boolean).join(', ')
                : child.namedPerson.status === 'declined'
                  ? t('namedPerson.declined')
                  : t('namedPerson.missing')}
            </dd>
          </div>
          {leadProfessional !== undefined && (
            <div>
              <dt>{t('lead.heading')}</dt>
              <dd>{leadProfessional ? `${leadProfessional.name}, ${leadProfessional.unitName}` : t('lead.none')}</dd>
            </div>
          )}
        </dl>
      )}
      {child.masked && <Paragraph data-size='sm'>{t('child.protectedIdentityInfo')}</Paragraph>}
      {child.isTestData && <Paragraph data-size='sm'>{t('child.testDataInfo')}</Paragraph>}
    </div>
  );
}
