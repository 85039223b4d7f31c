/**
 * Nödåtkomst ("break the glass"): read access to one child for a few hours when
 * the child's life or health is in immediate danger. A reason is required;
 * the access is logged and reviewed afterwards. On success: the child page.
 */
import { Alert, Button, ErrorSummary, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api.ts';
import type { EmergencyAccessRequest } from '../api-types.ts';
import { errorMessage } from '../components/Status.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { rememberEmergencyGrant } from '../emergency/grants.ts';

export const EMERGENCY_DEFAULT_HOURS = 4;
export const EMERGENCY_MAX_HOURS = 24;
const REASON_MIN = 10;

type Problem = { target: string; message: string };

export function EmergencyAccessPage() {
  const { t } = useTranslation();
  usePageTitle(t('emergency.title'));
  const navigate = useNavigate();
  const id = useId();
  const ids = { personnummer: `${id}-pnr`, reason: `${id}-reason`, hours: `${id}-hours` };
  const [personnummer, setPersonnummer] = useState('');
  const [reason, setReason] = useState('');
  const [hours, setHours] = useState(String(EMERGENCY_DEFAULT_HOURS));
  const [problems, setProblems] = useState<Problem[]>([]);
  const [attempt, setAttempt] = useState(0);

  const grant = useMutation({
    mutationFn: (body: EmergencyAccessRequest) => api.requestEmergencyAccess(body),
    onSuccess: async (result) => {
      rememberEmergencyGrant(result);
      await navigate(`/children/${result.childId}`);
    },
  });

  const check = (): Problem[] => {
    const found: Problem[] = [];
    if (!personnummer.trim()) found.push({ target: ids.personnummer, message: t('emergency.errors.personnummer') });
    if (reason.trim().length < REASON_MIN) found.push({ target: ids.reason, message: t('emergency.errors.reason', { min: REASON_MIN }) });
    const h = Number(hours);
    if (!Number.isInteger(h) || h < 1 || h > EMERGENCY_MAX_HOURS)
      found.push({ target: ids.hours, message: t('emergency.errors.hours', { max: EMERGENCY_MAX_HOURS }) });
    return found;
  };
  const problemFor = (target: string) => problems.find((p) => p.target === target)?.message;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (grant.isPending) return;
    setAttempt((n) => n + 1);
    grant.reset();
    const found = check();
    setProblems(found);
    if (found.length > 0) return;
    grant.mutate({ personnummer: personnummer.trim(), reason: reason.trim(), hours: Number(hours) });
  };

  const focusTarget = (event: MouseEvent<HTMLAnchorElement>, target: string) => {
    event.preventDefault();
    document.getElementById(target)?.focus();
  };

  const shown: Problem[] = problems.length > 0 ? problems : grant.isError ? [{ target: '', message: errorMessage(grant.error, t('common.errorHeading')) }] : [];

  return (
    <div className='narrow stack'>
      <Heading level={1} data-size='lg'>
        {t('emergency.title')}
      </Heading>
      {shown.length > 0 && (
        <ErrorSummary key={attempt}>
          <ErrorSummary.Heading level={2} data-size='xs'>
            {problems.length > 0 ? t('emergency.errors.summaryHeading') : t('emergency.errors.apiHeading')}
          </ErrorSummary.Heading>
          <ErrorSummary.List>
            {shown.map((p, i) => (
              <ErrorSummary.Item key={`${p.target}-${i}`}>
                {p.target ? (
                  <ErrorSummary.Link href={`#${p.target}`} onClick={(e) => focusTarget(e, p.target)}>
                    {p.message}
                  </ErrorSummary.Link>
                ) : (
                  p.message
                )}
              </ErrorSummary.Item>
            ))}
          </ErrorSummary.List>
        </ErrorSummary>
      )}
      <Paragraph>{t('emergency.intro')}</Paragraph>
      <Alert data-color='warning'>
        <Heading level={2} data-size='xs'>
          {t('emergency.warningHeading')}
        </Heading>
        <Paragraph>{t('emergency.warning')}</Paragraph>
      </Alert>
      <form className='stack-sm' onSubmit={submit} noValidate>
        <Textfield
          id={ids.personnummer}
          label={t('emergency.personnummerLabel')}
          description={t('emergency.personnummerDescription')}
          inputMode='numeric'
          autoComplete='off'
          value={personnummer}
          onChange={(e) => setPersonnummer(e.target.value)}
          error={problemFor(ids.personnummer)}
          aria-required='true'
        />
        <Textfield
          id={ids.reason}
          multiline
          rows={4}
          label={t('emergency.reasonLabel')}
          description={t('emergency.reasonDescription', { min: REASON_MIN })}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={problemFor(ids.reason)}
          aria-required='true'
        />
        <Textfield
          id={ids.hours}
          type='number'
          inputMode='numeric'
          min={1}
          max={EMERGENCY_MAX_HOURS}
          step={1}
          label={t('emergency.hoursLabel')}
          description={t('emergency.hoursDescription', { hours: EMERGENCY_DEFAULT_HOURS })}
          value={hours}
          onChange={(e) => setHours(e.target.value)}
          error={problemFor(ids.hours)}
          aria-required='true'
          className='hours-field'
        />
        <div>
          <Button type='submit' data-color='danger' loading={grant.isPending} aria-disabled={grant.isPending || undefined}>
            {grant.isPending ? t('emergency.submitting') : t('emergency.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
