/** One line about a child's named person: the name and unit, or declined / missing in words. */
import { useTranslation } from 'react-i18next';
import type { NamedPersonBrief } from '../api-types.ts';
import { currentLanguage } from '../i18n/index.ts';
import { localized } from '../format.ts';

export function NamedPersonBriefText({ namedPerson }: { namedPerson: NamedPersonBrief }) {
  const { t } = useTranslation();
  if (namedPerson.status === 'declined') return <span className='status-text'>{t('namedPerson.declined')}</span>;
  if (namedPerson.status === 'none' || !namedPerson.name) return <span className='status-text'>{t('namedPerson.missing')}</span>;
  const title = localized(namedPerson.title, currentLanguage());
  const detail = [title, namedPerson.unitName].filter(Boolean).join(', ');
  return (
    <span>
      {namedPerson.name}
      {detail && <span className='secondary-text'>{detail}</span>}
    </span>
  );
}
