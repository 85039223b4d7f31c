/**
 * The child page's plan section: the current plan (status, review date with
 * overdue in words, needs and actions, lead professional, "Öppna planen"), or
 * "Starta barnets plan" for those who may start one; closed plans as history.
 * A reader who may see no plan sees only that there is none.
 */
import { Button, Card, Heading, Link as DsLink, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../api.ts';
import { ErrorAlert, Loading } from '../components/Status.tsx';
import { formatDate } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';
import { PlanStatusTag, ReviewDate } from './PlanBits.tsx';
import { useChildPlans } from './queries.ts';

export function PlanSection({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const plans = useChildPlans(childId);
  const items = plans.data?.items ?? [];
  const current = items.find((p) => p.status !== 'closed');
  const closed = items.filter((p) => p.status === 'closed');

  return (
    <section aria-labelledby='plan-heading' id='plan' className='stack-sm plan-section'>
      <Heading level={2} data-size='md' id='plan-heading'>
        {t('planSection.heading')}
      </Heading>
      {plans.isPending && <Loading />}
      {plans.isError &&
        (isApiError(plans.error, 404) || isApiError(plans.error, 403) ? (
          <Paragraph>{t('planSection.none')}</Paragraph>
        ) : (
          <ErrorAlert error={plans.error} headingLevel={3} onRetry={() => void plans.refetch()} />
        ))}
      {plans.isSuccess && current && (
        <Card className='plan-card' data-plan={current.id}>
          <div className='stack-sm'>
            <div className='section-head'>
              <Heading level={3} data-size='sm'>
                {t('planSection.current')}
              </Heading>
              <PlanStatusTag status={current.status} />
            </div>
            <Paragraph className='plan-card__reason'>{current.reason.length > 240 ? `${current.reason.slice(0, 239)}…` : current.reason}</Paragraph>
            <dl className='facts facts--compact'>
              <div>
                <dt>{t('planSection.reviewDate')}</dt>
                <dd>
                  <ReviewDate date={current.reviewDate} overdue={current.reviewOverdue} />
                </dd>
              </div>
              <div>
                <dt>{t('planSection.needs')}</dt>
                <dd>{t('planSection.needsValue', { count: current.needs, actions: current.actions })}</dd>
              </div>
              <div>
                <dt>{t('lead.heading')}</dt>
                <dd>{plans.data.leadProfessional ? `${plans.data.leadProfessional.name}, ${plans.data.leadProfessional.unitName}` : t('lead.none')}</dd>
              </div>
              <div>
                <dt>{t('planSection.childView')}</dt>
                <dd>{current.hasChildView ? t('common.yes') : t('planSection.childViewMissing')}</dd>
              </div>
              <div>
                <dt>{t('planSection.owner')}</dt>
                <dd>{current.owningUnitName}</dd>
              </div>
            </dl>
            <div>
              <Button asChild className='big-button'>
                <Link to={`/plans/${current.id}`}>{t('planSection.open')}</Link>
              </Button>
            </div>
          </div>
        </Card>
      )}
      {plans.isSuccess && !current && (
        <div className='stack-sm'>
          <Paragraph>{closed.length > 0 ? t('planSection.noneOpen') : t('planSection.none')}</Paragraph>
          {plans.data.canStart && (
            <>
              <Paragraph data-size='sm'>{t('planSection.startInfo')}</Paragraph>
              <div>
                <Button asChild className='big-button'>
                  <Link to={`/children/${childId}/plans/new`}>{t('planSection.start')}</Link>
                </Button>
              </div>
            </>
          )}
        </div>
      )}
      {closed.length > 0 && (
        <div className='stack-sm'>
          <Heading level={3} data-size='xs'>
            {t('planSection.closedHeading')}
          </Heading>
          <div className='table-scroll'>
            <Table border zebra data-size='sm'>
              <caption className='ds-sr-only'>{t('planSection.closedHeading')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope='col'>{t('planSection.colClosed')}</Table.HeaderCell>
                  <Table.HeaderCell scope='col'>{t('planSection.colReason')}</Table.HeaderCell>
                  <Table.HeaderCell scope='col'>{t('planSection.owner')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {closed.map((p) => (
                  <Table.Row key={p.id}>
                    <Table.Cell className='nowrap'>
                      <DsLink asChild>
                        <Link to={`/plans/${p.id}`}>{t('planSection.closedLink', { date: formatDate(p.updatedAt, language) })}</Link>
                      </DsLink>
                    </Table.Cell>
                    <Table.Cell className='note-cell'>{p.reason.length > 120 ? `${p.reason.slice(0, 119)}…` : p.reason}</Table.Cell>
                    <Table.Cell>{p.owningUnitName}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </div>
      )}
    </section>
  );
}
