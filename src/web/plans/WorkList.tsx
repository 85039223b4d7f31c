/**
 * "Att göra" on the start page: what in the children's plans needs me –
 * overdue reviews, reviews due within two weeks, overdue actions – oldest
 * first, each linking to the plan. Children with protected identity are
 * named only as such.
 */
import { Heading, Link as DsLink, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PlanWorkItem } from '../api-types.ts';
import { ErrorAlert, Loading } from '../components/Status.tsx';
import { formatDate } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';
import { usePlanChildName } from './PlanBits.tsx';
import { useWorkList } from './queries.ts';

export function WorkList() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const list = useWorkList();
  const childName = usePlanChildName();
  const items = list.data?.items ?? [];
  const what = (item: PlanWorkItem) =>
    item.kind === 'action_overdue' ? t('workList.kind.action_overdue', { action: item.description ?? '' }) : t(`workList.kind.${item.kind}`);

  return (
    <section aria-labelledby='work-list-heading' className='stack-sm work-list'>
      <Heading level={2} data-size='md' id='work-list-heading'>
        {t('workList.heading')}
      </Heading>
      {list.isPending && <Loading />}
      {list.isError && <ErrorAlert error={list.error} headingLevel={3} onRetry={() => void list.refetch()} />}
      {list.isSuccess && items.length === 0 && <Paragraph>{t('workList.empty')}</Paragraph>}
      {items.length > 0 && (
        <ul className='work-list__items' aria-label={t('workList.caption')}>
          {items.map((item) => (
            <li key={`${item.planId}-${item.kind}-${item.actionId ?? ''}`} className='work-item' data-kind={item.kind} data-plan={item.planId}>
              <DsLink asChild>
                <Link to={`/plans/${item.planId}`} className={item.child.masked ? 'work-item__child masked-name' : 'work-item__child'}>
                  {childName(item.child)}
                </Link>
              </DsLink>
              <span className='work-item__what'>
                {what(item)}
                {item.kind !== 'review_due' && (
                  <>
                    {' '}
                    <Tag data-color='danger' data-size='sm' className='inline-tag'>
                      {t('plan.reviewOverdue')}
                    </Tag>
                  </>
                )}
              </span>
              <span className='secondary-text'>
                {t('workList.meta', { date: formatDate(item.date, language), role: t(`workList.role.${item.role}`) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
