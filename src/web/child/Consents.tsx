/**
 * The child's consents: the ones in force, the others (waiting, withdrawn,
 * expired) as history – with state, scope, who recorded it and the child's own
 * view. Each consent that is not over can be withdrawn; the form to record a
 * new one sits below.
 */
import { Alert, Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChildDetail, Consent } from '../api-types.ts';
import { ErrorAlert, Loading } from '../components/Status.tsx';
import { formatDate, formatDateTime } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';
import { useLabels } from '../labels.ts';
import { useConsentText, useGuardianName } from './consent-text.ts';
import { useConsents } from './queries.ts';
import { RecordConsentForm } from './RecordConsentForm.tsx';
import { WithdrawConsentDialog } from './WithdrawConsentDialog.tsx';

const STATE_COLOR: Record<Consent['state'], 'success' | 'warning' | 'neutral'> = {
  active: 'success',
  pending: 'warning',
  not_yet_valid: 'warning',
  expired: 'neutral',
  withdrawn: 'neutral',
};

function ConsentCard({ consent, onWithdraw }: { consent: Consent; onWithdraw?: (consent: Consent, trigger: HTMLButtonElement) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const labels = useLabels();
  const text = useConsentText();
  const guardianName = useGuardianName();
  const headingId = `consent-${consent.id}`;
  const reasons = text.waitingReasons(consent);
  const decisions = t('consents.partyDecision', { returnObjects: true }) as Record<string, string>;
  const childDecisions = t('consents.childDecision', { returnObjects: true }) as Record<string, string>;
  const forms = t('consents.form', { returnObjects: true }) as Record<string, string>;
  const recipients = consent.recipients.map((r) => (r.agencyType ? labels.agency(r.agencyType) : (r.unitName ?? t('common.notGiven'))));

  return (
    <Card className='consent-card' data-color='neutral' data-state={consent.state}>
      <div className='consent-card__head'>
        <Tag data-color={STATE_COLOR[consent.state]} variant={consent.state === 'active' ? 'default' : 'outline'}>
          {labels.consentState(consent.state)}
        </Tag>
        <Heading level={4} data-size='2xs' id={headingId}>
          {text.summary(consent)}
        </Heading>
      </div>
      {reasons.length > 0 && (
        <Paragraph data-size='sm'>
          <strong>{t('consents.waitingBecause')}</strong> {reasons.join('; ')}
        </Paragraph>
      )}
      <dl className='facts facts--compact consent-card__facts'>
        <div>
          <dt>{t('consents.recipients')}</dt>
          <dd>{recipients.join(', ')}</dd>
        </div>
        <div>
          <dt>{t('consents.categories')}</dt>
          <dd>{consent.categories.map(labels.category).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('consents.purposes')}</dt>
          <dd>{consent.purposes.map(labels.purpose).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('consents.period')}</dt>
          <dd className='nowrap'>
            {t('consents.periodValue', { from: formatDate(consent.validFrom, language), to: formatDate(consent.validTo, language) })}
          </dd>
        </div>
        <div>
          <dt>{t('consents.formLabel')}</dt>
          <dd>{forms[consent.form] ?? consent.form}</dd>
        </div>
        <div>
          <dt>{t('consents.recordedBy')}</dt>
          <dd>{t('consents.recordedByValue', { name: consent.recordedBy, date: formatDateTime(consent.recordedAt, language) })}</dd>
        </div>
      </dl>
      <div className='stack-sm'>
        <div>
          <Paragraph data-size='sm' className='consent-card__label'>
            {t('consents.guardians')}
          </Paragraph>
          <ul className='plain-list'>
            {consent.parties.map((p, i) => (
              <li key={p.guardianId}>
                {guardianName(p.name, i)}: {decisions[p.decision] ?? p.decision}
                {p.reason ? ` – ${p.reason}` : ''}
                {p.withdrawnAt ? ` (${t('consents.partyWithdrawn', { date: formatDate(p.withdrawnAt, language) })})` : ''}
              </li>
            ))}
          </ul>
          {consent.unreachableResolution && (
            <Paragraph data-size='sm'>
              {t('consents.unreachableResolution')}: {consent.unreachableResolution}
            </Paragraph>
          )}
        </div>
        <div>
          <Paragraph data-size='sm' className='consent-card__label'>
            {t('consents.childView')}
          </Paragraph>
          <blockquote className='child-view'>{consent.childView}</blockquote>
          <Paragraph data-size='sm'>
            {t('consents.childDecisionLabel')}: {childDecisions[consent.childDecision] ?? consent.childDecision}
            {consent.childConsentRequired ? ` – ${t('consents.childConsentRequired', { count: consent.childAge })}` : ''}
          </Paragraph>
        </div>
        {consent.withdrawnAt && (
          <Paragraph data-size='sm'>
            <strong>{t('consents.withdrawn')}:</strong>{' '}
            {t('consents.withdrawnValue', { date: formatDateTime(consent.withdrawnAt, language), by: text.withdrawnBy(consent) })}
            {consent.withdrawalNote ? ` – ${consent.withdrawalNote}` : ''}
          </Paragraph>
        )}
      </div>
      {onWithdraw && (
        <div>
          <Button variant='secondary' data-size='sm' aria-describedby={headingId} onClick={(e) => onWithdraw(consent, e.currentTarget)}>
            {t('withdraw.open')}
          </Button>
        </div>
      )}
    </Card>
  );
}

export function Consents({ child, headingId }: { child: ChildDetail; headingId: string }) {
  const { t } = useTranslation();
  const consents = useConsents(child.id);
  const [target, setTarget] = useState<Consent | null>(null);
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(0);
  const [withdrawn, setWithdrawn] = useState(false);
  const doneRef = useRef<HTMLDivElement>(null);

  const items = consents.data ?? [];
  const current = items.filter((c) => c.state === 'active');
  const others = items.filter((c) => c.state !== 'active');
  const canWithdraw = (c: Consent) => c.state !== 'withdrawn' && c.state !== 'expired';

  const startWithdraw = (consent: Consent) => {
    setWithdrawn(false);
    setTarget(consent);
    setOpened((n) => n + 1);
    setOpen(true);
  };

  return (
    <section aria-labelledby={headingId} className='stack-sm consents'>
      <Heading level={2} data-size='sm' id={headingId} tabIndex={-1}>
        {t('consents.heading')}
      </Heading>
      <Paragraph>{t('consents.intro')}</Paragraph>
      {withdrawn && (
        <Alert data-color='success' ref={doneRef} tabIndex={-1} role='status'>
          <Paragraph>{t('withdraw.done')}</Paragraph>
        </Alert>
      )}
      {consents.isPending && <Loading />}
      {consents.isError && <ErrorAlert error={consents.error} headingLevel={3} onRetry={() => void consents.refetch()} />}
      {consents.isSuccess && (
        <>
          <Heading level={3} data-size='xs'>
            {t('consents.current')}
          </Heading>
          {current.length === 0 ? (
            <Paragraph>{t('consents.noneCurrent')}</Paragraph>
          ) : (
            <ul className='card-list'>
              {current.map((c) => (
                <li key={c.id}>
                  <ConsentCard consent={c} onWithdraw={startWithdraw} />
                </li>
              ))}
            </ul>
          )}
          <Heading level={3} data-size='xs'>
            {t('consents.history')}
          </Heading>
          {others.length === 0 ? (
            <Paragraph>{t('consents.noneHistory')}</Paragraph>
          ) : (
            <ul className='card-list'>
              {others.map((c) => (
                <li key={c.id}>
                  <ConsentCard consent={c} onWithdraw={canWithdraw(c) ? startWithdraw : undefined} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <RecordConsentForm child={child} />
      {target && (
        <WithdrawConsentDialog
          key={`${target.id}-${opened}`}
          childId={child.id}
          consent={target}
          open={open}
          onCancel={() => setOpen(false)}
          onWithdrawn={() => {
            setOpen(false);
            setWithdrawn(true);
            requestAnimationFrame(() => doneRef.current?.focus());
          }}
        />
      )}
    </section>
  );
}
