/** The table of children: name (link), personnummer, age, named person. */
import { Link as DsLink, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ChildSummary } from '../api-types.ts';
import { fullName } from '../format.ts';
import { NamedPersonBriefText } from './NamedPersonBriefText.tsx';

export function ChildrenTable({ items, caption }: { items: ChildSummary[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <div className='table-scroll'>
      <Table zebra border className='children-table'>
        <caption className='ds-sr-only'>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope='col'>{t('children.colName')}</Table.HeaderCell>
            <Table.HeaderCell scope='col'>{t('children.colPersonnummer')}</Table.HeaderCell>
            <Table.HeaderCell scope='col'>{t('children.colAge')}</Table.HeaderCell>
            <Table.HeaderCell scope='col'>{t('children.colNamedPerson')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((child) => (
            <Table.Row key={child.id}>
              <Table.Cell>
                <DsLink asChild>
                  <Link to={`/children/${child.id}`} className={child.masked ? 'masked-name' : undefined}>
                    {child.masked ? t('child.protectedIdentity') : fullName(child)}
                  </Link>
                </DsLink>
                {child.isTestData && (
                  <>
                    {' '}
                    <Tag data-color='warning' data-size='sm' className='inline-tag'>
                      {t('child.testData')}
                    </Tag>
                  </>
                )}
              </Table.Cell>
              <Table.Cell className='nowrap'>{child.personnummer}</Table.Cell>
              <Table.Cell className='nowrap'>{t('child.age', { count: child.age })}</Table.Cell>
              <Table.Cell>
                <NamedPersonBriefText namedPerson={child.namedPerson} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
