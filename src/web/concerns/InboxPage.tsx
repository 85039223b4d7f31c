/**
 * The named person's inbox: concerns sent to me, most urgent and oldest
 * first, overdue ones marked in words; and the concerns I raised myself, with
 * where they stand.
 */
import { Heading, Label, Link as DsLink, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ConcernStatus } from '../api-types.ts';
import { ErrorAlert, Loading } from '../components/Status.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { formatDateTime } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';
import { byUrgencyAndAge, StatusTag, UrgencyTag, useConcernChildName } from './ConcernBits.tsx';
import { useConcernList } from './queries.ts';

type StatusFilter = ConcernStatus | 'open' | 'all';
const FILTERS: StatusFilter[] = ['open', 'new', 'acknowledged', 'in_progress', 'closed', 'all'];

export function InboxPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const mine = params.get('mine') === 'true';
  const filterParam = params.get('status') as StatusFilter | null;
  const filter: StatusFilter = filterParam && FILTERS.includes(filterParam) ? filterParam : 'open';
  usePageTitle(mine ? t('inbox.mineTitle') : t('inbox.title'));
  const list = useConcernList({ mine, status: filter === 'all' ? undefined : filter });
  const childName = useConcernChildName();

  const setFilter = (value: string) => {
    const next = new URLSearchParams(params);
    if (value === 'open') next.delete('status');
    else next.set('status', value);
    setParams(next, { replace: true });
  };

  const items = [...(list.data?.items ?? [])].sort(byUrgencyAndAge);
  const overdue = items.filter((c) => c.overdue).length;

  return (
    <div className='stack inbox'>
      <Heading level={1} data-size='lg'>
        {mine ? t('inbox.mineTitle') : t('inbox.title')}
      </Heading>
      <nav aria-label={t('inbox.viewsLabel')} className='inbox-views'>
        <ul>
          <li>
            <DsLink asChild>
              <Link to='/concerns' aria-current={!mine ? 'page' : undefined}>
                {t('inbox.toMe')}
              </Link>
            </DsLink>
          </li>
          <li>
            <DsLink asChild>
              <Link to='/concerns?mine=true' aria-current={mine ? 'page' : undefined}>
                {t('inbox.raisedByMe')}
              </Link>
            </DsLink>
          </li>
        </ul>
      </nav>
      <Paragraph>{mine ? t('inbox.mineIntro') : t('inbox.intro')}</Paragraph>
      <div className='inbox-filter'>
        <Label htmlFor={`${id}-status`}>
          {t('inbox.statusFilter')}
        </Label>
        <Select id={`${id}-status`} value={filter} onChange={(e) => setFilter(e.target.value)}>
          {FILTERS.map((f) => (
            <Select.Option key={f} value={f}>
              {t(`inbox.filter.${f}`)}
            </Select.Option>
          ))}
        </Select>
      </div>
      {list.isPending && <Loading />}
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && (
        <>
          <p className='result-count' role='status'>
            {t('inbox.count', { count: items.length })} {overdue > 0 && <strong>{t('inbox.overdueCount', { count: overdue })}</strong>}
          </p>
          {items.length === 0 ? (
            <Paragraph>{mine ? t('inbox.emptyMine') : t('inbox.empty')}</Paragraph>
          ) : (
            <div className='table-scroll'>
              <Table zebra border className='inbox-table'>
                <caption className='ds-sr-only'>{t('inbox.caption')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope='col'>{t('inbox.colChild')}</Table.HeaderCell>
                    <Table.HeaderCell scope='col'>{t('inbox.colUrgency')}</Table.HeaderCell>
                    <Table.HeaderCell scope='col'>{t('inbox.colRaised')}</Table.HeaderCell>
                    <Table.HeaderCell scope='col'>{t('inbox.colDue')}</Table.HeaderCell>
                    <Table.HeaderCell scope='col'>{t('inbox.colStatus')}</Table.HeaderCell>
                    <Table.HeaderCell scope='col'>{mine ? t('inbox.colSentTo') : t('inbox.colFrom')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {items.map((concern) => (
                    <Table.Row key={concern.id} data-overdue={concern.overdue || undefined} data-concern={concern.id}>
                      <Table.Cell>
                        <DsLink asChild>
                          <Link to={`/concerns/${concern.id}`}>{childName(concern)}</Link>
                        </DsLink>
                        <span className='secondary-text'>{concern.answers.whatIsGettingInTheWay.slice(0, 90)}{concern.answers.whatIsGettingInTheWay.length > 90 ? '…' : ''}</span>
                      </Table.Cell>
                      <Table.Cell>
                        <UrgencyTag urgency={concern.urgency} />
                      </Table.Cell>
                      <Table.Cell className='nowrap'>{formatDateTime(concern.raisedAt, language)}</Table.Cell>
                      <Table.Cell className='nowrap'>
                        {concern.firstResponseAt ? (
                          <>
                            {t('inbox.answered')} <span className='secondary-text'>{formatDateTime(concern.firstResponseAt, language)}</span>
                          </>
                        ) : (
                          formatDateTime(concern.firstResponseDueAt, language)
                        )}
                      </Table.Cell>
                      <Table.Cell>
                        <StatusTag concern={concern} />
                      </Table.Cell>
                      <Table.Cell>
                        {mine
                          ? concern.recipient
                            ? concern.recipient.name
                            : concern.recipientWithheld
                              ? t('raise.receipt.withheld')
                              : t('raise.receipt.noRecipient')
                          : concern.view === 'full'
                            ? `${concern.raisedBy.name}, ${concern.raisedBy.unitName}`
                            : ''}
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
        </>
      )}
    </div>
  );
}
