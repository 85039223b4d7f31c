/** The child's guardians (vårdnadshavare). */
import { Heading, Link as DsLink, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Guardian } from '../api-types.ts';
import { fullName, telHref } from '../format.ts';

function useRelationship() {
  const { t } = useTranslation();
  const labels = t('guardians.relationship', { returnObjects: true }) as Record<string, string>;
  return (code: string) => labels[code] ?? code;
}

export function Guardians({ guardians }: { guardians: Guardian[] }) {
  const { t } = useTranslation();
  const relationship = useRelationship();
  return (
    <section aria-labelledby='guardians-heading' className='stack-sm'>
      <Heading level={2} data-size='sm' id='guardians-heading'>
        {t('guardians.heading')}
      </Heading>
      {guardians.length === 0 ? (
        <Paragraph>{t('guardians.none')}</Paragraph>
      ) : (
        <div className='table-scroll'>
          <Table border>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope='col'>{t('guardians.name')}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t('guardians.relationshipLabel')}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t('guardians.custody')}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t('guardians.phone')}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t('guardians.email')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {guardians.map((g) => (
                <Table.Row key={g.id}>
                  <Table.Cell>{fullName(g) || t('common.notGiven')}</Table.Cell>
                  <Table.Cell>{relationship(g.relationship)}</Table.Cell>
                  <Table.Cell>{g.custody ? t('common.yes') : t('common.no')}</Table.Cell>
                  <Table.Cell className='nowrap'>
                    {g.phone ? <DsLink href={telHref(g.phone)}>{g.phone}</DsLink> : t('common.notGiven')}
                  </Table.Cell>
                  <Table.Cell>{g.email ? <DsLink href={`mailto:${g.email}`}>{g.email}</DsLink> : t('common.notGiven')}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}
