/** Every named-person assignment of the child, newest first: dates, person, reason. */
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import type { NamedPersonHistoryItem } from '../api-types.ts';
import { ErrorAlert, Loading } from '../components/Status.tsx';
import { formatDate, inSentence, localized } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';

export const historyQueryKey = (childId: string) => ['child', childId, 'named-person-history'] as const;

function Person({ item }: { item: NamedPersonHistoryItem }) {
  const { t } = useTranslation();
  if (item.status === 'declined') return <>{t('namedPerson.declined')}</>;
  if (!item.name) return <>{t('namedPerson.missing')}</>;
  const detail = [localized(item.title, currentLanguage()), item.unitName].filter(Boolean).join(', ');
  return (
    <>
      {item.name}
      {detail && <span className='secondary-text'>{detail}</span>}
    </>
  );
}

export function NamedPersonHistory({ childId, title }: { childId: string; title: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const history = useQuery({
    queryKey: historyQueryKey(childId),
    queryFn: ({ signal }) => api.namedPersonHistory(childId, signal).then((r) => r.items),
  });
  const reasons = t('history.reason', { returnObjects: true }) as Record<string, string>;
  return (
    <section aria-labelledby='history-heading' className='stack-sm'>
      <Heading level={2} data-size='sm' id='history-heading'>
        {t('history.heading', { title })}
      </Heading>
      {history.isPending && <Loading />}
      {history.isError && <ErrorAlert error={history.error} headingLevel={3} onRetry={() => void history.refetch()} />}
      {history.isSuccess && history.data.length === 0 && <Paragraph>{t('history.none')}</Paragraph>}
      {history.isSuccess && history.data.length > 0 && (
        <div className='table-scroll'>
          <Table border zebra>
            <caption className='ds-sr-only'>{t('history.caption', { title: inSentence(title) })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope='col'>{t('history.from')}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t('history.to')}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t('history.person')}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t('history.reasonLabel')}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t('history.note')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {history.data.map((item) => (
                <Table.Row key={item.id}>
                  <Table.Cell className='nowrap'>{formatDate(item.validFrom, language)}</Table.Cell>
                  <Table.Cell className='nowrap'>{item.validTo ? formatDate(item.validTo, language) : t('history.ongoing')}</Table.Cell>
                  <Table.Cell>
                    <Person item={item} />
                  </Table.Cell>
                  <Table.Cell>{reasons[item.reason] ?? item.reason}</Table.Cell>
                  <Table.Cell className='note-cell'>{item.note ?? '–'}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}
