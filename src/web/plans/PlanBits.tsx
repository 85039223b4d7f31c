/** Small pieces shared by the plan screens: the status tag, the review date (overdue in words), the child's name, the export links. */
import { Link as DsLink, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { planExportHref } from '../api.ts';
import type { PlanStatus } from '../api-types.ts';
import { formatDate, fullName } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';

export function PlanStatusTag({ status }: { status: PlanStatus }) {
  const { t } = useTranslation();
  const colour = status === 'active' ? 'success' : status === 'draft' ? 'info' : status === 'under_review' ? 'warning' : 'neutral';
  return (
    <Tag data-color={colour} data-size='sm' className='plan-status' data-status={status}>
      {t(`plan.status.${status}`)}
    </Tag>
  );
}

/** "2026-12-01" – and "Försenad" in words (not only colour) when the review is overdue. */
export function ReviewDate({ date, overdue }: { date: string; overdue: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <span className='nowrap'>{formatDate(date, currentLanguage())}</span>
      {overdue && (
        <>
          {' '}
          <Tag data-color='danger' data-size='sm' className='overdue-tag'>
            {t('plan.reviewOverdue')}
          </Tag>
        </>
      )}
    </>
  );
}

/** The child as the reader may name them. */
export function usePlanChildName() {
  const { t } = useTranslation();
  return (child: { givenName: string | null; familyName: string | null; masked: boolean }) =>
    child.masked ? t('plan.maskedChild') : fullName(child) || t('plan.maskedChild');
}

/** Links to the plan's exports in the interface language. */
export function ExportLinks({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const links = [
    { href: planExportHref.pdf(planId, 'family', lang), label: t('plan.exports.family') },
    { href: planExportHref.pdf(planId, 'child', lang), label: t('plan.exports.child') },
    { href: planExportHref.pdf(planId, 'sip', lang), label: t('plan.exports.sip') },
    { href: planExportHref.fhir(planId), label: t('plan.exports.fhir') },
  ];
  return (
    <nav aria-label={t('plan.exports.label')} className='plan-exports no-print'>
      <Paragraph data-size='sm' className='field-heading'>
        {t('plan.exports.label')}
      </Paragraph>
      <ul className='plan-exports__list'>
        {links.map((l) => (
          <li key={l.href}>
            <DsLink href={l.href} target='_blank' rel='noopener'>
              {l.label}
              <span className='ds-sr-only'> ({t('plan.exports.newTab')})</span>
            </DsLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
