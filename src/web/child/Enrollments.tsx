/** The child's enrollments (inskrivningar), current and past. */
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Enrollment } from '../api-types.ts';
import { formatDate } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';

function EnrollmentTable({ items, caption }: { items: Enrollment[]; caption: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const kinds = t('enrollments.kind', { returnObjects: true }) as Record<string, string>;
  return (
    <div className='table-scroll'>
      <Table border className='fixed-table'>
        <caption className='ds-sr-only'>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope='col'>{t('enrollments.kindLabel')}</Table.HeaderCell>
            <Table.HeaderCell scope='col'>{t('enrollments.unit')}</Table.HeaderCell>
            <Table.HeaderCell scope='col'>{t('enrollments.group')}</Table.HeaderCell>
            <Table.HeaderCell scope='col'>{t('enrollments.start')}</Table.HeaderCell>
            <Table.HeaderCell scope='col'>{t('enrollments.end')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((e) => (
            <Table.Row key={e.id}>
              <Table.Cell>{kinds[e.kind] ?? e.kind}</Table.Cell>
              <Table.Cell>{e.unitName ?? t('common.notGiven')}</Table.Cell>
              <Table.Cell>{e.groupName ?? '–'}</Table.Cell>
              <Table.Cell className='nowrap'>{formatDate(e.startDate, language)}</Table.Cell>
              <Table.Cell className='nowrap'>{e.endDate ? formatDate(e.endDate, language) : '–'}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

export function Enrollments({ enrollments }: { enrollments: Enrollment[] }) {
  const { t } = useTranslation();
  const current = enrollments.filter((e) => e.current);
  const past = enrollments.filter((e) => !e.current);
  return (
    <section aria-labelledby='enrollments-heading' className='stack-sm'>
      <Heading level={2} data-size='sm' id='enrollments-heading'>
        {t('enrollments.heading')}
      </Heading>
      <Heading level={3} data-size='xs'>
        {t('enrollments.current')}
      </Heading>
      {current.length ? (
        <EnrollmentTable items={current} caption={`${t('enrollments.heading')}: ${t('enrollments.current')}`} />
      ) : (
        <Paragraph>{t('enrollments.noneCurrent')}</Paragraph>
      )}
      <Heading level={3} data-size='xs'>
        {t('enrollments.past')}
      </Heading>
      {past.length ? (
        <EnrollmentTable items={past} caption={`${t('enrollments.heading')}: ${t('enrollments.past')}`} />
      ) : (
        <Paragraph>{t('enrollments.nonePast')}</Paragraph>
      )}
    </section>
  );
}
