/** A table of meetings: day, time, meeting (a link), place, how many agenda points – never which children. */
import { Link as DsLink, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CancelledTag, useMeetingWords } from './MeetingBits.tsx';
import type { MeetingSummary } from './types.ts';

export function MeetingTable({ items, caption }: { items: readonly MeetingSummary[]; caption: string }) {
  const { t } = useTranslation();
  const words = useMeetingWords();
  return (
    <div className='table-scroll'>
      <Table border zebra className='meeting-table'>
        <caption className='ds-sr-only'>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope='col'>{t('meetings.list.colDay')}</Table.HeaderCell>
            <Table.HeaderCell scope='col'>{t('meetings.list.colTime')}</Table.HeaderCell>
            <Table.HeaderCell scope='col'>{t('meetings.list.colMeeting')}</Table.HeaderCell>
            <Table.HeaderCell scope='col'>{t('meetings.list.colPlace')}</Table.HeaderCell>
            <Table.HeaderCell scope='col'>{t('meetings.list.colAgenda')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((m) => (
            <Table.Row key={m.id} data-meeting={m.id} data-kind={m.kind}>
              <Table.Cell className='nowrap'>{words.day(m)}</Table.Cell>
              <Table.Cell className='nowrap'>{words.time(m)}</Table.Cell>
              <Table.Cell>
                <DsLink asChild>
                  <Link to={`/meetings/${m.id}`}>{m.title}</Link>
                </DsLink>
                {m.cancelledAt && <CancelledTag />}
                <span className='secondary-text'>{m.kind === 'child' ? t('meetings.kind.child') : t('meetings.kind.standing_team')}</span>
              </Table.Cell>
              <Table.Cell>{m.location ?? t('meetings.noPlace')}</Table.Cell>
              <Table.Cell className='nowrap'>{words.points(m.agendaCount)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
