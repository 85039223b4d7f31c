import { Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../components/usePageTitle.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <div className='narrow stack'>
      <Heading level={1} data-size='lg'>
        {t('notFound.title')}
      </Heading>
      <Paragraph>{t('notFound.text')}</Paragraph>
      <Paragraph>
        <DsLink asChild>
          <Link to='/'>{t('notFound.home')}</Link>
        </DsLink>
      </Paragraph>
    </div>
  );
}
